import type { TranslationAlignment } from "@/lib/sources/align-translation";

/**
 * What the add-a-translation form's action returns: every field as sent (nothing typed is lost, with
 * or without JavaScript), the alignment being edited (with a TEI text's notes), and what went wrong
 * (i18n keys under "errors", per field, with values such as how many sentences are paired); after
 * the text is read again, how many of the notes the form held were left out (on lines changed).
 * `version` grows with every answer.
 */
export interface NewTranslationState {
  status: "idle" | "preview" | "error";
  version?: number;
  values?: Record<string, string>;
  alignment?: TranslationAlignment | null;
  error?: string;
  fields?: Record<string, string>;
  errorValues?: Record<string, number>;
  notesLeftOut?: number;
}
