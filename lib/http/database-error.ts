import { AppError } from "./errors.ts";

/** Prisma's codes for a value the database refused (too long, out of range, wrong form). */
const INVALID_VALUE_CODES = new Set(["P2000", "P2006", "P2007", "P2020", "P2023", "P2033"]);

/** A SQLSTATE: five digits or capital letters, the first two its class ("22": a value it cannot take). */
const SQLSTATE = /^[0-9A-Z]{5}$/u;

/**
 * A SQLSTATE where a message names one: Prisma's "Code: `22021`" (its database and raw query
 * errors), the query engine's `PostgresError { code: "22P05"`, PostgreSQL's "(SQLSTATE 40001)". Named
 * only: five digits elsewhere in a message (a timeout in ms) are no code.
 */
const SQLSTATE_IN_MESSAGE = /(?:\bCode: `|\bcode: "|\bSQLSTATE )([0-9A-Z]{5})(?![0-9A-Za-z])/u;

/** The SQLSTATE PostgreSQL gave, as Prisma's pg driver adapter passes it on. */
function sqlState(error: { meta?: unknown }): string | undefined {
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

/**
 * The SQLSTATE an error's cause carries, a few causes deep: the driver adapter's error (its own
 * cause is the payload), the payload (`originalCode`), or node-postgres's error (`code` beside a
 * `severity`, so that some other `code` is not taken for one).
 */
function causeState(cause: unknown, depth = 0): string | undefined {
  if (typeof cause !== "object" || cause === null || depth > 3) return undefined;
  const { originalCode, code, severity } = cause as Record<string, unknown>;
  if (typeof originalCode === "string" && SQLSTATE.test(originalCode)) return originalCode;
  if (typeof code === "string" && SQLSTATE.test(code) && typeof severity === "string") return code;
  return causeState((cause as { cause?: unknown }).cause, depth + 1);
}

/**
 * The SQLSTATE of an error Prisma could not classify (PrismaClientUnknownRequestError): it carries
 * no code or meta, only a message and at times a cause, so from the cause if it has one, else as the
 * message names it.
 */
function unknownErrorState(error: { message?: unknown; cause?: unknown }): string | undefined {
  const fromCause = causeState(error.cause);
  if (fromCause) return fromCause;
  return typeof error.message === "string" ? SQLSTATE_IN_MESSAGE.exec(error.message)?.[1] : undefined;
}

/** What a SQLSTATE means to the user, by the rules below; undefined for any other (a real fault). */
function fromSqlState(state: string | undefined): AppError | undefined {
  if (state === "23505" || state === "23503" || state === "40001" || state === "40P01") {
    return new AppError("CONFLICT", "conflict");
  }
  if (state?.startsWith("22")) return new AppError("INVALID", "invalidRequest");
  return undefined;
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
 * Prisma's known errors carry its code and the SQLSTATE in `meta`. Not every driver-adapter error
 * comes as one: an error Prisma could not classify (PrismaClientUnknownRequestError) has only a
 * message and maybe a cause, and one raised by a transaction's COMMIT (a deferred constraint, a
 * serialization failure found at commit) reaches the app as the adapter's own DriverAdapterError.
 * Those are mapped by their SQLSTATE alone, where they carry one, by the same rules.
 */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  if (name === "PrismaClientValidationError") return new AppError("INVALID", "invalidRequest");
  if (name === "PrismaClientUnknownRequestError") return fromSqlState(unknownErrorState(error));
  if (name === "DriverAdapterError") return fromSqlState(causeState((error as { cause?: unknown }).cause));
  if (name !== "PrismaClientKnownRequestError") return undefined;
  const code = (error as { code?: unknown }).code;
  if (code === "P2025") return new AppError("NOT_FOUND", "goneMeanwhile");
  if (code === "P2002" || code === "P2003" || code === "P2034") return new AppError("CONFLICT", "conflict");
  const byState = fromSqlState(sqlState(error as { meta?: unknown }));
  if (byState) return byState;
  if (typeof code === "string" && INVALID_VALUE_CODES.has(code)) {
    return new AppError("INVALID", "invalidRequest");
  }
  return undefined;
}
