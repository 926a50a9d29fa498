import { beforeAll, describe as group, expect, it } from "vitest";
import { describe } from "@/lib/anchoring/describe";
import { diffEditions } from "@/lib/anchoring/diff-editions";
import { reanchorThroughDiff } from "@/lib/anchoring/reanchor-through-diff";
import type { TextRange } from "@/lib/anchoring/selectors";
import {
  generateSentence,
  largeDocument,
  pickRange,
  revise,
  seededRandom,
  type LargeDocument,
  type SentenceEdit,
} from "../support/large-document";

let document: LargeDocument;
beforeAll(() => {
  document = largeDocument();
});

const sentenceText = (i: number) =>
  document.text.slice(document.sentences[i]!.start, document.sentences[i]!.end);

function reanchor(edits: SentenceEdit[], ranges: TextRange[]) {
  const revision = revise(document, edits);
  const results = reanchorThroughDiff(
    document.text,
    revision.text,
    ranges.map((range) => describe(document.text, range)),
    diffEditions(document.text, revision.text),
  );
  return { revision, results };
}

/** Sentences that occur again, exactly, somewhere else in the document. */
function repeated(): number[] {
  const count = new Map<string, number>();
  document.sentences.forEach((_, i) => count.set(sentenceText(i), (count.get(sentenceText(i)) ?? 0) + 1));
  return document.sentences.flatMap((_, i) => (count.get(sentenceText(i))! > 1 ? [i] : []));
}

group("re-anchoring through a revision of a 500,000-character document", { timeout: 30_000 }, () => {
  it("moves nothing when nothing changed", () => {
    const random = seededRandom(11);
    const ranges = Array.from({ length: 500 }, () => pickRange(document, random.int(0, 3000), random));
    const { results } = reanchor([], ranges);
    results.forEach((found, i) =>
      expect(found).toMatchObject({ outcome: "exact", ...ranges[i], needsReview: false }),
    );
  });

  it("shifts annotations by exactly the inserted and deleted sentences before them", () => {
    const random = seededRandom(12);
    const edits: SentenceEdit[] = [
      { kind: "insert", before: 400, text: generateSentence(random) },
      { kind: "delete", sentence: 900 },
      { kind: "insert", before: 1500, text: generateSentence(random) },
      { kind: "delete", sentence: 2200 },
    ];
    const touched = new Set([400, 900, 1500, 2200]);
    const ranges = Array.from({ length: 400 }, () => {
      let i = random.int(0, document.sentences.length - 1);
      while (touched.has(i)) i = random.int(0, document.sentences.length - 1);
      return pickRange(document, i, random);
    });
    const { revision, results } = reanchor(edits, ranges);
    results.forEach((found, i) => {
      const truth = revision.whereIs(ranges[i]!);
      expect(truth.status).toBe("kept");
      if (truth.status !== "kept") return;
      const outcome = truth.start === ranges[i]!.start ? "exact" : "moved";
      expect(found).toMatchObject({ status: "anchored", outcome, start: truth.start, end: truth.end });
    });
  });

  it("finds a passage with a typo inside it at its place, as a fuzzy match with its confidence", () => {
    const sentences = [300, 800, 1300, 1800, 2300];
    const ranges = sentences.map((i) => ({ ...document.sentences[i]! }));
    const edits: SentenceEdit[] = sentences.map((i) => {
      const middle = Math.floor(sentenceText(i).length / 2);
      const letter = sentenceText(i).slice(middle).search(/\p{L}/u) + middle;
      return { kind: "typo", sentence: i, offsets: [letter] };
    });
    const { revision, results } = reanchor(edits, ranges);
    results.forEach((found, i) => {
      const truth = revision.whereIs(ranges[i]!);
      expect(truth).toMatchObject({ status: "kept", typo: true });
      if (truth.status !== "kept") return;
      expect(found).toMatchObject({
        status: "anchored",
        outcome: "fuzzy",
        start: truth.start,
        end: truth.end,
      });
      expect(found.confidence).toBeGreaterThan(0.9);
    });
  });

  it("makes a deleted passage an orphan even though the same sentence stands elsewhere", () => {
    const sentences = repeated()
      .filter((i, n) => n % 25 === 0)
      .slice(0, 20);
    expect(sentences.length).toBe(20);
    const ranges = sentences.map((i) => ({ ...document.sentences[i]! }));
    const { results } = reanchor(
      sentences.map((i) => ({ kind: "delete", sentence: i })),
      ranges,
    );
    for (const found of results) expect(found).toMatchObject({ status: "orphan", reason: "deleted" });
  });

  it("makes a rewritten passage an orphan or a review item, never a confident anchor", () => {
    const random = seededRandom(13);
    const sentences = [250, 750, 1250, 1750, 2250, 2750];
    const ranges = sentences.flatMap((i) => [{ ...document.sentences[i]! }, pickRange(document, i, random)]);
    const { results } = reanchor(
      sentences.map((i) => ({ kind: "rewrite", sentence: i, text: generateSentence(random) })),
      ranges,
    );
    for (const found of results) {
      expect(found.status === "orphan" || found.needsReview, JSON.stringify(found)).toBe(true);
    }
  });

  it("leaves every annotation an orphan for review when the texts are too different to compare", () => {
    const ranges = [{ ...document.sentences[5]! }, { ...document.sentences[50]! }];
    const other = largeDocument(7, 20_000).text;
    const results = reanchorThroughDiff(
      document.text,
      other,
      ranges.map((range) => describe(document.text, range)),
      diffEditions(document.text, other),
    );
    for (const found of results) expect(found).toMatchObject({ status: "orphan", needsReview: true });
  });
});
