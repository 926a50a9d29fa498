/**
 * A text-fragment link (`#:~:text=`) to a passage, the second form of a permalink: browsers that
 * support it scroll to and highlight the text on the plain reader page. Pure.
 *
 * Short quotes are spelled out whole; long ones as `textStart,textEnd` (their first and last words).
 * Up to three words of context before and after are added as `prefix-,` and `,-suffix` so a phrase
 * that occurs more than once points at the right occurrence.
 */
const WORDS_AT_EDGES = 4;
const WHOLE_QUOTE_MAX = 80;
const CONTEXT_WORDS = 3;

/** Percent-encodes a fragment directive part; `-`, `,` and `&` have meanings there. */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/gu, "%2D").replace(/,/gu, "%2C").replace(/&/gu, "%26");
}

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

export function textFragment(text: string, start: number, end: number): string {
  const quote = text.slice(start, end).trim();
  if (!quote) return "";
  const before = words(text.slice(Math.max(0, start - 60), start))
    .slice(-CONTEXT_WORDS)
    .join(" ");
  const after = words(text.slice(end, end + 60))
    .slice(0, CONTEXT_WORDS)
    .join(" ");
  const quoteWords = words(quote);
  const body =
    quote.length <= WHOLE_QUOTE_MAX || quoteWords.length <= WORDS_AT_EDGES * 2
      ? encodePart(quote)
      : `${encodePart(quoteWords.slice(0, WORDS_AT_EDGES).join(" "))},${encodePart(quoteWords.slice(-WORDS_AT_EDGES).join(" "))}`;
  return `#:~:text=${before ? `${encodePart(before)}-,` : ""}${body}${after ? `,-${encodePart(after)}` : ""}`;
}
