import type { z } from "zod";
import { AppError } from "./errors.ts";

export interface FieldProblem {
  field: string;
  /** An i18n key under "errors" (schemas use keys as messages) or zod's own message. */
  message: string;
}

/**
 * Parses input from outside (a form, a request body, search params) with its zod schema, or throws
 * INVALID with one problem per field, for the form or the API to show.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems: FieldProblem[] = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "form",
    message: issue.message,
  }));
  throw new AppError("INVALID", problems[0]?.message ?? "invalid", { problems });
}
