import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  offsetsFromRange,
  offsetsFromSelection,
  rangeFromOffsets,
} from "@/app/_components/annotations/selection/selection-offsets";

// The edition text of a short source: its passages, separated by white space, each shown as one
// sentence of the reader (app/_components/sentence-grid.tsx).
const PASSAGES = [
  "Traktat podpisano w Rydze.",
  "Polska zachowała Wilno i Lwów.",
  "Granica przetrwała do 1939 roku.",
];
const EDITION = PASSAGES.join(" ");
const STARTS = PASSAGES.map((passage) => EDITION.indexOf(passage));
const TRANSLATION = ["The treaty was signed in Riga.", "Poland kept Wilno and Lwów.", "The border held."];

/**
 * The reading view as the server renders it: per sentence its margin number (a link) and buttons,
 * then its text element marked `data-start`; all original sentences before the translation's. `marks`
 * splits a sentence's text as the layer does: `{ 2: ["Wilno", "Lwów"] }` wraps those words in marks.
 */
function renderReader(marks: Record<number, string[]> = {}): HTMLElement {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const original = PASSAGES.map((passage, place) => {
    const number = place + 1;
    let text = escape(passage);
    for (const word of marks[number] ?? [])
      text = text.replace(word, `<mark data-ids="a${number}">${word}</mark>`);
    return (
      `<div data-sentence="${number}">` +
      `<a href="/pl/sources/ryga/${number}">${number}</a>` +
      `<span class="tools"><button type="button">Adnotuj</button></span>` +
      `<span class="text" data-start="${STARTS[place]}">${text}</span>` +
      `</div>`
    );
  }).join("");
  const translation = TRANSLATION.map(
    (sentence, place) => `<div data-sentence="${place + 1}"><span class="text">${sentence}</span></div>`,
  ).join("");
  document.body.innerHTML =
    `<section id="reader"><div class="original" lang="pl">${original}</div>` +
    `<div class="translation" lang="en">${translation}</div></section>`;
  return document.getElementById("reader")!;
}

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = "";
});

function textNodes(under: Node): Text[] {
  const walker = document.createTreeWalker(under, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * The boundary point before (or after) the first `needle` in one of the text nodes under `under`:
 * what a user's drag from (or to) that spot selects.
 */
function point(under: Node, needle: string, edge: "before" | "after" = "before"): [Node, number] {
  for (const node of textNodes(under)) {
    const at = node.data.indexOf(needle);
    if (at >= 0) return [node, edge === "before" ? at : at + needle.length];
  }
  throw new Error(`"${needle}" is not in one text node`);
}

function rangeOf(from: [Node, number], to: [Node, number]): Range {
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}

/** The edition range of the first occurrence of `text` in the edition. */
function editionRange(text: string, after = 0): { start: number; end: number } {
  const start = EDITION.indexOf(text, after);
  if (start < 0) throw new Error(`"${text}" is not in the edition`);
  return { start, end: start + text.length };
}

function sentence(root: Element, number: number): HTMLElement {
  return root.querySelector<HTMLElement>(`.original [data-sentence="${number}"] [data-start]`)!;
}

function marginNumber(root: Element, number: number): HTMLElement {
  return root.querySelector<HTMLElement>(`.original [data-sentence="${number}"] a`)!;
}

function covered(offsets: { start: number; end: number } | null): string | null {
  return offsets && EDITION.slice(offsets.start, offsets.end);
}

describe("the DOM environment", () => {
  it("has the Range methods the reader's selection code uses", () => {
    const root = renderReader();
    const range = rangeOf(point(sentence(root, 1), "Rydze"), point(sentence(root, 2), "Wilno", "after"));
    expect(range.intersectsNode(sentence(root, 2))).toBe(true);
    expect(range.intersectsNode(sentence(root, 3))).toBe(false);
    const inside = document.createRange();
    inside.selectNodeContents(sentence(root, 2));
    expect(range.compareBoundaryPoints(Range.START_TO_START, inside)).toBe(-1);
    expect(range.compareBoundaryPoints(Range.END_TO_END, inside)).toBe(-1);
    // Text nodes only: the margin number and the button between the sentences count too.
    expect(range.toString()).toBe("Rydze.2AdnotujPolska zachowała Wilno");
  });
});

describe("offsetsFromRange", () => {
  it("gives the edition offsets of part of one sentence", () => {
    const root = renderReader();
    const text = sentence(root, 2);
    const offsets = offsetsFromRange(root, rangeOf(point(text, "zachowała"), point(text, "Wilno", "after")));
    expect(offsets).toEqual(editionRange("zachowała Wilno"));
    expect(covered(offsets)).toBe("zachowała Wilno");
  });

  it("gives the offsets of a whole sentence selected by its element's contents", () => {
    const root = renderReader();
    const range = document.createRange();
    range.selectNodeContents(sentence(root, 3));
    expect(offsetsFromRange(root, range)).toEqual({ start: STARTS[2], end: EDITION.length });
  });

  it("spans two sentences, the space between them included, and nothing of the margin between", () => {
    const root = renderReader();
    const offsets = offsetsFromRange(
      root,
      rangeOf(point(sentence(root, 1), "w Rydze"), point(sentence(root, 2), "Polska", "after")),
    );
    expect(covered(offsets)).toBe("w Rydze. Polska");
    expect(offsets).toEqual(editionRange("w Rydze. Polska"));
  });

  it("clamps a selection starting in a margin number to the sentence text after it", () => {
    const root = renderReader();
    const offsets = offsetsFromRange(
      root,
      rangeOf(point(marginNumber(root, 2), "2"), point(sentence(root, 2), "zachowała", "after")),
    );
    expect(covered(offsets)).toBe("Polska zachowała");
  });

  it("clamps a selection ending in the next sentence's button to the sentence text before it", () => {
    const root = renderReader();
    const button = root.querySelector('.original [data-sentence="3"] button')!;
    const offsets = offsetsFromRange(root, rangeOf(point(sentence(root, 2), "Lwów"), point(button, "Ad")));
    expect(covered(offsets)).toBe("Lwów.");
  });

  it("clamps a selection dragged on into the translation column to the last original sentence", () => {
    const root = renderReader();
    const translation = root.querySelector(".translation")!;
    const offsets = offsetsFromRange(
      root,
      rangeOf(point(sentence(root, 3), "do 1939"), point(translation, "Riga", "after")),
    );
    expect(covered(offsets)).toBe("do 1939 roku.");
  });

  it("leaves out white space at either edge", () => {
    const root = renderReader();
    const text = sentence(root, 1);
    // " podpisano w " with the spaces on both sides selected.
    const [node, at] = point(text, " podpisano w ");
    const offsets = offsetsFromRange(root, rangeOf([node, at], [node, at + " podpisano w ".length]));
    expect(covered(offsets)).toBe("podpisano w");
  });

  it("is null for a selection of white space only", () => {
    const root = renderReader();
    const [node, at] = point(sentence(root, 1), " podpisano");
    expect(offsetsFromRange(root, rangeOf([node, at], [node, at + 1]))).toBeNull();
  });

  it("is null for a selection of the margin or the translation only", () => {
    const root = renderReader();
    expect(
      offsetsFromRange(
        root,
        rangeOf(point(marginNumber(root, 2), "2"), point(root.querySelector(".tools")!, "Adnotuj", "after")),
      ),
    ).toBeNull();
    const translation = root.querySelector(".translation")!;
    expect(
      offsetsFromRange(root, rangeOf(point(translation, "treaty"), point(translation, "Poland", "after"))),
    ).toBeNull();
  });

  it("is null for a collapsed selection inside a sentence", () => {
    const root = renderReader();
    const at = point(sentence(root, 1), "Rydze");
    expect(offsetsFromRange(root, rangeOf(at, at))).toBeNull();
  });

  it("counts only sentence text under the root it is given", () => {
    const root = renderReader();
    const range = rangeOf(point(sentence(root, 1), "Rydze"), point(sentence(root, 2), "Polska", "after"));
    // The second sentence as the root: the first sentence's part is not under it.
    expect(covered(offsetsFromRange(root.querySelector('.original [data-sentence="2"]')!, range))).toBe(
      "Polska",
    );
  });

  it("counts the characters in marks before a point inside text split by marks", () => {
    const root = renderReader({ 2: ["Wilno", "Lwów"] });
    const text = sentence(root, 2);
    expect(text.childNodes.length).toBe(5);
    // From inside the first mark to the text node after it.
    expect(covered(offsetsFromRange(root, rangeOf(point(text, "ilno"), point(text, " i", "after"))))).toBe(
      "ilno i",
    );
    // From the text before the marks into the second mark.
    expect(
      covered(offsetsFromRange(root, rangeOf(point(text, "zachowała"), point(text, "Lw", "after")))),
    ).toBe("zachowała Wilno i Lw");
    // A whole mark, selected by its contents.
    const mark = text.querySelectorAll("mark")[1]!;
    const range = document.createRange();
    range.selectNodeContents(mark);
    expect(offsetsFromRange(root, range)).toEqual(editionRange("Lwów"));
  });

  it("gives the same offsets for the same words whether or not marks split the text", () => {
    const plain = renderReader();
    const fromPlain = offsetsFromRange(
      plain,
      rangeOf(point(sentence(plain, 1), "Rydze"), point(sentence(plain, 2), "Wilno i", "after")),
    );
    const marked = renderReader({ 1: ["Rydze"], 2: ["Wilno"] });
    const fromMarked = offsetsFromRange(
      marked,
      rangeOf(point(sentence(marked, 1), "Rydze"), point(sentence(marked, 2), " i", "after")),
    );
    expect(fromMarked).toEqual(fromPlain);
    expect(covered(fromMarked)).toBe("Rydze. Polska zachowała Wilno i");
  });
});

describe("offsetsFromSelection", () => {
  it("reads the document's selection", () => {
    const root = renderReader();
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(
      rangeOf(point(sentence(root, 3), "Granica"), point(sentence(root, 3), "przetrwała", "after")),
    );
    expect(covered(offsetsFromSelection(root, selection))).toBe("Granica przetrwała");
  });

  it("is null without a selection, or with a collapsed one", () => {
    const root = renderReader();
    const selection = document.getSelection()!;
    expect(offsetsFromSelection(root, null)).toBeNull();
    selection.removeAllRanges();
    expect(offsetsFromSelection(root, selection)).toBeNull();
    const at = point(sentence(root, 1), "Rydze");
    selection.addRange(rangeOf(at, at));
    expect(offsetsFromSelection(root, selection)).toBeNull();
  });
});

describe("rangeFromOffsets", () => {
  it("covers the text of the edition range, within and across sentences", () => {
    const root = renderReader();
    expect(rangeFromOffsets(root, editionRange("zachowała Wilno"))?.toString()).toBe("zachowała Wilno");
    const across = rangeFromOffsets(root, editionRange("Rydze. Polska"))!;
    expect(across.startContainer.parentElement).toBe(sentence(root, 1));
    expect(across.endContainer.parentElement).toBe(sentence(root, 2));
  });

  it("finds its boundary points inside marks", () => {
    const root = renderReader({ 2: ["Wilno", "Lwów"] });
    const range = rangeFromOffsets(root, editionRange("lno i Lw"))!;
    expect(range.startContainer.parentElement?.tagName).toBe("MARK");
    expect(range.endContainer.parentElement?.tagName).toBe("MARK");
    expect(range.toString()).toBe("lno i Lw");
  });

  it("is null for offsets outside the text under the root", () => {
    const root = renderReader();
    expect(rangeFromOffsets(root, { start: EDITION.length + 5, end: EDITION.length + 9 })).toBeNull();
    expect(rangeFromOffsets(sentence(root, 1), editionRange("Wilno"))).toBeNull();
  });

  it("round-trips with offsetsFromRange for any range that starts and ends on a character", () => {
    const marks: Record<number, string>[] = [{}, { 1: "Rydze", 2: "Wilno", 3: "1939" }];
    fc.assert(
      fc.property(
        fc.constantFrom(...marks),
        fc.integer({ min: 0, max: EDITION.length - 1 }),
        fc.integer({ min: 1, max: EDITION.length }),
        (marked, start, end) => {
          fc.pre(start < end && EDITION[start] !== " " && EDITION[end - 1] !== " ");
          const root = renderReader(
            Object.fromEntries(Object.entries(marked).map(([number, word]) => [number, [word]])),
          );
          const range = rangeFromOffsets(root, { start, end });
          expect(range).not.toBeNull();
          expect(offsetsFromRange(root, range!)).toEqual({ start, end });
        },
      ),
      { numRuns: 300 },
    );
  });
});
