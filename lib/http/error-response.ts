import { isAppError, type ErrorCode } from "./errors.ts";

const STATUS: Record<ErrorCode, number> = {
  INVALID: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_REQUEST: 400,
  TOO_LARGE: 413,
};

/**
 * The one mapping from errors to HTTP responses for route handlers: a typed domain error becomes its
 * status with `{ error: { code, message, details } }`; anything else is logged and becomes a plain 500
 * without a stack trace.
 */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json(
      { error: { code: error.code, message: error.message, details: error.details ?? null } },
      { status: STATUS[error.code] },
    );
  }
  console.error(error);
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
