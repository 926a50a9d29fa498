import type { SentenceRange } from "./segment-sentences.ts";

/**
 * The sentences with sentence `index` (0-based) split at `offset` characters from its start: the first
 * part ends before the white space there, the second starts after it. A split that would leave either
 * part empty (or only white space), or an index outside the list, leaves the list as it is.
 */
export function splitSentence(
  text: string,
  sentences: readonly SentenceRange[],
  index: number,
  offset: number,
): SentenceRange[] {
  const sentence = sentences[index];
  if (!sentence || !Number.isInteger(index) || !Number.isInteger(offset)) return [...sentences];
  const cut = sentence.start + offset;
  if (cut <= sentence.start || cut >= sentence.end) return [...sentences];
  let firstEnd = cut;
  while (firstEnd > sentence.start && /\s/u.test(text[firstEnd - 1]!)) firstEnd--;
  let secondStart = cut;
  while (secondStart < sentence.end && /\s/u.test(text[secondStart]!)) secondStart++;
  if (firstEnd === sentence.start || secondStart === sentence.end) return [...sentences];
  return [
    ...sentences.slice(0, index),
    { start: sentence.start, end: firstEnd },
    { start: secondStart, end: sentence.end },
    ...sentences.slice(index + 1),
  ];
}

/**
 * The offset (from the sentence's start) just after its `words`-th word, for a split "after word N":
 * null when the sentence has no more than `words` words (nothing would be left for the second part).
 */
export function offsetAfterWord(sentenceText: string, words: number): number | null {
  if (!Number.isInteger(words) || words < 1) return null;
  const pattern = /\S+/gu;
  let count = 0;
  for (let match = pattern.exec(sentenceText); match; match = pattern.exec(sentenceText)) {
    count++;
    if (count === words) {
      const end = match.index + match[0].length;
      return sentenceText.slice(end).trim() === "" ? null : end;
    }
  }
  return null;
}
