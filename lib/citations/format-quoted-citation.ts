import type { Locale } from "@/lib/sources/types.ts";
import { formatCitation, type CitationFormat, type CitationStyle } from "./format-citation.ts";
import type { SourceCitation } from "./source-citation.ts";

/** The styles that cite a passage (with its locator): notes and in-text citations. */
export type QuotingStyle = Exclude<CitationStyle, "chicago-bibliography" | "mla" | "apa">;

/** Quotation marks of each interface language, outer and inner: Polish „…»…«…”, English “…‘…’…”. */
const QUOTATION_MARKS: Record<
  Locale,
  { open: string; close: string; innerOpen: string; innerClose: string }
> = {
  pl: { open: "„", close: "”", innerOpen: "»", innerClose: "«" },
  en: { open: "“", close: "”", innerOpen: "‘", innerClose: "’" },
};

/**
 * The double quotation marks a source text quotes with: " „ “ ” ‟. Guillemets are left alone: Polish
 * already uses them inside quotations.
 */
const DOUBLE_QUOTES = /["„“”‟]/gu;

/** Marks that only ever open a quotation (Polish „…”), and one that only ever closes it. */
const OPENING = new Set(["„", "‟"]);
const CLOSING = "”";

/**
 * The quotation followed by its citation, as a reader pastes it into a paper:
 * „Z bolszewikami nie walczyć” („Dyrektywa z Kut”, zd. 3) in Polish, “…” (“Dyrektywa z Kut,”
 * sentence 3) in English. In-text citations bring their own parentheses; a note is put in them, without
 * its final period.
 *
 * The quotation's whitespace is collapsed (a passage may span lines) and its own double quotation
 * marks become the inner marks of `locale` (see `toInnerQuotes`). Its punctuation is
 * otherwise kept as the source has it: a final period is not moved after the citation, because it may
 * end an abbreviation ("1939 r."). In HTML the quotation is escaped. Throws a RangeError for an empty
 * quotation.
 */
export function formatQuotedCitation(
  citation: SourceCitation,
  style: QuotingStyle,
  locale: Locale,
  format: CitationFormat = "text",
): string {
  const marks = QUOTATION_MARKS[locale];
  const text = citation.quote.replace(/\s+/gu, " ").trim();
  if (!text) throw new RangeError("Cannot cite an empty quotation");
  const quote = toInnerQuotes(text, marks.innerOpen, marks.innerClose);
  const cited = formatCitation(citation, style, locale, format);
  const parenthesized = cited.startsWith("(") ? cited : `(${cited.replace(/\.$/u, "")})`;
  return `${marks.open}${format === "html" ? escapeHtml(quote) : quote}${marks.close} ${parenthesized}`;
}

/**
 * `text` with its double quotation marks turned into inner ones, each opening or closing as it did.
 */
function toInnerQuotes(text: string, open: string, close: string): string {
  let inside = false;
  return text.replace(DOUBLE_QUOTES, (mark: string, offset: number) => {
    inside = opensQuotation(mark, text[offset - 1], inside);
    return inside ? open : close;
  });
}

/**
 * Whether a quotation mark opens a quotation: „ always does and ” never; “ does unless a quotation is
 * open (English “…”, German-style „…“); a straight " does at the start or after a space or bracket,
 * so a selection that begins inside a quotation keeps its closing mark a closing one.
 */
function opensQuotation(mark: string, before: string | undefined, inside: boolean): boolean {
  if (OPENING.has(mark)) return true;
  if (mark === CLOSING) return false;
  if (mark === "“") return !inside;
  return before === undefined || /[\s([{]/u.test(before);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => `&#${char.charCodeAt(0)};`);
}
