import { alignmentOfLines } from "./align-translation.ts";
import { draftFromPlainText } from "./draft-from-plain-text.ts";
import { parseTei } from "./parse-tei.ts";

/**
 * The text a translation's pasted `text` reads as in `format` ("text", "markdown", "tei" or
 * "lines"), as the add-a-translation form's "read" step cuts it; null when it reads as nothing (an
 * unknown format, TEI that does not parse). Saving compares it with the alignment's text, so that
 * words corrected after the text was read are not silently left out.
 */
export function readTranslationText(format: string, text: string): string | null {
  switch (format) {
    case "lines":
      return alignmentOfLines(text)?.text ?? null;
    case "text":
    case "markdown":
      return draftFromPlainText(text, format === "markdown").text;
    case "tei": {
      const result = parseTei(text);
      return result.ok ? result.draft.text : null;
    }
    default:
      return null;
  }
}
