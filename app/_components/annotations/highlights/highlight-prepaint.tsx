import { SIGNED_IN_HINT_COOKIE } from "../../../_lib/signed-in-hint";
import { annotationIndexUrl } from "../data/index-client";
import { PREPAINT_ROOT_ATTRIBUTE } from "./prepaint-names";
import { TEXT_ELEMENT_SELECTOR } from "../selection/selection-offsets";

/**
 * Highlights before the page is interactive. The reader's annotation layer draws highlights as
 * `<mark>`s once React has hydrated the page, which on a slow machine is half a second after the text
 * shows. This script, inline right after the text, fetches the reader's annotation index and paints
 * every highlight with the CSS Custom Highlight API: shades by depth and the questions' underline,
 * without touching the DOM, so hydration is not disturbed. It hands the index on to the layer
 * (`window.__glossaIndex`), which removes these highlights in the same frame as it draws its marks
 * (`clearPrepaint`). A reader without a session (no signed-in hint, app/_lib/signed-in-hint.ts) is
 * not asked for anything; browsers without the API only get the request started early.
 *
 * Plain JavaScript in a string: it runs before any bundle. Offsets are edition offsets: each
 * sentence's text element carries `data-start` (see selection-offsets.ts) and holds one text node
 * until the layer splits it.
 */
const PREPAINT_SCRIPT = `(function (url, hint, rootSelector, sentenceSelector) {
  var w = window;
  if (!w.fetch || !w.Promise) return;
  if (!document.cookie.split(";").some(function (pair) { return pair.trim().indexOf(hint + "=") === 0; })) return;
  var answer = fetch(url, { credentials: "include" }).then(function (response) {
    if (!response.ok) return { status: response.status, etag: null, body: null };
    return response.json().then(function (body) {
      return { status: response.status, etag: response.headers.get("ETag"), body: body };
    });
  });
  (w.__glossaIndex = w.__glossaIndex || {})[url] = answer;
  if (!rootSelector || !w.CSS || !CSS.highlights || typeof Highlight !== "function") return;
  answer.then(function (result) {
    var root = document.querySelector(rootSelector);
    if (!result.body || !root || w.__glossaLayerPainted) return;
    // The packed index (lib/annotations/index/wire.ts): four numbers per thread, flags 2 deleted, 4 hidden.
    var threads = result.body.annotations, events = [];
    for (var t = 0; t < threads.ids.length; t++) {
      var start = threads.ranges[t * 4], end = threads.ranges[t * 4 + 1];
      if (start < 0 || (threads.flags[t] & 6) !== 0) continue;
      var question = threads.kinds.charAt(t) === "q" ? 1 : 0;
      events.push([start, 1, question], [end, -1, -question]);
    }
    events.sort(function (x, y) { return x[0] - y[0]; });
    var spans = Array.prototype.slice.call(root.querySelectorAll(sentenceSelector)).map(function (el) {
      var start = Number(el.getAttribute("data-start"));
      var node = el.firstChild;
      var plain = node && node.nodeType === 3 && el.childNodes.length === 1;
      return { start: start, end: start + (plain ? node.data.length : 0), node: plain ? node : null };
    });
    var shades = [new Highlight(), new Highlight(), new Highlight()];
    var questions = new Highlight();
    var depth = 0, asked = 0, from = 0, s = 0;
    function paint(a, b) {
      while (s < spans.length && spans[s].end <= a) s++;
      for (var i = s; i < spans.length && spans[i].start < b; i++) {
        var span = spans[i];
        if (!span.node) continue;
        var range = new Range();
        range.setStart(span.node, Math.max(a, span.start) - span.start);
        range.setEnd(span.node, Math.min(b, span.end) - span.start);
        shades[Math.min(depth, 3) - 1].add(range);
        if (asked > 0) questions.add(range);
      }
    }
    for (var e = 0; e < events.length; e++) {
      var at = events[e][0];
      if (at > from && depth > 0) paint(from, at);
      from = at;
      depth += events[e][1];
      asked += events[e][2];
    }
    shades.forEach(function (shade, i) { CSS.highlights.set("glossa-prepaint-" + (i + 1), shade); });
    CSS.highlights.set("glossa-prepaint-question", questions);
    var painted = shades.reduce(function (sum, shade) { return sum + shade.size; }, 0);
    performance.mark("glossa:highlights-prepainted", { detail: { ranges: painted } });
  }, function () {});
})`;

/**
 * Place right after the text (inside the element marked with PREPAINT_ROOT_ATTRIBUTE). With
 * `paint={false}` (the compare view's columns) it only starts the index request for the layer.
 */
export function HighlightPrepaint({ sourceSlug, paint = true }: { sourceSlug: string; paint?: boolean }) {
  const args = [
    annotationIndexUrl(sourceSlug),
    SIGNED_IN_HINT_COOKIE,
    paint ? `[${PREPAINT_ROOT_ATTRIBUTE}]` : null,
    TEXT_ELEMENT_SELECTOR,
  ];
  // JSON, with "<" escaped so no argument can close the script element.
  const call = `${PREPAINT_SCRIPT}(${args.map((arg) => JSON.stringify(arg).replace(/</g, "\\u003c")).join(", ")});`;
  return <script dangerouslySetInnerHTML={{ __html: call }} />;
}
