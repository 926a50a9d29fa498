/**
 * Typed domain errors. Domain code throws these; `lib/http/error-response.ts` maps them to HTTP, and
 * pages map NOT_FOUND to the localized 404 page. A user never sees a stack trace.
 */
export type ErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "INVALID"
  | "UNAUTHENTICATED"
  /** The request itself is unreadable (not JSON, wrong content type): 400. */
  | "BAD_REQUEST"
  /** The request body is over the size limit: 413. */
  | "TOO_LARGE"
  /** Too many requests from this caller: 429, with details `{ retryAfterSeconds }` (Retry-After). */
  | "RATE_LIMITED"
  /** The method is not one the resource answers: 405 (details `{ allow }` becomes the Allow header). */
  | "METHOD_NOT_ALLOWED"
  /** No representation the client accepts: 406. */
  | "NOT_ACCEPTABLE"
  /** The body's media type is not one this endpoint reads: 415. */
  | "UNSUPPORTED_MEDIA_TYPE"
  /** A conditional request's If-Match names another version: 412. */
  | "PRECONDITION_FAILED"
  /** A change that must name the version it changes (If-Match) does not: 428. */
  | "PRECONDITION_REQUIRED";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super("NOT_FOUND", message);
    this.name = "NotFoundError";
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** INVALID for one field: the message key is both the error's message and the field's problem. */
export function invalidField(field: string, message: string): AppError {
  return new AppError("INVALID", message, { problems: [{ field, message }] });
}
