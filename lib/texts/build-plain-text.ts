import type { SourceText } from "@/lib/sources/get-source-text";

/**
 * An edition as plain text: the edition's text exactly as stored (so the JSON's `start`/`end`
 * offsets, UTF-16 code units, point into it), ending with one line break.
 */
export function buildPlainText(source: Pick<SourceText, "text">): string {
  return source.text.endsWith("\n") ? source.text : `${source.text}\n`;
}
