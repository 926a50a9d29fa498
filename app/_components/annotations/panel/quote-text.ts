/** Shortening a quoted passage for the panel. Pure. */

/** Quotes longer than this many characters are shown shortened: about four lines of the panel. */
export const QUOTE_PREVIEW_CHARACTERS = 280;

/** Of a shortened quote, this share of the length comes from its beginning, the rest from its end. */
const HEAD_SHARE = 0.6;

/**
 * The quote with its white space tidied and, when longer than `max` characters, its middle left out
 * at word boundaries ("beginning … end"), so both edges of the passage stay visible.
 */
export function shortenQuote(
  quote: string,
  max: number = QUOTE_PREVIEW_CHARACTERS,
): { text: string; shortened: boolean } {
  const text = quote.replace(/\s+/g, " ").trim();
  if (text.length <= max) return { text, shortened: false };
  const headLength = Math.floor(max * HEAD_SHARE);
  const tailLength = max - headLength;
  let head = text.slice(0, headLength);
  const headBreak = head.lastIndexOf(" ");
  if (headBreak > headLength / 2) head = head.slice(0, headBreak);
  let tail = text.slice(text.length - tailLength);
  const tailBreak = tail.indexOf(" ");
  if (tailBreak !== -1 && tailBreak < tailLength / 2) tail = tail.slice(tailBreak + 1);
  return { text: `${head.trimEnd()} … ${tail.trimStart()}`, shortened: true };
}
