import type { AnnotationIndexView } from "@/lib/annotations/types";
import type { Locale } from "@/lib/sources/types";

/** A passage of the text the reader has picked to annotate (offsets in the shown edition's text). */
export interface DraftSelection {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  firstSentence: number;
  lastSentence: number;
}

/** What the reader picked in the text: some highlights, or one sentence (from its count or number). */
export type PanelFocus =
  { kind: "annotations"; ids: string[] } | { kind: "sentence"; sentence: number } | null;

/** Props of the side panel (app/_components/annotations/panel/annotation-panel.tsx). */
export interface AnnotationPanelProps {
  locale: Locale;
  sourceSlug: string;
  /** The language of the source's text (BCP 47), for the quotations the panel shows. */
  sourceLanguage: string;
  editionNumber: number;
  /** "loading" until the index arrives; "signed-out" for anonymous readers; else the index. */
  list: AnnotationIndexView | "loading" | "signed-out" | "error";
  /** The selection waiting to be annotated, or null. */
  draft: DraftSelection | null;
  /** Moves one edge of the draft by one word: direction -1 left, +1 right. */
  onDraftAdjust: (edge: "start" | "end", direction: -1 | 1) => void;
  /** The reader cancelled the draft (focus goes back to what started it). */
  onDraftCancel: () => void;
  /** The draft was saved: it goes (the panel focuses the new annotation). */
  onDraftSaved: () => void;
  focus: PanelFocus;
  onClearFocus: () => void;
  /** Called after every successful change (create, edit, reply, delete, hide): the reader refetches. */
  onChanged: () => void;
  /** Scrolls the text to an annotation's highlight and marks it. */
  onShowInText: (annotationId: string) => void;
  /** Text-column heading id, for aria. Optional. */
  labelledBy?: string;
}
