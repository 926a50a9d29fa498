import type { Locale } from "@/lib/sources/types";

/** The opening and closing quotation marks of the interface language: „…” in Polish, “…” in English. */
export function quoteMarks(locale: Locale): [open: string, close: string] {
  return locale === "pl" ? ["\u201e", "\u201d"] : ["\u201c", "\u201d"];
}
