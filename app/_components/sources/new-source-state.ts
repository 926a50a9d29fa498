import type { SourceDraft } from "@/lib/sources/source-draft";

/**
 * What the add-a-source form's action returns: every field as sent (so nothing typed is lost, with or
 * without JavaScript), the draft being previewed, and what went wrong (i18n keys under "errors", per
 * field, with values such as the line of malformed XML). `version` grows with every answer, so the
 * form's fields are drawn afresh with the values the server merged in (a TEI header's metadata).
 */
export interface NewSourceState {
  status: "idle" | "preview" | "error";
  version?: number;
  values?: Record<string, string>;
  draft?: SourceDraft | null;
  error?: string;
  fields?: Record<string, string>;
  errorValues?: Record<string, number>;
}

export const NEW_SOURCE_IDLE: NewSourceState = { status: "idle" };
