"use client";

import { createContext, useContext } from "react";

/** What every part of the panel may ask of it, without passing callbacks down through each level. */
export interface PanelActions {
  /** Says something in the panel's polite live region ("Annotation saved"). */
  announce: (message: string) => void;
  /** After a successful change: the reader fetches the list again. */
  onChanged: () => void;
  onShowInText: (annotationId: string) => void;
  /** Lists only the annotations with this tag (clicking a tag chip). */
  filterByTag: (tag: string) => void;
  /** Moves focus to the panel's heading, when the thing that had it is gone (a deleted annotation). */
  focusPanel: () => void;
  /** The language of the source's text (BCP 47): quotations from it are marked with it. */
  sourceLanguage: string;
  /** The group the annotations are shared in (its name), or null: notes are personal. */
  group: { id: string; name: string } | null;
}

export const PanelContext = createContext<PanelActions | null>(null);

export function usePanel(): PanelActions {
  const actions = useContext(PanelContext);
  if (!actions) throw new Error("usePanel() is used outside AnnotationPanel");
  return actions;
}

/** The id of an annotation's card, which the panel focuses after creating it. */
export function cardElementId(annotationId: string): string {
  return `annotation-${annotationId}`;
}
