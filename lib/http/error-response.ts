import { fromDatabaseError } from "./database-error.ts";
import { isAppError, type AppError, type ErrorCode } from "./errors.ts";

const STATUS: Record<ErrorCode, number> = {
  INVALID: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_REQUEST: 400,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
};

/** Retry-After for a RATE_LIMITED error that says how long to wait (`details.retryAfterSeconds`). */
function retryAfterHeader(details: unknown): Record<string, string> {
  const seconds = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? { "Retry-After": String(Math.ceil(seconds)) } : {};
}

/**
 * Headers an error names in its details: `challenge` (WWW-Authenticate, for a refused bearer token),
 * `allow` (Allow, for 405).
 */
function detailHeaders(details: unknown): Record<string, string> {
  const { challenge, allow } = (details ?? {}) as { challenge?: unknown; allow?: unknown };
  return {
    ...(typeof challenge === "string" ? { "WWW-Authenticate": challenge } : {}),
    ...(typeof allow === "string" ? { Allow: allow } : {}),
  };
}

/**
 * A typed error for `error`: itself when it is one, else what a database error that input caused
 * means (lib/http/database-error.ts, logged: a schema should have refused that input), else
 * undefined (a fault of ours).
 */
export function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  const mapped = fromDatabaseError(error);
  if (mapped) console.warn("A database error from input, mapped to", mapped.code, error);
  return mapped;
}

/**
 * The one mapping from errors to HTTP responses for route handlers: a typed domain error (or a
 * database error input caused, see `toAppError`) becomes its status with `{ error: { code, message,
 * details } }` (RATE_LIMITED also with a Retry-After header, and WWW-Authenticate or Allow when the
 * details name them: see detailHeaders); anything else is logged and becomes a
 * plain 500 without a stack trace.
 */
export function errorResponse(thrown: unknown): Response {
  const error = toAppError(thrown);
  if (error) {
    return Response.json(
      { error: { code: error.code, message: error.message, details: error.details ?? null } },
      {
        status: STATUS[error.code],
        headers: {
          ...(error.code === "RATE_LIMITED" ? retryAfterHeader(error.details) : {}),
          ...detailHeaders(error.details),
        },
      },
    );
  }
  console.error(thrown);
  return Response.json(
    { error: { code: "INTERNAL", message: "internalError", details: null } },
    { status: 500 },
  );
}

/** Runs a route handler's work and maps any error through `errorResponse`. */
export async function handleRoute(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}
