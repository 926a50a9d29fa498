import { describe, expect, it } from "vitest";
import {
  createReaderStore,
  highlightsSelector,
  INITIAL_READER_STATE,
  reduceReader,
  selectCanAnnotate,
  selectSentenceCounts,
  selectThreadCount,
  type ReaderAction,
  type ReaderState,
} from "@/app/_components/annotations/data/reader-store";
import type { AnnotationIndexView, AnnotationSummary } from "@/lib/annotations/types";

function summary(
  id: string,
  start: number,
  end: number,
  extra: Partial<AnnotationSummary> = {},
): AnnotationSummary {
  return {
    id,
    kind: "comment",
    authorId: "u1",
    mine: false,
    tags: [],
    anchor: { status: "anchored", start, end, firstSentence: 1, lastSentence: 1 },
    deleted: false,
    hidden: false,
    ...extra,
  };
}

function index(annotations: AnnotationSummary[], counts: Record<string, number> = {}): AnnotationIndexView {
  return {
    source: { slug: "kuty", editionNumber: 1 },
    group: null,
    version: "v1",
    people: [{ id: "u1", name: "Ala" }],
    annotations,
    sentenceCounts: counts,
  } as unknown as AnnotationIndexView;
}

function run(...actions: ReaderAction[]): ReaderState {
  return actions.reduce(reduceReader, INITIAL_READER_STATE);
}

describe("the reading view's state", () => {
  it("shows the index when it arrives, keeps it when a later fetch fails, and is an error only without one", () => {
    const list = index([summary("a", 0, 5)]);
    expect(run({ type: "indexFailed" }).index).toBe("error");
    expect(run({ type: "indexArrived", index: list }, { type: "indexFailed" }).index).toBe(list);
    expect(run({ type: "signedOut" }, { type: "indexFailed" }).index).toBe("error");
    expect(selectCanAnnotate(run({ type: "signedOut" }))).toBe(false);
    expect(selectCanAnnotate(run({ type: "indexArrived", index: list }))).toBe(true);
  });

  it("keeps one draft: started, moved by a word, and gone once cancelled or saved", () => {
    const started = run({ type: "draftStarted", range: { start: 4, end: 9 } });
    expect(started.draft).toEqual({ start: 4, end: 9 });
    const moved = reduceReader(started, {
      type: "draftMoved",
      from: { start: 4, end: 9 },
      range: { start: 4, end: 15 },
    });
    expect(moved.draft).toEqual({ start: 4, end: 15 });
    // A word step computed from a draft that has since been replaced changes nothing.
    const replaced = reduceReader(moved, { type: "draftStarted", range: { start: 20, end: 30 } });
    expect(
      reduceReader(replaced, {
        type: "draftMoved",
        from: { start: 4, end: 15 },
        range: { start: 4, end: 22 },
      }).draft,
    ).toEqual({ start: 20, end: 30 });
    expect(reduceReader(replaced, { type: "draftEnded" }).draft).toBeNull();
    // A new index (the saved note listed) does not end or change the draft: only draftEnded does.
    expect(
      reduceReader(replaced, { type: "indexArrived", index: index([summary("n", 20, 30, { mine: true })]) })
        .draft,
    ).toEqual({ start: 20, end: 30 });
  });

  it("focuses a sentence or picked highlights; picking forgets the one shown in the text; clearing forgets both", () => {
    const shown = run({ type: "sentenceFocused", sentence: 3 }, { type: "shownInText", id: "a" });
    expect(shown.focus).toEqual({ kind: "sentence", sentence: 3 });
    expect(shown.shownId).toBe("a");
    const picked = reduceReader(shown, { type: "annotationsPicked", ids: ["b", "c"] });
    expect(picked.focus).toEqual({ kind: "annotations", ids: ["b", "c"] });
    expect(picked.shownId).toBeNull();
    const cleared = reduceReader(picked, { type: "focusCleared" });
    expect(cleared.focus).toBeNull();
    expect(reduceReader(cleared, { type: "focusCleared" })).toBe(cleared);
  });

  it("opens, closes and toggles the panel", () => {
    expect(run({ type: "panelOpened" }).panelOpen).toBe(true);
    expect(run({ type: "panelOpened" }, { type: "panelClosed" }).panelOpen).toBe(false);
    expect(run({ type: "panelToggled" }, { type: "panelToggled" }, { type: "panelToggled" }).panelOpen).toBe(
      true,
    );
  });
});

describe("selectors", () => {
  it("count threads as the panel lists them (tombstones and orphans included) and sentences as the server does", () => {
    const list = index(
      [
        summary("a", 0, 5),
        summary("b", 0, 5, { deleted: true }),
        summary("c", 0, 0, { anchor: { status: "orphan" } }),
      ],
      { "1": 1 },
    );
    const state = run({ type: "indexArrived", index: list });
    expect(selectThreadCount(state)).toBe(3);
    expect(selectThreadCount(INITIAL_READER_STATE)).toBeUndefined();
    expect(selectSentenceCounts(state)).toEqual({ "1": 1 });
    expect(selectSentenceCounts(INITIAL_READER_STATE)).toEqual({});
  });

  it("paints anchored threads that are neither deleted nor hidden, once per index", () => {
    const highlights = highlightsSelector([
      { number: 1, start: 0, end: 10 },
      { number: 2, start: 11, end: 20 },
    ]);
    const list = index([
      summary("a", 2, 6),
      summary("b", 4, 14, { kind: "question" }),
      summary("gone", 0, 10, { deleted: true }),
      summary("hid", 0, 10, { hidden: true }),
      summary("orphan", 0, 0, { anchor: { status: "orphan" } }),
    ]);
    const state = run({ type: "indexArrived", index: list });
    const painted = highlights(state);
    expect(highlights(reduceReader(state, { type: "panelOpened" }))).toBe(painted);
    const first = painted.runs.get(1)!.filter((run) => run.depth > 0);
    expect(first.map((run) => [run.start, run.end, run.depth, run.question])).toEqual([
      [2, 4, 1, false],
      [4, 6, 2, true],
      [6, 10, 1, true],
    ]);
    expect(
      painted.runs
        .get(2)!
        .filter((run) => run.depth > 0)
        .map((run) => [run.start, run.end, run.depth]),
    ).toEqual([[11, 14, 1]]);
    const ids = [...painted.ids().values()].flat();
    expect(new Set(ids)).toEqual(new Set(["a", "b"]));
  });
});

describe("the store", () => {
  it("tells its listeners of every change and of nothing that changes nothing", () => {
    const store = createReaderStore();
    let heard = 0;
    const stop = store.subscribe(() => heard++);
    store.dispatch({ type: "panelOpened" });
    store.dispatch({ type: "panelOpened" });
    store.dispatch({ type: "draftEnded" });
    expect(heard).toBe(1);
    stop();
    store.dispatch({ type: "panelClosed" });
    expect(heard).toBe(1);
    expect(store.getState().panelOpen).toBe(false);
  });
});
