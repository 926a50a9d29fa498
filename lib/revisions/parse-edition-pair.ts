import { z } from "zod";
import { int4 } from "@/lib/http/input-schemas";

/** Folds named in the address to show unfolded, at most this many (a longer list is cut, not refused). */
export const MAX_UNFOLDED = 100;

const PositiveNumberSchema = z
  .string({ error: "missing" })
  .trim()
  .regex(/^\d{1,10}$/u, { error: "notANumber" })
  .transform(Number)
  .pipe(int4("notANumber", { min: 1 }));

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export type EditionPair =
  | { ok: true; from: number; to: number; unfolded: Set<number> }
  | { ok: false; problem: "missing" | "notANumber" | "same" };

/**
 * The two editions to compare from the comparison page's search params (`?from=1&to=2`, each a whole
 * number from 1), and the folds to show unfolded (`&unfold=12`, repeatable; anything unreadable there
 * is ignored, as it only decides how much is shown). Says which rule failed instead of throwing, so
 * the page can explain; whether the editions exist is for the caller to check.
 */
export function parseEditionPair(searchParams: Record<string, string | string[] | undefined>): EditionPair {
  const from = PositiveNumberSchema.safeParse(one(searchParams.from));
  const to = PositiveNumberSchema.safeParse(one(searchParams.to));
  if (!from.success || !to.success) {
    const missing = [searchParams.from, searchParams.to].some((value) => (one(value)?.trim() ? false : true));
    return { ok: false, problem: missing ? "missing" : "notANumber" };
  }
  if (from.data === to.data) return { ok: false, problem: "same" };
  const unfolded = new Set(
    [searchParams.unfold ?? []]
      .flat()
      .slice(0, MAX_UNFOLDED)
      .map((value) => PositiveNumberSchema.safeParse(value))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : [])),
  );
  return { ok: true, from: from.data, to: to.data, unfolded };
}
