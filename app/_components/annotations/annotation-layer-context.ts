"use client";

import { createContext, useContext } from "react";
import type { TextRange } from "@/lib/anchoring/selectors";
import type { HighlightSegment } from "./highlights/highlight-segments";

/** What the sentences of one source need from its annotation layer. Unchanged when only focus changes. */
export interface AnnotationLayerValue {
  /** Runs of each sentence (by number); a sentence without annotations is absent. */
  segments: ReadonlyMap<number, HighlightSegment[]>;
  /** Annotations touching each sentence, by sentence number. */
  counts: Readonly<Record<string, number>>;
  /** The range waiting to be annotated, shown as a pending mark. */
  draft: TextRange | null;
  /** The reader is signed in, so the sentence buttons can work. */
  canAnnotate: boolean;
  /** Shows the annotations touching a sentence in the panel (and moves focus there from a keyboard). */
  focusSentence: (sentence: number, fromKeyboard: boolean) => void;
  /** Starts a draft of a whole sentence; `origin` gets focus back if the draft is cancelled. */
  annotateSentence: (sentence: number, origin: HTMLElement | null) => void;
}

export const AnnotationLayerContext = createContext<AnnotationLayerValue | null>(null);

/** The layer around the calling sentence, or null outside any (plain text, no buttons). */
export function useAnnotationLayer(): AnnotationLayerValue | null {
  return useContext(AnnotationLayerContext);
}
