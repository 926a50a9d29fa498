"use client";

import { useCallback, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import { NEAR_SCREENS } from "./sentence-window-size";

/** How far beyond the view a sentence counts as near (NEAR_SCREENS), as the observer's margin. */
const NEAR_MARGIN = `${NEAR_SCREENS * 100}% 0px`;

/**
 * Which sentences of the text are near the view, by number (one IntersectionObserver for all: each
 * sentence's text element is watched). The sentence's highlights, buttons and translation's count
 * ask with useNearView. For printing, every sentence is near until the print is done (the whole text
 * goes on paper, with its highlights).
 */
export interface SentenceWindow {
  /** Watches sentence `sentence`'s text element until the returned function is called. */
  watch(element: Element, sentence: number): () => void;
  isNear(sentence: number): boolean;
  /** Calls `listener` when sentence `sentence` comes near or goes far. */
  subscribeSentence(sentence: number, listener: () => void): () => void;
  /** Calls `listener` after the observer reported (once per batch of sentences). */
  subscribe(listener: () => void): () => void;
  disconnect(): void;
}

/** The window of a long text before it is made (after hydration): no sentence is near yet. */
export const PENDING_WINDOW: SentenceWindow = {
  watch: () => () => undefined,
  isNear: () => false,
  subscribeSentence: () => () => undefined,
  subscribe: () => () => undefined,
  disconnect: () => undefined,
};

/**
 * The window over the sentences under `root` (the scrolling element; null: the page scrolls), or null
 * in a browser without IntersectionObserver (every sentence is then drawn).
 */
export function createSentenceWindow(root: Element | null): SentenceWindow | null {
  if (typeof IntersectionObserver !== "function") return null;
  const sentences = new Map<Element, number>();
  const near = new Set<number>();
  const sentenceListeners = new Map<number, Set<() => void>>();
  const listeners = new Set<() => void>();
  let printing = false;
  const tell = (sentence: number) => {
    for (const listener of sentenceListeners.get(sentence) ?? []) listener();
  };
  const observer = new IntersectionObserver(
    (entries) => {
      if (printing) return;
      for (const entry of entries) {
        const sentence = sentences.get(entry.target);
        if (sentence === undefined || near.has(sentence) === entry.isIntersecting) continue;
        if (entry.isIntersecting) near.add(sentence);
        else near.delete(sentence);
        tell(sentence);
      }
      for (const listener of listeners) listener();
    },
    { root, rootMargin: NEAR_MARGIN },
  );
  const beforePrint = () => {
    printing = true;
    // Synchronously: the page is laid out for print as soon as this returns.
    flushSync(() => {
      for (const sentence of sentences.values()) {
        if (near.has(sentence)) continue;
        near.add(sentence);
        tell(sentence);
      }
    });
  };
  const afterPrint = () => {
    printing = false;
    // Observed again, each sentence is told afresh whether it is near.
    for (const element of sentences.keys()) {
      observer.unobserve(element);
      observer.observe(element);
    }
  };
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  return {
    watch(element, sentence) {
      sentences.set(element, sentence);
      observer.observe(element);
      return () => {
        sentences.delete(element);
        observer.unobserve(element);
      };
    },
    isNear: (sentence) => near.has(sentence),
    subscribeSentence(sentence, listener) {
      const set = sentenceListeners.get(sentence) ?? new Set();
      sentenceListeners.set(sentence, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) sentenceListeners.delete(sentence);
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    disconnect() {
      observer.disconnect();
      sentences.clear();
      listeners.clear();
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
    },
  };
}

/**
 * Whether sentence `sentence` is drawn: always without a window (a short text), else while it is near
 * the view. The server and the first client render draw nothing of a long text.
 */
export function useNearView(sentenceWindow: SentenceWindow | null, sentence: number): boolean {
  const subscribe = useCallback(
    (listener: () => void) =>
      sentenceWindow ? sentenceWindow.subscribeSentence(sentence, listener) : () => undefined,
    [sentenceWindow, sentence],
  );
  return useSyncExternalStore(
    subscribe,
    () => (sentenceWindow ? sentenceWindow.isNear(sentence) : true),
    () => sentenceWindow === null,
  );
}
