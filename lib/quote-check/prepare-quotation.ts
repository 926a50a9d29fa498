import { normaliseText, type NormalisedText } from "./normalise-text.ts";
import { tokeniseText, type Token } from "./tokenise-text.ts";

/** A student's quotation, normalised, without the quotation marks around it, split into tokens. */
export interface PreparedQuotation {
  original: string;
  normalised: NormalisedText;
  /** The quotation's tokens, without the quotation marks around it. */
  tokens: Token[];
  /** The tokens between ellipsis marks, in order; no part is empty. */
  parts: Token[][];
  hasEllipsis: boolean;
  wordCount: number;
  /** Characters of the normalised quotation, without the quotation marks around it. */
  length: number;
  /** The folded quotation with its ellipsis marks left out: what the approximate search looks for. */
  searchText: string;
}

const QUOTE_MARKS = new Set(['"', "'"]);
/** Punctuation a student puts after the closing quotation mark (Polish style: „…”.). */
const TRAILING_PUNCTUATION = new Set([".", ",", ";", ":"]);

/**
 * Prepares a quotation: normalises it (see `normaliseText`), drops the quotation marks (and a full
 * stop or comma after the closing one) that the student pasted around it, and splits it into tokens
 * and into the parts between its ellipsis marks.
 */
export function prepareQuotation(original: string): PreparedQuotation {
  const normalised = normaliseText(original);
  const { text } = normalised;
  let start = 0;
  let end = text.length;
  while (start < end && (QUOTE_MARKS.has(text[start]!) || text[start] === " ")) start++;
  while (end > start) {
    const last = text[end - 1]!;
    if (QUOTE_MARKS.has(last) || last === " ") end--;
    else if (TRAILING_PUNCTUATION.has(last) && end - 2 > start && QUOTE_MARKS.has(text[end - 2]!)) end -= 2;
    else break;
  }
  const tokens = tokeniseText(normalised).filter(
    (token) => token.normalisedStart >= start && token.normalisedEnd <= end,
  );

  const parts: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === "ellipsis") parts.push([]);
    else parts[parts.length - 1]!.push(token);
  }
  const nonEmptyParts = parts.filter((part) => part.length > 0);
  const searchText = nonEmptyParts
    .map((part) => normalised.folded.slice(part[0]!.normalisedStart, part[part.length - 1]!.normalisedEnd))
    .join(" ");

  return {
    original,
    normalised,
    tokens,
    parts: nonEmptyParts,
    hasEllipsis: tokens.some((token) => token.kind === "ellipsis"),
    wordCount: tokens.filter((token) => token.kind === "word").length,
    length: Math.max(0, end - start),
    searchText,
  };
}
