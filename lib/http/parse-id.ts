import { z } from "zod";
import { NotFoundError } from "./errors.ts";

/** The characters of row ids as Glossa makes them: cuids, and UUIDs from Auth.js. */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Row ids as Glossa makes them. */
export const IdSchema = z.string().min(1).max(64).regex(ID_PATTERN);

/**
 * An id that came from outside (a URL segment, an argument bound into a server action, which a client
 * can forge). Anything that cannot be an id names no row: NOT_FOUND with `notFoundMessage`, never a
 * database error.
 */
export function parseId(value: unknown, notFoundMessage: string): string {
  const parsed = IdSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError(notFoundMessage);
  return parsed.data;
}
