/**
 * Database errors input can still cause, mapped to the errors a user can act on (422, 409, 404), and
 * everything else left alone (a 500): Prisma's known and validation errors, and the driver-adapter
 * errors that reach the app as an unknown request error or as the adapter's own error (a COMMIT that
 * failed) — each carrying PostgreSQL's SQLSTATE somewhere else.
 */
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import {
  PrismaClientKnownRequestError,
  PrismaClientUnknownRequestError,
} from "@prisma/client/runtime/client";
import { describe, expect, it } from "vitest";
import { fromDatabaseError } from "@/lib/http/database-error";

const clientVersion = "7.10.0";

/** What the pg adapter reports for a PostgreSQL error it has no kind of its own for. */
const pgCause = (code: string, message = "database error") => ({
  kind: "postgres" as const,
  code,
  severity: "ERROR",
  message,
  detail: undefined,
  column: undefined,
  hint: undefined,
  originalCode: code,
  originalMessage: message,
});

const unknown = (message: string, cause?: unknown) =>
  Object.assign(new PrismaClientUnknownRequestError(message, { clientVersion }), cause ? { cause } : {});

/** The code and message key of the mapped error, or undefined when it is left alone. */
const mapped = (error: unknown) => {
  const result = fromDatabaseError(error);
  return result && [result.code, result.message];
};

const INVALID = ["INVALID", "invalidRequest"];
const CONFLICT = ["CONFLICT", "conflict"];

describe("known request errors (unchanged)", () => {
  it("map Prisma's codes and the SQLSTATE the adapter passed on", () => {
    const known = (code: string, meta?: Record<string, unknown>) =>
      new PrismaClientKnownRequestError("failed", { code, clientVersion, meta });
    expect(mapped(known("P2025"))).toEqual(["NOT_FOUND", "goneMeanwhile"]);
    expect(mapped(known("P2002"))).toEqual(CONFLICT);
    expect(mapped(known("P2000"))).toEqual(INVALID);
    const database = (state: string) =>
      known("P2039", { driverAdapterError: new DriverAdapterError(pgCause(state)) });
    expect(mapped(database("22021"))).toEqual(INVALID);
    expect(mapped(database("40001"))).toEqual(CONFLICT);
    expect(mapped(database("42883"))).toBeUndefined();
    expect(mapped(known("P1001"))).toBeUndefined();
  });
});

describe("unknown request errors", () => {
  it("map a SQLSTATE of class 22 in the message to INVALID", () => {
    expect(
      mapped(
        unknown('Database error. Code: `22021`. Message: `invalid byte sequence for encoding "UTF8": 0x00`'),
      ),
    ).toEqual(INVALID);
    // The query engine's own wording.
    expect(
      mapped(
        unknown(
          'Error occurred during query execution:\nConnectorError(ConnectorError { user_facing_error: None, kind: QueryError(PostgresError { code: "22P05", message: "unsupported Unicode escape sequence", severity: "ERROR", detail: Some("\\\\u0000 cannot be converted to text."), column: None, hint: None }), transient: false })',
        ),
      ),
    ).toEqual(INVALID);
    expect(mapped(unknown("ERROR: value too long for type character varying(64) (SQLSTATE 22001)"))).toEqual(
      INVALID,
    );
  });

  it("map a unique violation, a serialization failure or a deadlock in the message to CONFLICT", () => {
    expect(mapped(unknown("Raw query failed. Code: `23505`. Message: `duplicate key value`"))).toEqual(
      CONFLICT,
    );
    expect(mapped(unknown('PostgresError { code: "40001", message: "could not serialize access" }'))).toEqual(
      CONFLICT,
    );
    expect(mapped(unknown("deadlock detected (SQLSTATE 40P01)"))).toEqual(CONFLICT);
  });

  it("map the SQLSTATE of their cause: the adapter's error, its payload, or node-postgres's error", () => {
    const noCode = "Transaction failed";
    expect(mapped(unknown(noCode, new DriverAdapterError(pgCause("22P02"))))).toEqual(INVALID);
    expect(mapped(unknown(noCode, pgCause("23505")))).toEqual(CONFLICT);
    const pgError = Object.assign(new Error("could not serialize access"), {
      code: "40001",
      severity: "ERROR",
    });
    expect(mapped(unknown(noCode, pgError))).toEqual(CONFLICT);
    // The cause wins over the message.
    expect(mapped(unknown("Code: `23505`", new DriverAdapterError(pgCause("22003"))))).toEqual(INVALID);
  });

  it("are left alone without a SQLSTATE the rules know (a 500 stays a 500)", () => {
    expect(mapped(unknown("Query engine exited unexpectedly"))).toBeUndefined();
    expect(
      mapped(unknown("Database error. Code: `42P01`. Message: `relation does not exist`")),
    ).toBeUndefined();
    expect(mapped(unknown("Code: `08006`", new DriverAdapterError(pgCause("08006"))))).toBeUndefined();
    // Prisma's own codes are no SQLSTATE: an unknown error saying P2025 is not a row gone.
    expect(mapped(unknown("Code: `P2025`"))).toBeUndefined();
    expect(mapped(unknown("Code: `P2002`"))).toBeUndefined();
    // Five digits that are not named as a code.
    expect(mapped(unknown("timed out after 22001 ms"))).toBeUndefined();
    // A code-like field that is not node-postgres's error (no severity).
    expect(mapped(unknown("failed", { code: "23505" }))).toBeUndefined();
  });

  it("are recognised by their name, as plain objects too", () => {
    expect(
      mapped({ name: "PrismaClientUnknownRequestError", message: "Database error. Code: `23505`." }),
    ).toEqual(CONFLICT);
    expect(mapped({ name: "PrismaClientUnknownRequestError", message: 42 })).toBeUndefined();
    expect(mapped({ name: "Error", message: "Database error. Code: `23505`." })).toBeUndefined();
  });
});

describe("the driver adapter's own error (a COMMIT that failed reaches the app unwrapped)", () => {
  it("maps the SQLSTATE it carries by the same rules", () => {
    const unique = new DriverAdapterError({
      kind: "UniqueConstraintViolation",
      constraint: { index: "scratch_n" },
      originalCode: "23505",
      originalMessage: 'duplicate key value violates unique constraint "scratch_n"',
    });
    expect(mapped(unique)).toEqual(CONFLICT);
    expect(mapped(new DriverAdapterError(pgCause("40001")))).toEqual(CONFLICT);
    expect(mapped(new DriverAdapterError(pgCause("22012")))).toEqual(INVALID);
    expect(mapped(new DriverAdapterError(pgCause("57014")))).toBeUndefined();
    expect(mapped(new DriverAdapterError({ kind: "ConnectionClosed" }))).toBeUndefined();
  });
});

describe("anything else", () => {
  it("is left alone", () => {
    expect(mapped(new Error("Code: `23505`"))).toBeUndefined();
    expect(mapped(Object.assign(new Error("boom"), { cause: pgCause("23505") }))).toBeUndefined();
    expect(mapped("23505")).toBeUndefined();
    expect(mapped(null)).toBeUndefined();
  });
});
