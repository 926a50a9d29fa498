import type { QuoteCheckSource } from "./types.ts";

/**
 * A working translation as the checker searches it: its sentences joined by one space, each a passage
 * numbered as the source's sentence it translates.
 */
export function translationAsSource(
  slug: string,
  sentences: { number: number; text: string }[],
): QuoteCheckSource {
  let text = "";
  const passages = sentences.map((sentence) => {
    if (text !== "") text += " ";
    const start = text.length;
    text += sentence.text;
    return { number: sentence.number, start, end: text.length };
  });
  return { slug, text, passages };
}
