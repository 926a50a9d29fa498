import type { PassageView } from "@/lib/sources/types";

/** What parts paragraphs in a plain text: a line break, then optional blanks, then another. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/u;

/** One paragraph: its sentences in order, each with the text that comes before it in the paragraph. */
export type Paragraph = { passage: PassageView; before: string }[];

/**
 * The edition's sentences grouped into its paragraphs (a blank line between two sentences starts a
 * new one; a text without blank lines is one paragraph). `before` is what separates a sentence from
 * the previous one in the same paragraph (a space, usually), "" for the first. Pure.
 */
export function splitParagraphs(text: string, passages: readonly PassageView[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let previous: PassageView | undefined;
  for (const passage of passages) {
    const gap = previous ? text.slice(previous.end, passage.start) : "";
    const current = paragraphs.at(-1);
    if (!current || PARAGRAPH_BREAK.test(gap)) paragraphs.push([{ passage, before: "" }]);
    else current.push({ passage, before: gap });
    previous = passage;
  }
  return paragraphs;
}
