import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import {
  HighlightPrepaint,
  prepaintCall,
  prepaintOptions,
} from "@/app/_components/annotations/highlights/highlight-prepaint";
import {
  PREPAINT_HIGHLIGHTS,
  PREPAINT_QUESTION,
  PREPAINT_ROOT_ATTRIBUTE,
  PREPAINT_SHADES,
} from "@/app/_components/annotations/highlights/prepaint-names";
import {
  planPrepaint,
  prepaintHighlights,
  type PrepaintOptions,
} from "@/app/_components/annotations/highlights/prepaint-script";
import { SIGNED_IN_HINT_COOKIE } from "@/app/_lib/signed-in-hint";
import { DELETED, HIDDEN, KIND_LETTERS, RANGE_STRIDE, packIndex } from "@/lib/annotations/index/wire";
import type { AnnotationIndexView, AnnotationKind, AnnotationSummary } from "@/lib/annotations/types";

// A source's edition text and its passages, one sentence of the reader each.
const PASSAGES = [
  "Traktat podpisano w Rydze.",
  "Polska zachowała Wilno i Lwów.",
  "Granica przetrwała do 1939 roku.",
];
const EDITION = PASSAGES.join(" ");
const STARTS = PASSAGES.map((passage) => EDITION.indexOf(passage));
const SLUG = "ryga";
const OPTIONS = prepaintOptions(SLUG, true);
const URL = OPTIONS.url;

interface Thread {
  kind?: AnnotationKind;
  /** The quoted text, its first occurrence in the edition; null: an orphan. */
  quote: string | null;
  deleted?: boolean;
  hidden?: boolean;
}

/** The reader's index of the source with these threads, as the server sends it. */
function packedIndex(threads: Thread[], edition = EDITION) {
  const annotations = threads.map(({ kind = "comment", quote, deleted = false, hidden = false }, place) => {
    const start = quote === null ? -1 : edition.indexOf(quote);
    if (quote !== null && start < 0) throw new Error(`"${quote}" is not in the edition`);
    const summary: AnnotationSummary = {
      id: `a${place}`,
      kind,
      authorId: "u-anna",
      mine: place % 2 === 0,
      tags: [],
      anchor:
        quote === null
          ? { status: "orphan" }
          : { status: "anchored", start, end: start + quote.length, firstSentence: 1, lastSentence: 1 },
      deleted,
      hidden,
    };
    return summary;
  });
  const index: AnnotationIndexView = {
    source: { slug: SLUG, editionNumber: 1 },
    group: null,
    version: '"v1"',
    people: [{ id: "u-anna", name: "Anna Nowak" }],
    annotations,
    sentenceCounts: {},
  };
  return packIndex(index);
}

/**
 * The reading view as the server renders it: the text's section (marked for the script), each
 * sentence's number and its text element with `data-start`. `marks`: sentences already split by the
 * layer, by number, with the words in marks.
 */
function renderReader(marks: Record<number, string> = {}): HTMLElement {
  const sentences = PASSAGES.map((passage, place) => {
    const number = place + 1;
    const word = marks[number];
    const text = word ? passage.replace(word, `<mark>${word}</mark>`) : passage;
    return `<div data-sentence="${number}"><a href="/pl/sources/${SLUG}/${number}">${number}</a><span data-start="${STARTS[place]}">${text}</span></div>`;
  }).join("");
  document.body.innerHTML = `<section ${PREPAINT_ROOT_ATTRIBUTE}>${sentences}</section>`;
  return document.querySelector("section")!;
}

function sentenceText(number: number): Text {
  return document.querySelector(`[data-sentence="${number}"] [data-start]`)!.firstChild as Text;
}

type Handover = { status: number; etag: string | null; body: unknown };
type TestWindow = typeof globalThis & {
  __glossaIndex?: Record<string, Promise<Handover>>;
  __glossaLayerPainted?: boolean;
};
const testWindow = globalThis as TestWindow;

/** A fetch answering the index request with `body` (JSON) or the status alone. */
function serve(body: unknown, status = 200) {
  const fetch = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === null ? null : JSON.stringify(body), {
        status,
        headers: { "Content-Type": "application/json", ETag: '"v1"' },
      }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

/** Runs `script` (the shipped function, by default) and waits until it has painted, or not. */
async function runScript(script: () => void = () => prepaintHighlights(OPTIONS, planPrepaint)) {
  script();
  // The script paints in the first callback on its answer, before this await resumes.
  await testWindow.__glossaIndex?.[URL]?.catch(() => null);
}

/** What each highlight holds, as the text of its ranges. */
function painted(): Record<string, string[]> {
  return Object.fromEntries(
    PREPAINT_HIGHLIGHTS.map((name) => [
      name,
      [...((CSS.highlights.get(name) as Set<AbstractRange> | undefined) ?? [])].map((range) =>
        // The script paints static ranges, which have no text of their own: their node's, cut.
        (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
      ),
    ]),
  );
}

function shades(one: string[], two: string[] = [], three: string[] = [], questions: string[] = []) {
  return {
    [PREPAINT_SHADES[0]]: one,
    [PREPAINT_SHADES[1]]: two,
    [PREPAINT_SHADES[2]]: three,
    [PREPAINT_QUESTION]: questions,
  };
}

// happy-dom has neither the CSS Custom Highlight registry nor the Highlight class: a Map and a Set
// are all the script uses of them.
const HAS_HIGHLIGHT_API =
  typeof Highlight === "function" && typeof CSS !== "undefined" && "highlights" in CSS;

function stubHighlightApi() {
  if (HAS_HIGHLIGHT_API) {
    CSS.highlights.clear();
    return;
  }
  vi.stubGlobal("Highlight", class extends Set<AbstractRange> {});
  vi.stubGlobal("CSS", { highlights: new Map() });
}

let marks: MockInstance<Performance["mark"]>;

beforeEach(() => {
  stubHighlightApi();
  document.cookie = `${SIGNED_IN_HINT_COOKIE}=1; path=/`;
  marks = vi.spyOn(performance, "mark");
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.cookie = `${SIGNED_IN_HINT_COOKIE}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  document.body.innerHTML = "";
  delete testWindow.__glossaIndex;
  delete testWindow.__glossaLayerPainted;
});

/** The `ranges` count of the script's performance mark, or null without one. */
function prepaintedMark(): number | null {
  const call = marks.mock.calls.find(([name]) => name === "glossa:highlights-prepainted");
  return call ? (call[1] as { detail: { ranges: number } }).detail.ranges : null;
}

describe("the page's prepaint script", () => {
  it("shades overlapping threads by depth: two over the overlap, one either side", async () => {
    renderReader();
    serve(packedIndex([{ quote: "podpisano w Rydze" }, { kind: "highlight", quote: "w Rydze" }]));
    await runScript();
    expect(painted()).toEqual(shades(["podpisano "], ["w Rydze"]));
    expect(prepaintedMark()).toBe(2);
  });

  it("uses the deepest shade for three threads or more", async () => {
    renderReader();
    serve(
      packedIndex([
        { quote: "Polska zachowała Wilno" },
        { quote: "zachowała Wilno" },
        { quote: "Wilno i" },
        { quote: "Wilno" },
      ]),
    );
    await runScript();
    expect(painted()).toEqual(shades(["Polska ", " i"], ["zachowała "], ["Wilno"]));
  });

  it("paints no deleted, hidden or orphaned thread", async () => {
    renderReader();
    serve(
      packedIndex([
        { quote: "Traktat", deleted: true },
        { quote: "Rydze", hidden: true },
        { quote: null },
        { kind: "question", quote: "Wilno", deleted: true, hidden: true },
        { quote: "Granica" },
      ]),
    );
    await runScript();
    expect(painted()).toEqual(shades(["Granica"]));
    expect(prepaintedMark()).toBe(1);
  });

  it("puts what a question covers in the question highlight, as well as in its shade", async () => {
    renderReader();
    serve(packedIndex([{ kind: "question", quote: "Wilno i Lwów" }, { quote: "Lwów." }]));
    await runScript();
    expect(painted()).toEqual(shades(["Wilno i ", "."], ["Lwów"], [], ["Wilno i ", "Lwów"]));
    // The same ranges: the question's underline is drawn over the shade.
    const shaded = new Set([
      ...(CSS.highlights.get(PREPAINT_SHADES[0]) as Set<AbstractRange>),
      ...(CSS.highlights.get(PREPAINT_SHADES[1]) as Set<AbstractRange>),
    ]);
    for (const range of CSS.highlights.get(PREPAINT_QUESTION) as Set<AbstractRange>) {
      expect(shaded.has(range)).toBe(true);
    }
  });

  it("paints static ranges where the browser has them, which the layer's first render does not have to keep up to date", async () => {
    // happy-dom has no StaticRange (the other tests take the live-range path): one as the DOM's.
    class TestStaticRange {
      readonly collapsed = false;
      readonly startContainer: Node;
      readonly startOffset: number;
      readonly endContainer: Node;
      readonly endOffset: number;
      constructor(init: StaticRangeInit) {
        this.startContainer = init.startContainer;
        this.startOffset = init.startOffset;
        this.endContainer = init.endContainer;
        this.endOffset = init.endOffset;
      }
    }
    vi.stubGlobal("StaticRange", TestStaticRange);
    renderReader();
    serve(packedIndex([{ kind: "question", quote: "Wilno i Lwów" }, { quote: "Rydze. Polska" }]));
    await runScript();
    expect(painted()).toEqual(shades(["Rydze.", "Polska", "Wilno i Lwów"], [], [], ["Wilno i Lwów"]));
    const ranges = PREPAINT_HIGHLIGHTS.flatMap((name) => [
      ...(CSS.highlights.get(name) as Set<AbstractRange>),
    ]);
    expect(ranges.every((range) => range instanceof TestStaticRange)).toBe(true);
  });

  it("splits a thread across sentences into one range per sentence's text node", async () => {
    renderReader();
    serve(packedIndex([{ quote: "Rydze. Polska zachowała Wilno i Lwów. Granica" }]));
    await runScript();
    expect(painted()).toEqual(shades(["Rydze.", "Polska zachowała Wilno i Lwów.", "Granica"]));
    const ranges = [...(CSS.highlights.get(PREPAINT_SHADES[0]) as Set<AbstractRange>)];
    expect(ranges.map((range) => [range.startContainer, range.endContainer])).toEqual([
      [sentenceText(1), sentenceText(1)],
      [sentenceText(2), sentenceText(2)],
      [sentenceText(3), sentenceText(3)],
    ]);
    expect(ranges.map((range) => [range.startOffset, range.endOffset])).toEqual([
      [PASSAGES[0]!.indexOf("Rydze"), PASSAGES[0]!.length],
      [0, PASSAGES[1]!.length],
      [0, "Granica".length],
    ]);
  });

  it("paints only the sentences near the view in a long text, which the layer draws as they come near", async () => {
    // 450 sentences of 20 px, scrolled to sentence 201 on a screen of 800 px: near are those within
    // 1.5 screens (1,200 px) above and below, sentences 140 to 301.
    const count = OPTIONS.near.fromSentences + 50;
    const sentences = Array.from({ length: count }, (_, i) => `Zdanie ${i + 1}.`);
    const edition = sentences.join(" ");
    let start = 0;
    const html = sentences.map((sentence, i) => {
      const element = `<div data-sentence="${i + 1}"><span data-start="${start}">${sentence}</span></div>`;
      start += sentence.length + 1;
      return element;
    });
    document.body.innerHTML = `<section ${PREPAINT_ROOT_ATTRIBUTE}>${html.join("")}</section>`;
    vi.stubGlobal("innerHeight", 800);
    const measured: number[] = [];
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      const place = Number(this.parentElement!.dataset.sentence) - 1;
      measured.push(place + 1);
      const top = (place - 200) * 20;
      return { top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top } as DOMRect;
    });
    serve(
      packedIndex(
        sentences.map((quote) => ({ quote })),
        edition,
      ),
    );
    await runScript();
    const paintedSentences = [...(CSS.highlights.get(PREPAINT_SHADES[0]) as Set<AbstractRange>)].map(
      (range) => Number((range.startContainer.parentElement as HTMLElement).parentElement!.dataset.sentence),
    );
    expect(paintedSentences).toEqual(Array.from({ length: 301 - 140 + 1 }, (_, i) => 140 + i));
    expect(prepaintedMark()).toBe(162);
    // Found by halving, then walked: not every sentence is measured.
    expect(measured.length).toBeLessThan(200);
  });

  it("paints every sentence of a text shorter than that, wherever it lies", async () => {
    renderReader();
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(
      () => ({ top: 10_000, bottom: 10_020 }) as DOMRect,
    );
    serve(packedIndex([{ quote: "Rydze. Polska zachowała Wilno i Lwów. Granica" }]));
    await runScript();
    expect(painted()).toEqual(shades(["Rydze.", "Polska zachowała Wilno i Lwów.", "Granica"]));
  });

  it("skips a sentence the layer has already split by marks", async () => {
    renderReader({ 2: "Wilno" });
    serve(packedIndex([{ quote: "Rydze. Polska zachowała Wilno i Lwów. Granica" }, { quote: "Wilno" }]));
    await runScript();
    expect(painted()).toEqual(shades(["Rydze.", "Granica"]));
  });

  it("asks nothing of a reader without the signed-in hint", async () => {
    renderReader();
    document.cookie = `${SIGNED_IN_HINT_COOKIE}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    // Another cookie whose name ends like the hint's is not the hint.
    document.cookie = `not-${SIGNED_IN_HINT_COOKIE}=1; path=/`;
    const fetch = serve(packedIndex([{ quote: "Rydze" }]));
    await runScript();
    document.cookie = `not-${SIGNED_IN_HINT_COOKIE}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    expect(fetch).not.toHaveBeenCalled();
    expect(testWindow.__glossaIndex).toBeUndefined();
    expect(painted()).toEqual(shades([]));
    expect(prepaintedMark()).toBeNull();
  });

  it("hands its request over to the layer, as index-client.ts takes it", async () => {
    renderReader();
    const index = packedIndex([{ quote: "Rydze" }]);
    const fetch = serve(index);
    await runScript();
    expect(fetch).toHaveBeenCalledWith(`/api/sources/${SLUG}/annotations/index`, { credentials: "include" });
    await expect(testWindow.__glossaIndex![URL]).resolves.toEqual({ status: 200, etag: '"v1"', body: index });
  });

  it("hands over a failed request without its body, and paints nothing", async () => {
    renderReader();
    serve(null, 401);
    await runScript();
    await expect(testWindow.__glossaIndex![URL]).resolves.toEqual({ status: 401, etag: null, body: null });
    expect(painted()).toEqual(shades([]));
    expect(prepaintedMark()).toBeNull();
  });

  it("only starts the request when told not to paint (the compare view)", async () => {
    renderReader();
    const fetch = serve(packedIndex([{ quote: "Rydze" }]));
    await runScript(() => prepaintHighlights(prepaintOptions(SLUG, false), planPrepaint));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(testWindow.__glossaIndex![URL]).toBeDefined();
    expect(painted()).toEqual(shades([]));
  });

  it("paints nothing once the layer has drawn its marks", async () => {
    renderReader();
    serve(packedIndex([{ quote: "Rydze" }]));
    testWindow.__glossaLayerPainted = true;
    await runScript();
    expect(painted()).toEqual(shades([]));
    expect(prepaintedMark()).toBeNull();
  });

  describe("standing before the text, with an answer that comes while the page still arrives", () => {
    /** The document as while it is parsed: `readyState` "loading" until DOMContentLoaded. */
    function stillArriving() {
      let state: DocumentReadyState = "loading";
      vi.spyOn(document, "readyState", "get").mockImplementation(() => state);
      return () => {
        state = "interactive";
        document.dispatchEvent(new Event("DOMContentLoaded"));
      };
    }

    /** Sentences 1 to 3 of 20 px each, from the top of a screen of 800 px: all near the view. */
    function measureAsRows() {
      vi.stubGlobal("innerHeight", 800);
      vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (
        this: HTMLElement,
      ) {
        const top = (Number(this.parentElement!.dataset.sentence) - 1) * 20;
        return { top, bottom: top + 20 } as DOMRect;
      });
    }

    it("paints the sentences there so far, then all of them once the page is complete, and only then says it painted", async () => {
      const arrived = stillArriving();
      measureAsRows();
      renderReader();
      // Only the first sentence has arrived when the answer comes.
      const later = [...document.querySelectorAll("[data-sentence]")].slice(1);
      later.forEach((element) => element.remove());
      serve(packedIndex([{ quote: "Rydze. Polska zachowała Wilno i Lwów. Granica" }]));
      await runScript();
      expect(painted()).toEqual(shades(["Rydze."]));
      expect(prepaintedMark()).toBeNull();

      document.querySelector("section")!.append(...later);
      arrived();
      expect(painted()).toEqual(shades(["Rydze.", "Polska zachowała Wilno i Lwów.", "Granica"]));
      expect(prepaintedMark()).toBe(3);
    });

    it("is done at once when a sentence below the view has already arrived", async () => {
      stillArriving();
      vi.stubGlobal("innerHeight", 800);
      // Sentence 3 lies three screens down: beyond the 1.5 screens that count as near.
      vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (
        this: HTMLElement,
      ) {
        const top = this.parentElement!.dataset.sentence === "3" ? 2_400 : 0;
        return { top, bottom: top + 20 } as DOMRect;
      });
      renderReader();
      serve(packedIndex([{ quote: "Rydze. Polska zachowała Wilno i Lwów. Granica" }]));
      await runScript();
      expect(painted()).toEqual(shades(["Rydze.", "Polska zachowała Wilno i Lwów."]));
      expect(prepaintedMark()).toBe(2);
    });

    it("does not paint over the layer's marks drawn before the page was complete", async () => {
      const arrived = stillArriving();
      measureAsRows();
      renderReader();
      serve(packedIndex([{ quote: "Rydze" }]));
      await runScript();
      expect(painted()).toEqual(shades(["Rydze"]));
      testWindow.__glossaLayerPainted = true;
      CSS.highlights.clear();
      arrived();
      expect(painted()).toEqual(shades([]));
      expect(prepaintedMark()).toBeNull();
    });
  });

  it("only starts the request in a browser without the CSS Custom Highlight API", async () => {
    vi.unstubAllGlobals();
    if (HAS_HIGHLIGHT_API) vi.stubGlobal("Highlight", undefined);
    else vi.stubGlobal("CSS", {});
    renderReader();
    const fetch = serve(packedIndex([{ quote: "Rydze" }]));
    await runScript();
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(testWindow.__glossaIndex![URL]).resolves.toMatchObject({ status: 200 });
    expect(prepaintedMark()).toBeNull();
  });
});

describe("planPrepaint", () => {
  const wire = OPTIONS.wire;
  const threads = (list: Thread[]) => packedIndex(list).annotations;
  const spans = PASSAGES.map((passage, place) => ({
    start: STARTS[place]!,
    end: STARTS[place]! + passage.length,
  }));
  const text = (runs: ReturnType<typeof planPrepaint>) =>
    runs.map((run) => [run.span, EDITION.slice(run.start, run.end), run.depth, run.asked]);

  it("gets the wire format's constants from lib/annotations/index/wire.ts", () => {
    expect(wire).toEqual({
      stride: RANGE_STRIDE,
      unpainted: DELETED | HIDDEN,
      question: KIND_LETTERS.question,
    });
  });

  it("cuts runs where the depth changes and at the edges of sentences, in text order", () => {
    // Listed out of text order: the index lists orphans last, and overlapping threads interleave.
    const runs = planPrepaint(
      threads([
        { quote: "Lwów. Granica" },
        { kind: "question", quote: "Wilno i Lwów" },
        { quote: "Traktat" },
      ]),
      spans,
      wire,
      3,
    );
    expect(text(runs)).toEqual([
      [0, "Traktat", 1, false],
      [1, "Wilno i ", 1, true],
      [1, "Lwów", 2, true],
      [1, ".", 1, false],
      [2, "Granica", 1, false],
    ]);
  });

  it("caps the depth at the number of shades", () => {
    const runs = planPrepaint(
      threads([{ quote: "Wilno" }, { quote: "Wilno" }, { quote: "Wilno" }]),
      spans,
      wire,
      2,
    );
    expect(text(runs)).toEqual([[1, "Wilno", 2, false]]);
  });

  it("leaves out text outside every span (the space between sentences, sentences not given)", () => {
    const runs = planPrepaint(
      threads([{ quote: "Rydze. Polska zachowała Wilno i Lwów. Granica" }]),
      [spans[0]!, spans[2]!],
      wire,
      3,
    );
    expect(text(runs)).toEqual([
      [0, "Rydze.", 1, false],
      [1, "Granica", 1, false],
    ]);
  });

  it("reads the flags and letters it is given", () => {
    const list = threads([{ kind: "question", quote: "Rydze", hidden: true }]);
    expect(planPrepaint(list, spans, wire, 3)).toEqual([]);
    // Were hidden threads painted (only DELETED unpainted), this one would be, as a question.
    expect(text(planPrepaint(list, spans, { ...wire, unpainted: DELETED }, 3))).toEqual([
      [0, "Rydze", 1, true],
    ]);
  });
});

describe("the inline script HighlightPrepaint renders", () => {
  /** The text of the component's script element. */
  function inlineScript(element: ReturnType<typeof createElement>): string {
    const html = renderToStaticMarkup(element);
    const match = /^<script>([\s\S]*)<\/script>$/.exec(html);
    if (!match) throw new Error(`Not one script element: ${html.slice(0, 200)}`);
    return match[1]!;
  }

  it("carries the wire format's constants and the highlights' names as JSON", () => {
    const script = inlineScript(createElement(HighlightPrepaint, { sourceSlug: SLUG }));
    expect(script).toContain(JSON.stringify(OPTIONS));
    expect(script).toContain(
      `"wire":{"stride":${RANGE_STRIDE},"unpainted":${DELETED | HIDDEN},"question":"q"}`,
    );
    expect(script).toContain(JSON.stringify(PREPAINT_SHADES));
    expect(script).toContain(prepaintHighlights.toString());
    expect(script).toContain(planPrepaint.toString());
  });

  it("runs as a script and paints as the function does", async () => {
    const index = packedIndex([
      { quote: "podpisano w Rydze. Polska" },
      { kind: "question", quote: "Rydze" },
      { quote: "Wilno", hidden: true },
      { quote: "Lwów. Granica przetrwała" },
      { quote: "przetrwała" },
    ]);
    renderReader({ 3: "roku" });
    serve(index);
    await runScript();
    const fromFunction = painted();
    const fromFunctionMark = prepaintedMark();

    stubHighlightApi();
    delete testWindow.__glossaIndex;
    marks.mockClear();
    renderReader({ 3: "roku" });
    const script = inlineScript(createElement(HighlightPrepaint, { sourceSlug: SLUG }));
    // A script element's text runs in the global scope: a Function's body, not the module's.
    await runScript(() => new Function(script)());
    expect(painted()).toEqual(fromFunction);
    expect(prepaintedMark()).toBe(fromFunctionMark);
    // The third sentence is split by a mark, the hidden thread left out.
    expect(fromFunction).toEqual(shades(["podpisano w ", ".", "Polska", "Lwów."], ["Rydze"], [], ["Rydze"]));
    expect(fromFunctionMark).toBe(5);
  });

  it("renders only the request for the compare view's columns", () => {
    const script = inlineScript(createElement(HighlightPrepaint, { sourceSlug: SLUG, paint: false }));
    expect(script).toContain('"root":null');
  });

  it("keeps every argument from closing its script element", async () => {
    const options: PrepaintOptions = { ...OPTIONS, url: "/api/</script><script>alert(1)</script>" };
    const call = prepaintCall(options);
    expect(call).not.toMatch(/<\/script/i);
    renderReader();
    const fetch = serve(packedIndex([{ quote: "Rydze" }]));
    new Function(call)();
    expect(fetch).toHaveBeenCalledWith(options.url, { credentials: "include" });
    await testWindow.__glossaIndex?.[options.url];
  });
});
