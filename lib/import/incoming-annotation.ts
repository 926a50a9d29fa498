import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring/selectors";
import type { BodyPart } from "@/lib/annotations/body/body-from-html";

/** What an import is read into, whatever tool wrote the file: one annotation or reply. */
export interface IncomingAnnotation {
  /** Its place in the file (from 1), for the report. */
  index: number;
  /** Its id in the tool that wrote it (an IRI or Hypothesis id): a second import of it adds nothing. */
  externalId: string | null;
  /** The external id of what it replies to; null for a thread's root. */
  parentExternalId: string | null;
  /** The document it targets as the file names it (a Glossa edition's URL, a web page's). */
  targetUrl: string | null;
  quote: TextQuoteSelector | null;
  /**
   * Its TextPositionSelector as the file gives it: in Unicode code points in a W3C file (the
   * model's count), in UTF-16 code units in Hypothesis's (its client counts them).
   */
  position: TextPositionSelector | null;
  kind: "highlight" | "comment" | "question";
  /**
   * A comment or question with no body and no tags: how Glossa exports a note deleted while it had
   * replies (kept so that its replies have their thread). With replies in the file it is imported as
   * such a deleted note, never as a highlight; without, as a highlight (another tool's, perhaps).
   */
  deleted: boolean;
  /** The body's text, its HTML read as text (decides the kind, and names an entry without an id). */
  text: string;
  /** The text bodies as the file gives them: HTML (kept formatted, lib/annotations/body/body-from-html.ts) or plain text. */
  parts: BodyPart[];
  tags: string[];
  creatorName: string | null;
  /** When the file says it was written, and last changed (as it gives them: checked on import). */
  created: string | null;
  modified: string | null;
}

/** Why an entry of the file was not imported. */
export type RejectionReason =
  | "notAnAnnotation"
  | "noTarget"
  | "unknownSource"
  | "noQuote"
  | "positionNotInEdition"
  | "replyWithoutThread"
  | "bodyInvalid"
  | "tagsInvalid";

export interface Rejection {
  index: number;
  reason: RejectionReason;
}

/** A file read: its format, the entries understood, and those that were not. */
export interface ImportFile {
  format: "web-annotation" | "hypothesis";
  annotations: IncomingAnnotation[];
  rejected: Rejection[];
}
