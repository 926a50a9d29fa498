/**
 * The reading view's state, in one place: the reader's annotation index, what the panel is asked to
 * show (a sentence, some highlights, the one last shown in the text), the draft waiting to be
 * annotated and whether the panel (a drawer or a compared column's) is open. Pure: actions go
 * through `reduceReader`, components read through the selectors below (with `useReader`, in
 * use-reader.ts), and whatever touches the page (focus, scrolling, requests) stays with the code that
 * dispatches. Assignments and presence add their state here.
 */
import type { TextRange } from "@/lib/anchoring/selectors";
import type { AnnotationIndexView } from "@/lib/annotations/types";
import {
  markSegmentsBySentence,
  type HighlightRange,
  type PaintedText,
  type SentenceSpan,
} from "../highlights/highlight-segments";
import type { PanelFocus } from "../reader-types";

/** "loading" until the index first arrives; "signed-out" for an anonymous reader; else the index. */
export type IndexState = AnnotationIndexView | "loading" | "signed-out" | "error";

export interface ReaderState {
  index: IndexState;
  focus: PanelFocus;
  /** The annotation the panel last showed in the text ("Show in text"), outlined there. */
  shownId: string | null;
  /** The range waiting to be annotated, shown as a pending mark and in the panel's composer. */
  draft: TextRange | null;
  /** The drawer (narrow screens) or a compared column's panel is open. Beside the text: unused. */
  panelOpen: boolean;
}

export type ReaderAction =
  | { type: "indexArrived"; index: AnnotationIndexView }
  | { type: "signedOut" }
  /** A fetch failed: the index already shown stays; only a first load that fails is an error. */
  | { type: "indexFailed" }
  | { type: "sentenceFocused"; sentence: number }
  | { type: "annotationsPicked"; ids: readonly string[] }
  | { type: "shownInText"; id: string }
  | { type: "focusCleared" }
  | { type: "draftStarted"; range: TextRange }
  /** An edge moved by a word: applies only while the draft it was computed from is still there. */
  | { type: "draftMoved"; from: TextRange; range: TextRange }
  /** Cancelled, or saved (the one way a saved draft goes). */
  | { type: "draftEnded" }
  | { type: "panelOpened" }
  | { type: "panelClosed" }
  | { type: "panelToggled" };

export const INITIAL_READER_STATE: ReaderState = {
  index: "loading",
  focus: null,
  shownId: null,
  draft: null,
  panelOpen: false,
};

export function reduceReader(state: ReaderState, action: ReaderAction): ReaderState {
  switch (action.type) {
    case "indexArrived":
      return { ...state, index: action.index };
    case "signedOut":
      return { ...state, index: "signed-out", draft: null };
    case "indexFailed":
      return typeof state.index === "object" ? state : { ...state, index: "error" };
    case "sentenceFocused":
      return { ...state, focus: { kind: "sentence", sentence: action.sentence } };
    case "annotationsPicked":
      return { ...state, focus: { kind: "annotations", ids: [...action.ids] }, shownId: null };
    case "shownInText":
      return state.shownId === action.id ? state : { ...state, shownId: action.id };
    case "focusCleared":
      return state.focus === null && state.shownId === null
        ? state
        : { ...state, focus: null, shownId: null };
    case "draftStarted":
      return { ...state, draft: { start: action.range.start, end: action.range.end } };
    case "draftMoved":
      return state.draft && sameRange(state.draft, action.from)
        ? { ...state, draft: { start: action.range.start, end: action.range.end } }
        : state;
    case "draftEnded":
      return state.draft === null ? state : { ...state, draft: null };
    case "panelOpened":
      return state.panelOpen ? state : { ...state, panelOpen: true };
    case "panelClosed":
      return state.panelOpen ? { ...state, panelOpen: false } : state;
    case "panelToggled":
      return { ...state, panelOpen: !state.panelOpen };
  }
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}

// ---- Selectors: the same state gives the same (===) value, so a component re-renders only on a change.

/** The index once it has arrived, else null. */
export function selectIndex(state: ReaderState): AnnotationIndexView | null {
  return typeof state.index === "object" ? state.index : null;
}

/** A signed-in reader's index has arrived: the sentence buttons and the selection can annotate. */
export function selectCanAnnotate(state: ReaderState): boolean {
  return typeof state.index === "object";
}

const NO_COUNTS: Readonly<Record<string, number>> = {};

/** Annotations touching each sentence, by sentence number. */
export function selectSentenceCounts(state: ReaderState): Readonly<Record<string, number>> {
  return selectIndex(state)?.sentenceCounts ?? NO_COUNTS;
}

/**
 * How many threads the panel lists (orphans, hidden and deleted threads kept for their replies
 * included), so a toggle's count agrees with the panel's "All"; undefined before the index.
 */
export function selectThreadCount(state: ReaderState): number | undefined {
  return selectIndex(state)?.annotations.length;
}

/** Before the index arrives: no runs (the text stays plain) and nothing to look up. */
export const NO_HIGHLIGHTS: PaintedText = { runs: new Map(), ids: () => new Map() };

/** What is painted: anchored threads neither deleted nor hidden. */
export function paintedRanges(index: AnnotationIndexView): HighlightRange[] {
  return index.annotations.flatMap((annotation) =>
    annotation.anchor.status === "anchored" && !annotation.deleted && !annotation.hidden
      ? [
          {
            id: annotation.id,
            start: annotation.anchor.start,
            end: annotation.anchor.end,
            question: annotation.kind === "question",
            mine: annotation.mine,
          },
        ]
      : [],
  );
}

/**
 * The highlights of one text's sentences: worked out once per index (the selector keeps the last
 * answer), however many sentences ask.
 */
export function highlightsSelector(sentences: readonly SentenceSpan[]): (state: ReaderState) => PaintedText {
  let lastIndex: AnnotationIndexView | null = null;
  let last = NO_HIGHLIGHTS;
  return (state) => {
    const index = selectIndex(state);
    if (index === lastIndex) return last;
    lastIndex = index;
    last = index ? markSegmentsBySentence(sentences, paintedRanges(index)) : NO_HIGHLIGHTS;
    return last;
  };
}

// ---- The store.

export type Listener = () => void;

export interface ReaderStore {
  getState: () => ReaderState;
  dispatch: (action: ReaderAction) => void;
  subscribe: (listener: Listener) => () => void;
}

/** A store around `reduceReader`: listeners hear of every change of state (none when an action changes nothing). */
export function createReaderStore(initial: ReaderState = INITIAL_READER_STATE): ReaderStore {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    dispatch: (action) => {
      const next = reduceReader(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
