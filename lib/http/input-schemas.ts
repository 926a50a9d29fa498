import { z } from "zod";
import { SOURCE_SLUG_PATTERN } from "@/lib/sources/source-metadata-schema";
import { ID_PATTERN } from "./parse-id.ts";

/**
 * Characters no text from outside may carry: NUL (PostgreSQL cannot store it in text or jsonb) and
 * a UTF-16 surrogate without its other half (no character at all; it would be saved as U+FFFD, so
 * not what was sent). With the `u` flag a whole surrogate pair is one code point and does not match.
 */
const UNSAFE_CHARACTER = /\u0000|[\ud800-\udfff]/u;

/** Whether a string holds a character that cannot be stored as sent (see UNSAFE_CHARACTER). */
export function hasUnsafeCharacter(value: string): boolean {
  return UNSAFE_CHARACTER.test(value);
}

/**
 * Whether any string in a JSON value (keys included) holds an unsafe character; for values stored
 * as they come, such as an annotation body's Tiptap JSON.
 */
export function hasUnsafeText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === "string") {
      if (hasUnsafeCharacter(item)) return true;
    } else if (typeof item === "object" && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (hasUnsafeCharacter(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

/**
 * The one string schema for text from outside (forms, JSON bodies, query parameters): a string
 * (`error`: the message key when it is not one) without NUL or a lone surrogate ("textInvalid").
 * Chain `.trim()`, `.min()`, `.max()` as on z.string().
 */
export function text(error?: string) {
  return z
    .string(error === undefined ? undefined : { error })
    .refine((value) => !hasUnsafeCharacter(value), { error: "textInvalid" });
}

/** The largest value of a PostgreSQL `integer` column (Prisma's Int). */
export const MAX_INT4 = 2_147_483_647;

/**
 * A whole number that fits an `integer` column, from `min` (default 0): not a whole number is refused
 * with `error`, one outside the range (2147483648, say) with `rangeError` (default `error`).
 */
export function int4(error: string, options: { min?: number; rangeError?: string } = {}) {
  const { min = 0, rangeError = error } = options;
  return z
    .number({ error })
    .int({ error })
    .min(min, { error: rangeError })
    .max(MAX_INT4, { error: rangeError });
}

/** A URL segment holding a row id; anything else names no row (404 with `notFoundMessage`). */
export function idSegment(notFoundMessage: string) {
  return z
    .string({ error: notFoundMessage })
    .regex(ID_PATTERN, { error: notFoundMessage })
    .max(64, { error: notFoundMessage });
}

/** A URL segment holding a source's slug; anything else is no source (404 "sourceNotFound"). */
export const SlugSegment = z
  .string({ error: "sourceNotFound" })
  .max(200, { error: "sourceNotFound" })
  .regex(SOURCE_SLUG_PATTERN, { error: "sourceNotFound" });
