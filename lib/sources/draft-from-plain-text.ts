import { assembleDraft } from "./assemble-draft.ts";
import type { SourceDraft } from "./source-draft.ts";

/**
 * The draft of a plain text or Markdown file (or pasted text): paragraphs are separated by blank
 * lines, the lines of one paragraph are joined with a space, runs of spaces become one. In Markdown,
 * a heading's `#` marks, a quotation's `>` and a list item's bullet are dropped: they are layout, not
 * the source's words. Sentences are cut by `segmentSentences`, paragraph by paragraph.
 */
export function draftFromPlainText(text: string, markdown: boolean): SourceDraft {
  const paragraphs = text
    .replace(/\r\n?/gu, "\n")
    .split(/\n[ \t]*\n/u)
    .map((block) =>
      block
        .split("\n")
        .map((line) => (markdown ? withoutMarkdownMarks(line) : line))
        .join(" ")
        .replace(/\s+/gu, " ")
        .trim(),
    );
  return assembleDraft(paragraphs.map((paragraph) => ({ text: paragraph, marked: null, notes: [] })));
}

function withoutMarkdownMarks(line: string): string {
  return line.replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)/u, "");
}
