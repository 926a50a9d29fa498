/**
 * The page's inline script that paints highlights before the page is interactive (what it does and
 * why: highlight-prepaint.tsx, which inlines it). It ships as the source text of the two functions
 * below (`Function.prototype.toString()`), called with JSON arguments, so both are self-contained:
 * they use nothing from this module or any other, only their parameters and the browser's globals —
 * whatever they need to know (the packed index's layout from lib/annotations/index/wire.ts, the
 * highlights' names from prepaint-names.ts, the selectors) comes in as arguments. And they are plain
 * ES5 (var, function; no optional chaining, spread, for…of, classes or template literals): the script
 * runs before any bundle or polyfill, in any browser, and must not need a compiler's helpers. Types
 * are erased, so they may be used freely. (Coverage that instruments the source, such as istanbul's,
 * would break the inlined text with counters defined outside it; V8's coverage does not.)
 *
 * The work is split in two so that the part that decides what to paint, planPrepaint, can be tested
 * on its own; prepaintHighlights (the script) asks for the index, reads the sentences, and paints
 * what planPrepaint returns, which it gets as its second argument.
 */
import type { PackedThreads } from "@/lib/annotations/index/wire";

/** What the script needs to know of the packed index's columns (lib/annotations/index/wire.ts). */
export interface PrepaintWire {
  /** Numbers per thread in `ranges`, the thread's start and end first (RANGE_STRIDE). */
  stride: number;
  /** Bits of `flags` that keep a thread off the page (DELETED | HIDDEN). */
  unpainted: number;
  /** A question's letter in `kinds`. */
  question: string;
}

export interface PrepaintOptions {
  /** The reader's annotation index (index-client.ts's annotationIndexUrl). */
  url: string;
  /** The signed-in hint cookie's name (app/_lib/signed-in-hint.ts): without it, nothing is asked. */
  hint: string;
  /** Selector of the element holding the text; null: only start the request, for the layer. */
  root: string | null;
  /** Selector of the sentences' text elements, each with `data-start` (selection-offsets.ts). */
  sentences: string;
  wire: PrepaintWire;
  /** Highlight names by depth: the first for text under one thread, the last for as many or more. */
  shades: readonly string[];
  /** Highlight name of text a question covers. */
  question: string;
  /**
   * A text of `fromSentences` sentences or more is painted only near the view: in the sentences
   * within `screens` screens above and below it (the layer's window draws the rest as they come near:
   * sentence-window.ts). Painting all of a 3,000-sentence text's 40,000 runs took most of a second.
   */
  near: { fromSentences: number; screens: number };
}

/** The columns of the packed index planPrepaint reads. */
export type PrepaintThreads = Pick<PackedThreads, "ids" | "kinds" | "ranges" | "flags">;

/** A sentence's text as edition offsets: `[start, end)`, in text order. */
export interface PrepaintSpan {
  start: number;
  end: number;
}

/** A run of text to paint: edition offsets inside `spans[span]`. */
export interface PrepaintRun {
  span: number;
  start: number;
  end: number;
  /** Threads over the run, at most the deepest shade (1 = the first shade). */
  depth: number;
  /** Whether a question is among them. */
  asked: boolean;
}

/* eslint-disable no-var -- ES5 on purpose: see above. */

/**
 * What to paint: the runs where the number of painted threads (anchored, neither deleted nor hidden)
 * over the text is constant, cut at the edges of `spans` (one range each in the page's text nodes);
 * text outside every span is left out. `deepest`: the number of shades.
 */
export function planPrepaint(
  threads: PrepaintThreads,
  spans: readonly PrepaintSpan[],
  wire: PrepaintWire,
  deepest: number,
): PrepaintRun[] {
  // Each painted thread opens at its start and closes at its end; a question also counts as asked.
  var events: [number, number, number][] = [];
  for (var t = 0; t < threads.ids.length; t++) {
    var start = threads.ranges[t * wire.stride]!;
    var end = threads.ranges[t * wire.stride + 1]!;
    if (start < 0 || (threads.flags[t]! & wire.unpainted) !== 0) continue;
    var question = threads.kinds.charAt(t) === wire.question ? 1 : 0;
    events.push([start, 1, question], [end, -1, -question]);
  }
  events.sort(function (x, y) {
    return x[0] - y[0];
  });
  var runs: PrepaintRun[] = [];
  var depth = 0;
  var asked = 0;
  var from = 0;
  var s = 0;
  for (var e = 0; e < events.length; e++) {
    var at = events[e]![0];
    if (at > from && depth > 0) {
      while (s < spans.length && spans[s]!.end <= from) s++;
      for (var i = s; i < spans.length && spans[i]!.start < at; i++) {
        runs.push({
          span: i,
          start: Math.max(from, spans[i]!.start),
          end: Math.min(at, spans[i]!.end),
          depth: Math.min(depth, deepest),
          asked: asked > 0,
        });
      }
    }
    from = at;
    depth += events[e]![1];
    asked += events[e]![2];
  }
  return runs;
}

/** What the script and the layer leave on `window` for each other. */
type PrepaintWindow = Window & {
  /** Missing in browsers too old for the script (TypeScript's window always has them). */
  Promise?: PromiseConstructor;
  CSS?: typeof CSS;
  /** The index request, by URL, for the layer to take over (index-client.ts). */
  __glossaIndex?: Record<string, Promise<unknown>>;
  /** Set once the layer has drawn its marks (layer-dom.ts): too late to paint. */
  __glossaLayerPainted?: boolean;
};

interface IndexAnswer {
  status: number;
  etag: string | null;
  body: { annotations: PrepaintThreads } | null;
}

/**
 * The script: with the signed-in hint, starts the index request and leaves it in
 * `window.__glossaIndex[url]`; then, if `root` is given and the browser has the CSS Custom Highlight
 * API, paints the index's threads over the sentences under `root` that hold a single text node (the
 * layer splits the others into marks, and then paints them itself), in a long text only those near
 * the view (`near`), unless the layer was first. It stands at the start of the text, so that the
 * request goes out while the rest of the page arrives: an answer that comes first is painted over
 * the sentences there so far, and again once the page is complete if those were not enough to fill
 * the view. Ends with a performance mark "glossa:highlights-prepainted" counting the ranges painted,
 * once the view is painted.
 */
export function prepaintHighlights(options: PrepaintOptions, plan: typeof planPrepaint): void {
  var w = window as PrepaintWindow;
  if (!w.fetch || !w.Promise) return;
  var hinted = document.cookie.split(";").some(function (pair) {
    return pair.trim().indexOf(options.hint + "=") === 0;
  });
  if (!hinted) return;
  var answer: Promise<IndexAnswer> = fetch(options.url, { credentials: "include" }).then(function (response) {
    if (!response.ok) return { status: response.status, etag: null, body: null };
    return response.json().then(function (body) {
      return { status: response.status, etag: response.headers.get("ETag"), body: body };
    });
  });
  (w.__glossaIndex = w.__glossaIndex || {})[options.url] = answer;
  if (!options.root || !w.CSS || !CSS.highlights || typeof Highlight !== "function") return;
  var rootSelector = options.root;
  answer.then(
    function (result) {
      var body = result.body;
      if (!body || w.__glossaLayerPainted) return;
      // The script stands before the text, so the answer may come while the page is still arriving:
      // what has arrived near the view is painted now, and once the page is all there, again.
      if (paint(body, document.readyState === "loading")) return;
      document.addEventListener("DOMContentLoaded", function () {
        if (!w.__glossaLayerPainted) paint(body!, false);
      });
    },
    function () {},
  );

  /**
   * Paints `body`'s threads over the sentences near the view (all of them in a short text that has
   * all arrived); false, painting nothing final, when the page is still `loading` and the sentences
   * that have arrived so far all lie near the view: more may follow that belong to it.
   */
  function paint(body: { annotations: PrepaintThreads }, loading: boolean): boolean {
    var root = document.querySelector(rootSelector);
    if (!root) return !loading;
    var elements = root.querySelectorAll(options.sentences);
    var first = 0;
    var last = elements.length;
    if (loading || elements.length >= options.near.fromSentences) {
      // The sentences lie top to bottom in text order: the first near one is found by halving,
      // and the near ones follow it, so only these few are measured.
      var margin = options.near.screens * window.innerHeight;
      var low = 0;
      var high = elements.length;
      while (low < high) {
        var middle = (low + high) >>> 1;
        if (elements[middle]!.getBoundingClientRect().bottom < -margin) low = middle + 1;
        else high = middle;
      }
      first = low;
      last = first;
      var below = window.innerHeight + margin;
      while (last < elements.length && elements[last]!.getBoundingClientRect().top <= below) last++;
    }
    var complete = !loading || last < elements.length;
    var spans: (PrepaintSpan & { node: Text })[] = [];
    for (var i = first; i < last; i++) {
      var node = elements[i]!.firstChild;
      if (!node || node.nodeType !== 3 || elements[i]!.childNodes.length !== 1) continue;
      var start = Number(elements[i]!.getAttribute("data-start"));
      spans.push({ start: start, end: start + (node as Text).data.length, node: node as Text });
    }
    var runs = plan(body.annotations, spans, options.wire, options.shades.length);
    var shades: Highlight[] = [];
    for (i = 0; i < options.shades.length; i++) shades.push(new Highlight());
    var questions = new Highlight();
    // Static ranges: the document does not keep them up to date on every change to it, as it does
    // live ones. With tens of thousands of live ranges, the layer's first render (which replaces
    // the text nodes they are in) took tens of seconds on a long text; static ones cost nothing
    // then, and are gone in the same frame (clearPrepaint).
    var useStatic = typeof StaticRange === "function";
    for (var r = 0; r < runs.length; r++) {
      var run = runs[r]!;
      var span = spans[run.span]!;
      var from = run.start - span.start;
      var to = run.end - span.start;
      var range: AbstractRange;
      if (useStatic) {
        range = new StaticRange({
          startContainer: span.node,
          startOffset: from,
          endContainer: span.node,
          endOffset: to,
        });
      } else {
        var live = new Range();
        live.setStart(span.node, from);
        live.setEnd(span.node, to);
        range = live;
      }
      shades[run.depth - 1]!.add(range);
      if (run.asked) questions.add(range);
    }
    for (i = 0; i < shades.length; i++) CSS.highlights.set(options.shades[i]!, shades[i]!);
    CSS.highlights.set(options.question, questions);
    if (complete) performance.mark("glossa:highlights-prepainted", { detail: { ranges: runs.length } });
    return complete;
  }
}

/* eslint-enable no-var */
