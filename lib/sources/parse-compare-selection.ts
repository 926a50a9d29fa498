import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

/** A comparison needs at least two texts to be one… */
export const MIN_COMPARED_SOURCES = 2;
/** …and at most three, the most columns that stay readable on a laptop screen. */
export const MAX_COMPARED_SOURCES = 3;

const SlugSchema = text().trim().min(1).max(200);

const CompareSelectionSchema = z.object({
  // One list whether `s` came once or repeated, so a bad slug is always an issue about an item
  // (path ["s", i]) and only the count rule is an issue about the list (path ["s"]).
  s: z
    .preprocess((value) => (value === undefined ? [] : [value].flat()), z.array(SlugSchema))
    .transform((slugs) => [...new Set(slugs)])
    .pipe(z.array(z.string()).min(MIN_COMPARED_SOURCES).max(MAX_COMPARED_SOURCES)),
});

export type CompareSelection =
  { ok: true; slugs: string[] } | { ok: false; problem: "tooFew" | "tooMany" | "invalid" };

/**
 * The slugs chosen for the compare view from its search params (`?s=a&s=b[&s=c]`), duplicates
 * dropped, in the order given. Says which rule failed instead of throwing, so the page can explain.
 * Whether the slugs name real sources is for the caller to check.
 */
export function parseCompareSelection(
  searchParams: Record<string, string | string[] | undefined>,
): CompareSelection {
  const parsed = CompareSelectionSchema.safeParse({ s: searchParams.s });
  if (parsed.success) return { ok: true, slugs: parsed.data.s };
  const issue = parsed.error.issues[0];
  // A count rule failed if the issue concerns the list itself, not one of its items.
  const aboutCount = issue?.path.length === 1;
  if (aboutCount && issue?.code === "too_small") return { ok: false, problem: "tooFew" };
  if (aboutCount && issue?.code === "too_big") return { ok: false, problem: "tooMany" };
  return { ok: false, problem: "invalid" };
}
