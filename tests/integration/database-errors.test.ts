/**
 * Database errors that reach the app past Prisma's known errors, made for real: a transaction whose
 * COMMIT fails (a deferred constraint, checked only then) comes back as the driver adapter's own
 * error, carrying the SQLSTATE and nothing else Prisma would have classified. It is mapped by that
 * SQLSTATE as any other (lib/http/database-error.ts), so the answer is a 409 or 422, not a 500.
 * (Prisma 7 raises PrismaClientUnknownRequestError for no database error a query can cause here:
 * those are unit-tested with constructed errors, tests/unit/database-error.test.ts.)
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { fromDatabaseError } from "@/lib/http/database-error";
import { errorResponse } from "@/lib/http/error-response";
import { testDatabase } from "../support/test-database";

beforeAll(async () => {
  // A table of the test's own, with checks deferred to COMMIT: a unique key, and a trigger refusing
  // a value with the SQLSTATE given in the row (class 22: a value PostgreSQL cannot take).
  await testDatabase().query(`
    CREATE TABLE deferred_checks (
      n int NOT NULL,
      refuse_with text,
      CONSTRAINT deferred_checks_n UNIQUE (n) DEFERRABLE INITIALLY DEFERRED
    );
    CREATE FUNCTION refuse_deferred() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.refuse_with IS NOT NULL THEN
        RAISE EXCEPTION 'refused at commit' USING ERRCODE = NEW.refuse_with;
      END IF;
      RETURN NEW;
    END $$;
    CREATE CONSTRAINT TRIGGER deferred_checks_refuse AFTER INSERT ON deferred_checks
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_deferred();
  `);
});

beforeEach(() => {
  // errorResponse logs what it maps (a warning) and what it does not (an error): expected here.
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  return () => vi.restoreAllMocks();
});

/** What a transaction that inserts `values` throws at COMMIT (or null if it commits). */
async function committing(values: string): Promise<unknown> {
  try {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO deferred_checks (n, refuse_with) VALUES ${values}`);
    });
    return null;
  } catch (error) {
    return error;
  }
}

describe("an error raised by COMMIT", () => {
  it("a unique violation found at commit: CONFLICT, a 409", async () => {
    const error = await committing("(1, NULL), (1, NULL)");
    expect(error).toMatchObject({ name: "DriverAdapterError" });
    expect(fromDatabaseError(error)).toMatchObject({ code: "CONFLICT", message: "conflict" });
    expect(errorResponse(error).status).toBe(409);
  });

  it("a value refused at commit with a SQLSTATE of class 22: INVALID, a 422", async () => {
    const error = await committing("(2, '22023')");
    expect(error).toMatchObject({ name: "DriverAdapterError" });
    expect(fromDatabaseError(error)).toMatchObject({ code: "INVALID", message: "invalidRequest" });
    expect(errorResponse(error).status).toBe(422);
  });

  it("anything else refused at commit stays a fault of ours, a 500", async () => {
    const error = await committing("(3, 'P0001')");
    expect(error).toMatchObject({ name: "DriverAdapterError" });
    expect(fromDatabaseError(error)).toBeUndefined();
    expect(errorResponse(error).status).toBe(500);
    // Nothing of the refused transactions was kept.
    expect(await testDatabase().query("SELECT n FROM deferred_checks")).toEqual([]);
  });
});
