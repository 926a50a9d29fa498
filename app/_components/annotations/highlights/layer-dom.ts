/**
 * What the annotation layer does to the page directly, outside React's rendering: outlines and
 * flashes on highlights that are already drawn (so a change of focus never redraws the text), and
 * moving the reader's view and focus between the text and the panel.
 */
import { segmentKeysOf, type SegmentIds } from "./highlight-segments";
import { PREPAINT_HIGHLIGHTS } from "./prepaint-names";
import type { PanelFocus } from "../reader-types";

/** Set on the highlights (and sentences) whose annotations the panel shows. */
const FOCUS_ATTRIBUTE = "data-annotation-focus";
/** Set for a moment on a highlight the panel's "show in text" points at. */
const FLASH_ATTRIBUTE = "data-flash";
/** As long as the flash animation in annotated-text.module.css. */
const FLASH_MS = 1600;
/** Frames to wait for the panel's composer to appear (its editor mounts after the draft arrives). */
const COMPOSER_WAIT_FRAMES = 20;

/**
 * The highlights covered by any of `ids`: the marks whose `data-segment` names a run they cover.
 * `segmentIds` gives the annotations covering each run (asked for only if `ids` has any).
 */
function marksOf(root: Element, segmentIds: () => SegmentIds, ids: ReadonlySet<string>): Element[] {
  if (ids.size === 0) return [];
  const keys = segmentKeysOf(segmentIds(), ids);
  if (keys.size === 0) return [];
  return Array.from(root.querySelectorAll("mark[data-segment]")).filter((mark) =>
    keys.has(mark.getAttribute("data-segment")!),
  );
}

function sentenceElements(root: Element, sentence: number): Element[] {
  return Array.from(root.querySelectorAll(`[data-sentence="${sentence}"]`));
}

/**
 * Outlines what the panel shows: the highlights of the focused annotations and of the one last
 * "shown in text", or a focused sentence (with its translation).
 */
export function markFocused(
  root: Element,
  segmentIds: () => SegmentIds,
  focus: PanelFocus,
  shownId: string | null,
): void {
  for (const element of root.querySelectorAll(`[${FOCUS_ATTRIBUTE}]`))
    element.removeAttribute(FOCUS_ATTRIBUTE);
  const ids = new Set(focus?.kind === "annotations" ? focus.ids : []);
  if (shownId) ids.add(shownId);
  const targets = [
    ...marksOf(root, segmentIds, ids),
    ...(focus?.kind === "sentence" ? sentenceElements(root, focus.sentence) : []),
  ];
  for (const element of targets) element.setAttribute(FOCUS_ATTRIBUTE, "");
}

/**
 * Scrolls an annotation's highlight into view and flashes it; an annotation that is not drawn (hidden
 * by a moderator, say) flashes its sentences instead. If focus was in the panel, it moves to the first
 * control of the annotation's sentence, so a keyboard reader goes on from there.
 */
export function flashAnnotation(
  root: Element,
  segmentIds: () => SegmentIds,
  annotationId: string,
  anchor: { firstSentence: number; lastSentence: number } | null,
  panel: Element | null,
): void {
  let targets = marksOf(root, segmentIds, new Set([annotationId]));
  if (targets.length === 0 && anchor) {
    targets = [];
    for (let n = anchor.firstSentence; n <= anchor.lastSentence; n++) {
      const original = root.querySelector(`[data-sentence="${n}"]`);
      if (original) targets.push(original);
    }
  }
  const first = targets[0];
  if (!first) return;
  first.scrollIntoView({ block: "center" });
  for (const element of targets) {
    element.removeAttribute(FLASH_ATTRIBUTE);
    // Restarts the animation when the same highlight is shown twice in a row.
    void (element as HTMLElement).offsetWidth;
    element.setAttribute(FLASH_ATTRIBUTE, "");
  }
  window.setTimeout(() => targets.forEach((element) => element.removeAttribute(FLASH_ATTRIBUTE)), FLASH_MS);

  const sentence = first.closest("[data-sentence]");
  if (sentence && panel?.contains(document.activeElement)) {
    sentence.querySelector<HTMLElement>("a[href], button")?.focus({ preventScroll: true });
  }
}

/** Whether the top of `element` is on screen (a panel beside the text, sticky, always is). */
export function isInView(element: Element): boolean {
  const { top, bottom } = element.getBoundingClientRect();
  return bottom > 0 && top < window.innerHeight * 0.75;
}

/** Scrolls the panel into view unless it already is (below the text on a narrow screen it is not). */
export function revealPanel(panel: Element): void {
  if (!isInView(panel)) panel.scrollIntoView({ block: "start" });
}

/**
 * Moves focus into the panel, unless the panel has already taken it: to the draft's composer (once
 * its editor has appeared) or to the panel's heading.
 */
export function moveFocusIntoPanel(panel: HTMLElement, target: "composer" | "heading"): void {
  let frames = 0;
  const attempt = () => {
    if (panel.contains(document.activeElement)) return;
    if (target === "heading") {
      const heading = panel.querySelector<HTMLElement>("h2, h3, h4, [role='heading']");
      if (!heading) return;
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
      return;
    }
    const editor =
      panel.querySelector<HTMLElement>(
        "[data-draft-composer] [contenteditable='true'], [data-draft-composer] textarea",
      ) ?? panel.querySelector<HTMLElement>("[contenteditable='true'], textarea");
    if (editor) editor.focus();
    else if (++frames < COMPOSER_WAIT_FRAMES) requestAnimationFrame(attempt);
  };
  attempt();
}

/**
 * Removes the highlights the page's inline script painted before hydration (highlight-prepaint.tsx)
 * and tells the script, should its answer come later, not to paint them.
 */
export function clearPrepaint(): void {
  (window as Window & { __glossaLayerPainted?: boolean }).__glossaLayerPainted = true;
  if (typeof CSS === "undefined" || !("highlights" in CSS)) return;
  for (const name of PREPAINT_HIGHLIGHTS) CSS.highlights.delete(name);
}
