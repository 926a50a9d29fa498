/**
 * The one place that converts between the browser's text selection and edition offsets. Each
 * sentence's text element carries `data-start` (its passage's start offset in the edition text) and
 * holds that passage's text and nothing else (highlight marks only split it), so a position inside
 * it is `data-start` plus the characters before it.
 */
import type { TextRange } from "@/lib/anchoring/selectors";

/** The elements holding sentence text, marked with the offset where each begins. */
export const TEXT_ELEMENT_SELECTOR = "[data-start]";

const SPACE = /\s/u;

function textElements(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(TEXT_ELEMENT_SELECTOR));
}

function startOffset(element: Element): number {
  return Number(element.getAttribute("data-start"));
}

/** Characters of `element`'s text before the boundary point (node, offset), which lies inside it. */
function charactersBefore(element: Element, node: Node, offset: number): number {
  const before = element.ownerDocument.createRange();
  before.setStart(element, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

/**
 * The edition range a DOM range covers, counting only sentence text under `root`: a range that
 * starts or ends elsewhere (a margin number, a button, the translation, the space between
 * sentences) is clamped to the first and last sentence text it reaches, and white space at either
 * edge is left out. Null when it covers no sentence text, or only white space.
 */
export function offsetsFromRange(root: Element, range: Range): TextRange | null {
  let start: number | null = null;
  let end: number | null = null;
  // Trimming reads the characters at the edges through these, without rebuilding the whole text.
  let startText = "";
  let endText = "";
  let startBase = 0;
  let endBase = 0;

  for (const element of textElements(root)) {
    if (!range.intersectsNode(element)) continue;
    const inside = element.ownerDocument.createRange();
    inside.selectNodeContents(element);
    if (range.compareBoundaryPoints(Range.START_TO_START, inside) > 0) {
      inside.setStart(range.startContainer, range.startOffset);
    }
    if (range.compareBoundaryPoints(Range.END_TO_END, inside) < 0) {
      inside.setEnd(range.endContainer, range.endOffset);
    }
    const length = inside.toString().length;
    if (length === 0) continue;
    const base = startOffset(element);
    const localStart = charactersBefore(element, inside.startContainer, inside.startOffset);
    if (start === null) {
      start = base + localStart;
      startText = element.textContent ?? "";
      startBase = base;
    }
    end = base + localStart + length;
    endText = element.textContent ?? "";
    endBase = base;
  }
  if (start === null || end === null) return null;

  // Sentences are separated by white space, so trimming never needs to leave the edge sentences.
  while (start < end && SPACE.test(startText[start - startBase] ?? "")) start += 1;
  while (end > start && SPACE.test(endText[end - 1 - endBase] ?? "")) end -= 1;
  return start < end ? { start, end } : null;
}

/** The boundary point at edition offset `offset` inside a text element starting at `base`. */
function pointAt(element: Element, base: number, offset: number): [Node, number] | null {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let at = base;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).length;
    if (offset <= at + length) return [node, offset - at];
    at += length;
  }
  return null;
}

/**
 * A DOM range over the edition range `[start, end)` as the text under `root` shows it, or null if
 * that text is not there. The inverse of offsetsFromRange for ranges inside sentence text.
 */
export function rangeFromOffsets(root: Element, { start, end }: TextRange): Range | null {
  let from: [Node, number] | null = null;
  let to: [Node, number] | null = null;
  for (const element of textElements(root)) {
    const base = startOffset(element);
    const length = element.textContent?.length ?? 0;
    if (from === null && start < base + length) from = pointAt(element, base, Math.max(start, base));
    if (end > base) to = pointAt(element, base, Math.min(end, base + length));
  }
  if (!from || !to) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range.collapsed ? null : range;
}

/** The selection's edition range under `root`, or null (nothing selected there). */
export function offsetsFromSelection(root: Element, selection: Selection | null): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return offsetsFromRange(root, selection.getRangeAt(0));
}

/**
 * Room the floating "Annotate" and "Cite" buttons need to their right, so they never stick out of the
 * text area (the longer Polish labels side by side).
 */
const ADDER_ROOM_PX = 248;
/** Space between the selection's last line and the button. */
const ADDER_GAP_PX = 6;

/**
 * Where to put the floating "Annotate" and "Cite" buttons for a selection of `range` (edition
 * offsets): just under the end of the selected text, in pixels from the top left of `root`'s content
 * (`root` must be the buttons' positioned container; it may scroll). Null if that text is not under
 * `root`.
 */
export function adderPosition(root: Element, range: TextRange): { top: number; left: number } | null {
  const domRange = rangeFromOffsets(root, range);
  if (!domRange) return null;
  const lines = Array.from(domRange.getClientRects()).filter((rect) => rect.width > 0);
  const last = lines.at(-1) ?? domRange.getBoundingClientRect();
  // Offsets from the root's padding box, which scrolls with its content if the root scrolls.
  const box = root.getBoundingClientRect();
  const originTop = box.top + root.clientTop - root.scrollTop;
  const originLeft = box.left + root.clientLeft - root.scrollLeft;
  const widest = root.scrollLeft + root.clientWidth - ADDER_ROOM_PX;
  return {
    top: last.bottom - originTop + ADDER_GAP_PX,
    left: Math.max(0, Math.min(last.right - originLeft - ADDER_GAP_PX, widest)),
  };
}
