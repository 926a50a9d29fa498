import { act, createElement, type ComponentType, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createReaderStore } from "@/app/_components/annotations/data/reader-store";
import { ReaderContext, type ReaderContextValue } from "@/app/_components/annotations/data/use-reader";
import { AnnotatedText } from "@/app/_components/annotations/highlights/annotated-text";
import { SentenceTools } from "@/app/_components/annotations/highlights/sentence-tools";
import type {
  HighlightSegment,
  PaintedText,
} from "@/app/_components/annotations/highlights/highlight-segments";
import type { AnnotationIndexView } from "@/lib/annotations/types";
import { messagesFor } from "@/lib/i18n/messages";
import {
  createSentenceWindow,
  PENDING_WINDOW,
  type SentenceWindow,
} from "@/app/_components/annotations/highlights/sentence-window";

/**
 * A long text paints only the sentences near the view (sentence-window.ts): a sentence far from it
 * shows its bare text, one that comes near shows its highlights, and for print every sentence does.
 * happy-dom lays nothing out, so the IntersectionObserver is one the test drives.
 */

type Callback = (entries: Pick<IntersectionObserverEntry, "target" | "isIntersecting">[]) => void;

/** The observers made, each with what it observes; `report` plays the browser's callback. */
class TestObserver {
  static made: TestObserver[] = [];
  readonly observed = new Set<Element>();
  constructor(
    readonly callback: Callback,
    readonly options: IntersectionObserverInit,
  ) {
    TestObserver.made.push(this);
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  takeRecords() {
    return [];
  }
  report(near: Map<Element, boolean>) {
    this.callback([...near].map(([target, isIntersecting]) => ({ target, isIntersecting })));
  }
}

/** next-intl's provider, its children given as createElement's third argument. */
const IntlProvider = NextIntlClientProvider as ComponentType<{
  locale: string;
  messages: ReturnType<typeof messagesFor>;
  children?: ReactNode;
}>;

const TEXT = "Rząd polski uległ rozkładowi.";
const RUN: HighlightSegment = { start: 100, end: 111, depth: 1, key: "a", question: false, mine: false };
const PAINTED: PaintedText = {
  runs: new Map([[4, [RUN, { ...RUN, start: 111, end: 129, depth: 0, key: "" }]]]),
  ids: () => new Map(),
};

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  TestObserver.made = [];
  vi.stubGlobal("IntersectionObserver", TestObserver);
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

function context(sentenceWindow: SentenceWindow | null, outlined: Element[] = []): ReaderContextValue {
  return {
    store: createReaderStore(),
    commands: {
      focusSentence: () => undefined,
      annotateSentence: () => undefined,
      outlineMarks: (element) => outlined.push(element),
    },
    highlights: () => PAINTED,
    sentenceWindow,
  };
}

function renderSentence(value: ReaderContextValue) {
  act(() =>
    root.render(
      createElement(
        ReaderContext.Provider,
        { value },
        createElement(AnnotatedText, { sentence: 4, start: 100, text: TEXT }),
      ),
    ),
  );
  return container.querySelector("[data-start]")!;
}

const marks = () => [...container.querySelectorAll("mark")].map((mark) => mark.textContent);

describe("a long text's sentence buttons", () => {
  it("are drawn only while the sentence is near the view: its count and Annotate sentence", () => {
    const sentenceWindow = createSentenceWindow(null)!;
    const value = context(sentenceWindow);
    value.store.dispatch({
      type: "indexArrived",
      index: {
        version: "v",
        annotations: [],
        people: [],
        sentenceCounts: { "4": 2 },
      } as unknown as AnnotationIndexView,
    });
    act(() =>
      root.render(
        createElement(
          IntlProvider,
          { locale: "en", messages: messagesFor("en") },
          createElement(
            ReaderContext.Provider,
            { value },
            createElement(SentenceTools, { sentence: 4, placement: "margin" }),
            createElement(AnnotatedText, { sentence: 4, start: 100, text: TEXT }),
          ),
        ),
      ),
    );
    const buttons = () => [...container.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"));
    expect(buttons()).toEqual([]);
    const [observer] = TestObserver.made;
    const sentence = container.querySelector("[data-start]")!;
    act(() => observer!.report(new Map([[sentence, true]])));
    expect(buttons()).toEqual(["Sentence 4: 2 annotations", "Annotate sentence 4"]);
    act(() => observer!.report(new Map([[sentence, false]])));
    expect(buttons()).toEqual([]);
    sentenceWindow.disconnect();
  });
});

describe("a long text's sentence window", () => {
  it("paints a sentence's highlights only while it is near the view, and outlines them when it comes", () => {
    const sentenceWindow = createSentenceWindow(null)!;
    const outlined: Element[] = [];
    const sentence = renderSentence(context(sentenceWindow, outlined));
    const [observer] = TestObserver.made;
    // A screen and a half above and below the view counts as near; the page is the scroller.
    expect(observer!.options).toMatchObject({ root: null, rootMargin: "150% 0px" });
    expect(observer!.observed.has(sentence)).toBe(true);
    // Not yet reported: the bare text, though the reader's index has highlights here.
    expect(marks()).toEqual([]);
    expect(sentence.textContent).toBe(TEXT);

    const moved = vi.fn();
    sentenceWindow.subscribe(moved);
    act(() => observer!.report(new Map([[sentence, true]])));
    expect(marks()).toEqual(["Rząd polski"]);
    expect(sentence.textContent).toBe(TEXT);
    expect(sentenceWindow.isNear(4)).toBe(true);
    expect(outlined).toEqual([sentence]);
    expect(moved).toHaveBeenCalledTimes(1);
    // Told again that it is near (another sentence's entry, say): drawn once, outlined once.
    act(() => observer!.report(new Map([[sentence, true]])));
    expect(outlined).toEqual([sentence]);

    act(() => observer!.report(new Map([[sentence, false]])));
    expect(marks()).toEqual([]);
    expect(sentence.textContent).toBe(TEXT);
    expect(sentenceWindow.isNear(4)).toBe(false);
    // Unmounted, the sentence is no longer watched.
    act(() => root.render(null));
    expect(observer!.observed.size).toBe(0);
    sentenceWindow.disconnect();
  });

  it("paints every sentence for print, and asks again which are near once printed", () => {
    const sentenceWindow = createSentenceWindow(null)!;
    const sentence = renderSentence(context(sentenceWindow));
    const [observer] = TestObserver.made;
    act(() => window.dispatchEvent(new Event("beforeprint")));
    expect(marks()).toEqual(["Rząd polski"]);
    // While printing, what the observer says is not taken.
    act(() => observer!.report(new Map([[sentence, false]])));
    expect(marks()).toEqual(["Rząd polski"]);
    const unobserve = vi.spyOn(observer!, "unobserve");
    act(() => window.dispatchEvent(new Event("afterprint")));
    expect(unobserve).toHaveBeenCalledWith(sentence);
    expect(observer!.observed.has(sentence)).toBe(true);
    act(() => observer!.report(new Map([[sentence, false]])));
    expect(marks()).toEqual([]);
    sentenceWindow.disconnect();
    // Disconnected, printing no longer paints anything.
    act(() => window.dispatchEvent(new Event("beforeprint")));
    expect(marks()).toEqual([]);
  });

  it("paints nothing before the window is made, and every sentence without one (a short text)", () => {
    renderSentence(context(PENDING_WINDOW));
    expect(marks()).toEqual([]);
    renderSentence(context(null));
    expect(marks()).toEqual(["Rząd polski"]);
  });

  it("is not made in a browser without IntersectionObserver: the layer then paints every sentence", () => {
    vi.stubGlobal("IntersectionObserver", undefined);
    expect(createSentenceWindow(null)).toBeNull();
  });
});
