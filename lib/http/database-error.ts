import { AppError } from "./errors.ts";

/** Prisma's codes for a value the database refused (too long, out of range, wrong form). */
const INVALID_VALUE_CODES = new Set(["P2000", "P2006", "P2007", "P2020", "P2023", "P2033"]);

/** The SQLSTATE PostgreSQL gave, as Prisma's pg driver adapter passes it on. */
function sqlState(error: { meta?: unknown }): string | undefined {
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

/**
 * A database error that input still managed to cause, as the typed error a user can act on, or
 * undefined for anything else (a real fault, which stays a 500). The schemas should refuse such
 * input first (lib/http/input-schemas.ts); this is the net under them, so no request ends in a 500
 * because of what it sent:
 * - a value PostgreSQL cannot take (NUL, out of range, a date it cannot hold; SQLSTATE class 22)
 *   or that Prisma refuses to send: INVALID "invalidRequest";
 * - a unique or foreign-key violation (two requests at once) or a serialization failure: CONFLICT
 *   "conflict", to try again;
 * - a row gone in the meantime (P2025): NOT_FOUND.
 */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  if (name === "PrismaClientValidationError") return new AppError("INVALID", "invalidRequest");
  if (name !== "PrismaClientKnownRequestError") return undefined;
  const code = (error as { code?: unknown }).code;
  const state = sqlState(error as { meta?: unknown });
  if (code === "P2025") return new AppError("NOT_FOUND", "goneMeanwhile");
  if (code === "P2002" || code === "P2003" || code === "P2034") return new AppError("CONFLICT", "conflict");
  if (state === "23505" || state === "23503" || state === "40001" || state === "40P01") {
    return new AppError("CONFLICT", "conflict");
  }
  if ((typeof code === "string" && INVALID_VALUE_CODES.has(code)) || state?.startsWith("22")) {
    return new AppError("INVALID", "invalidRequest");
  }
  return undefined;
}
