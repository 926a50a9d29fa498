"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { PaintedText } from "../highlights/highlight-segments";
import type { SentenceWindow } from "../highlights/sentence-window";
import type { ReaderState, ReaderStore } from "./reader-store";

/**
 * The reading view's store (data/reader-store.ts) and the layer's commands, for the sentences under
 * the layer: each reads only its part of the state, so a change re-renders only what it changes.
 */
export interface ReaderCommands {
  /** Shows the annotations touching a sentence in the panel (and moves focus there from a keyboard). */
  focusSentence: (sentence: number, fromKeyboard: boolean) => void;
  /** Starts a draft of a whole sentence; `origin` gets focus back if the draft is cancelled. */
  annotateSentence: (sentence: number, origin: HTMLElement | null) => void;
  /** Outlines the marks under `element` that the panel shows (layer-dom.ts's markFocused). */
  outlineMarks: (element: Element) => void;
}

export interface ReaderContextValue {
  store: ReaderStore;
  commands: ReaderCommands;
  /** The text's highlights in a state (highlightsSelector: worked out once per index). */
  highlights: (state: ReaderState) => PaintedText;
  /** A long text's sentences near the view, the only ones painted (sentence-window.ts); null: all are. */
  sentenceWindow: SentenceWindow | null;
}

export const ReaderContext = createContext<ReaderContextValue | null>(null);

/** The layer around the calling component, or null outside any (plain text, no buttons). */
export function useReaderContext(): ReaderContextValue | null {
  return useContext(ReaderContext);
}

/**
 * What `selector` picks from the store's state, re-read on every change and re-rendering the caller
 * only when it gives another value. The server (and the first client render) see the initial state.
 */
export function useReader<T>(store: ReaderStore, selector: (state: ReaderState) => T): T {
  const read = () => selector(store.getState());
  return useSyncExternalStore(store.subscribe, read, read);
}

const NO_STORE: ReaderStore = {
  getState: () => {
    throw new Error("no reader store");
  },
  dispatch: () => undefined,
  subscribe: () => () => undefined,
};

/** As useReader, for a component that may be outside any layer: `fallback` there. */
export function useReaderIn<T>(
  context: ReaderContextValue | null,
  selector: (state: ReaderState) => T,
  fallback: T,
): T {
  const store = context?.store ?? NO_STORE;
  const read = () => (context ? selector(store.getState()) : fallback);
  return useSyncExternalStore(store.subscribe, read, read);
}
