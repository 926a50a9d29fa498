/**
 * The edition text as the reader has it, and the draft made from a range of it. Pure.
 */
import { describe } from "@/lib/anchoring/describe";
import type { TextRange } from "@/lib/anchoring/selectors";
import type { PassageView } from "@/lib/sources/types";
import type { DraftSelection } from "../reader-types";

/**
 * The edition text rebuilt from its passages: each passage's text at its offsets, one space for each
 * character between passages (the text separates sentences with white space, a single space in every
 * built-in source). Offsets into it are edition offsets.
 */
export function editionTextOf(passages: readonly PassageView[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const passage of [...passages].sort((a, b) => a.start - b.start)) {
    if (passage.start > at) parts.push(" ".repeat(passage.start - at));
    parts.push(passage.text);
    at = passage.start + passage.text.length;
  }
  return parts.join("");
}

/** The first and last passage numbers a range touches (the nearest ones if it falls between them). */
export function sentencesOf(passages: readonly PassageView[], range: TextRange): [number, number] {
  const touching = passages.filter((p) => p.start < range.end && p.end > range.start);
  const first = touching[0] ?? passages.find((p) => p.start >= range.start) ?? passages.at(-1);
  const last = touching.at(-1) ?? first;
  return [first?.number ?? 1, last?.number ?? 1];
}

/** The draft for a range of the edition text: its quote with context, and the sentences it spans. */
export function draftOf(text: string, passages: readonly PassageView[], range: TextRange): DraftSelection {
  const { quote } = describe(text, range);
  const [firstSentence, lastSentence] = sentencesOf(passages, range);
  return {
    start: range.start,
    end: range.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    firstSentence,
    lastSentence,
  };
}
