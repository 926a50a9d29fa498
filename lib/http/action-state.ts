import { toAppError } from "./error-response.ts";
import type { FieldProblem } from "./parse-input.ts";

/** What a server action returns to its form: nothing yet, success, or i18n keys of what went wrong. */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message?: string; value?: string }
  | { status: "error"; error: string; fields: Record<string, string>; values?: Record<string, number> };

export const IDLE: ActionState = { status: "idle" };

/**
/**
 * The one mapping from errors to form state for server actions: a domain error (or a database error
 * input caused, as for route handlers) becomes its message key and per-field keys (a rate limit also
 * the minutes to wait, for "Try again in {minutes}…"); anything else is rethrown (Next's redirects
 * and notFound travel as errors too).
 */
export function toActionState(thrown: unknown): ActionState {
  const error = toAppError(thrown);
  if (!error) throw thrown;
  const details = error.details as { problems?: FieldProblem[]; retryAfterSeconds?: number } | undefined;
  const problems = details?.problems ?? [];
  const wait = details?.retryAfterSeconds;
  return {
    status: "error",
    error: error.message,
    fields: Object.fromEntries(problems.map((p) => [p.field, p.message])),
    ...(typeof wait === "number" ? { values: { minutes: Math.max(1, Math.ceil(wait / 60)) } } : {}),
  };
}
