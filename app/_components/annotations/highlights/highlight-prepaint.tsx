import { DELETED, HIDDEN, KIND_LETTERS, RANGE_STRIDE } from "@/lib/annotations/index/wire";
import { SIGNED_IN_HINT_COOKIE } from "../../../_lib/signed-in-hint";
import { annotationIndexUrl } from "../data/index-client";
import { TEXT_ELEMENT_SELECTOR } from "../selection/selection-offsets";
import { PREPAINT_QUESTION, PREPAINT_ROOT_ATTRIBUTE, PREPAINT_SHADES } from "./prepaint-names";
import { NEAR_SCREENS, WINDOWED_FROM_SENTENCES } from "./sentence-window-size";
import { planPrepaint, prepaintHighlights, type PrepaintOptions } from "./prepaint-script";

/**
 * Highlights before the page is interactive. The reader's annotation layer draws highlights as
 * `<mark>`s once React has hydrated the page, which on a slow machine is half a second after the text
 * shows. This script, inline at the start of the text, fetches the reader's annotation index and paints
 * every highlight with the CSS Custom Highlight API: shades by depth and the questions' underline,
 * without touching the DOM, so hydration is not disturbed. It hands the index on to the layer
 * (`window.__glossaIndex`), which removes these highlights in the same frame as it draws its marks
 * (`clearPrepaint`). A reader without a session (no signed-in hint, app/_lib/signed-in-hint.ts) is
 * not asked for anything; browsers without the API only get the request started early.
 *
 * The script is prepaint-script.ts's functions as source text, so it runs before any bundle; what it
 * needs to know comes in as JSON: the packed index's layout (lib/annotations/index/wire.ts), the
 * highlights' names (prepaint-names.ts) and the selectors. Offsets are edition offsets: each
 * sentence's text element carries `data-start` (see selection-offsets.ts) and holds one text node
 * until the layer splits it.
 */
export function prepaintOptions(sourceSlug: string, paint: boolean): PrepaintOptions {
  return {
    url: annotationIndexUrl(sourceSlug),
    hint: SIGNED_IN_HINT_COOKIE,
    root: paint ? `[${PREPAINT_ROOT_ATTRIBUTE}]` : null,
    sentences: TEXT_ELEMENT_SELECTOR,
    wire: { stride: RANGE_STRIDE, unpainted: DELETED | HIDDEN, question: KIND_LETTERS.question },
    shades: PREPAINT_SHADES,
    question: PREPAINT_QUESTION,
    near: { fromSentences: WINDOWED_FROM_SENTENCES, screens: NEAR_SCREENS },
  };
}

/** The script's text: `(prepaintHighlights)(options, planPrepaint);`. */
export function prepaintCall(options: PrepaintOptions): string {
  // JSON, with "<" escaped so no argument can close the script element.
  const json = JSON.stringify(options).replace(/</g, "\\u003c");
  const call = `(${prepaintHighlights.toString()})(${json}, ${planPrepaint.toString()});`;
  // The functions' own text cannot be escaped that way; it has no reason to hold either sequence.
  if (/<\/script|<!--/i.test(call)) throw new Error("The prepaint script would end its element early");
  return call;
}

/**
 * Place before the text, inside the element marked with PREPAINT_ROOT_ATTRIBUTE: the request then goes
 * out while the text arrives (on a 500,000-character source its answer came 0.8 s sooner). With
 * `paint={false}` (the compare view's columns) it only starts the index request for the layer.
 */
export function HighlightPrepaint({ sourceSlug, paint = true }: { sourceSlug: string; paint?: boolean }) {
  return <script dangerouslySetInnerHTML={{ __html: prepaintCall(prepaintOptions(sourceSlug, paint)) }} />;
}
