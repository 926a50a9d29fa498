import type { JSONContent } from "@tiptap/core";

/**
 * A body made of plain text: one paragraph per line (blank lines become empty paragraphs), so
 * `validateBody(bodyFromPlainText(text)).text` is the text with its line endings turned into "\n".
 * For tests, scripts and the benchmark.
 */
export function bodyFromPlainText(text: string): JSONContent {
  return {
    type: "doc",
    content: text
      .split(/\r\n|\r|\n/)
      .map((line) =>
        line === "" ? { type: "paragraph" } : { type: "paragraph", content: [{ type: "text", text: line }] },
      ),
  };
}
