import type { Locale } from "@/lib/sources/types.ts";

/** The word before sentence numbers. Polish abbreviates "zdanie" to "zd." in references, as in "art. 5 zd. 2". */
const LABELS: Record<Locale, { one: string; many: string }> = {
  pl: { one: "zd.", many: "zd." },
  en: { one: "sentence", many: "sentences" },
};

/** Ranges of numbers take an en dash, in both languages. */
const RANGE_DASH = "\u2013";

/**
 * The locator of a citation of sentences `first` to `last`: "sentence 3", "sentences 3–4" (en),
 * "zd. 3", "zd. 3–4" (pl). Throws a RangeError unless both are positive integers and `last` is not
 * before `first` (a caller's mistake).
 */
export function formatLocator(first: number, last: number, locale: Locale): string {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || first < 1 || last < first) {
    throw new RangeError(`Cannot cite sentences ${first} to ${last}`);
  }
  const label = LABELS[locale];
  return first === last ? `${label.one} ${first}` : `${label.many} ${first}${RANGE_DASH}${last}`;
}
