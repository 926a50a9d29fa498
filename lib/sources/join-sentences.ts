import type { SentenceRange } from "./segment-sentences.ts";

/**
 * The sentences with sentence `index` (0-based) joined to the one after it: one range from the first's
 * start to the second's end (the white space between them becomes part of the sentence). The last
 * sentence, or an index outside the list, leaves the list as it is.
 */
export function joinSentences(sentences: readonly SentenceRange[], index: number): SentenceRange[] {
  const first = sentences[index];
  const second = sentences[index + 1];
  if (!Number.isInteger(index) || !first || !second) return [...sentences];
  return [
    ...sentences.slice(0, index),
    { start: first.start, end: second.end },
    ...sentences.slice(index + 2),
  ];
}
