import { beforeAll, describe as group, expect, it } from "vitest";
import { anchor } from "@/lib/anchoring/anchor";
import { describe } from "@/lib/anchoring/describe";
import type { TextRange } from "@/lib/anchoring/selectors";
import {
  largeDocument,
  pickRange,
  revise,
  seededRandom,
  type LargeDocument,
} from "../support/large-document";

let document: LargeDocument;
beforeAll(() => {
  document = largeDocument();
});

const sentenceText = (i: number) =>
  document.text.slice(document.sentences[i]!.start, document.sentences[i]!.end);

/** Sentences (by index) whose exact text occurs again at least `minDistance` characters away. */
function repeatedSentences(minDistance: number): [number, number][] {
  const firstSeen = new Map<string, number>();
  const pairs: [number, number][] = [];
  document.sentences.forEach((range, i) => {
    const text = sentenceText(i);
    const earlier = firstSeen.get(text);
    if (earlier === undefined) firstSeen.set(text, i);
    else if (range.start - document.sentences[earlier]!.start >= minDistance) pairs.push([i, earlier]);
  });
  return pairs;
}

/** A run of words of at least `min` characters inside sentence `i`, starting at its `from`-th word. */
function phraseIn(i: number, min: number, from = 1): TextRange {
  const { start } = document.sentences[i]!;
  const words = [...sentenceText(i).matchAll(/\S+/g)].map((m) => ({
    start: start + m.index,
    end: start + m.index + m[0].length,
  }));
  const first = Math.min(from, words.length - 1);
  let last = first;
  while (last + 1 < words.length && words[last]!.end - words[first]!.start < min) last++;
  return { start: words[first]!.start, end: words[last]!.end };
}

/** Offset inside sentence `i` of the `nth` letter of `range` (a letter, so a typo changes a letter). */
function letterOffset(i: number, range: TextRange, nth: number): number {
  let seen = 0;
  for (let at = range.start; at < range.end; at++) {
    if (/\p{L}/u.test(document.text[at]!) && seen++ === nth) return at - document.sentences[i]!.start;
  }
  throw new Error("not enough letters");
}

// Each case anchors dozens of quotes in 500,000 characters: seconds, not milliseconds, on a shared machine.
group(
  "anchoring on a generated document of 500,000 characters with repeated sentences",
  { timeout: 30_000 },
  () => {
    it("is large and repetitive enough to be a test", () => {
      expect(document.text.length).toBeGreaterThanOrEqual(500_000);
      expect(repeatedSentences(10_000).length).toBeGreaterThan(200);
    });

    it("finds every untouched annotation exactly where it was", () => {
      const random = seededRandom(1);
      for (let n = 0; n < 200; n++) {
        const range = pickRange(document, random.int(0, document.sentences.length - 1), random);
        expect(anchor(document.text, describe(document.text, range))).toMatchObject({
          outcome: "exact",
          ...range,
        });
      }
    });

    it("keeps a passage with a typo at its place rather than jumping to an exact copy elsewhere", () => {
      // Before: the exact copy far away was taken, its context unchecked. (A copy within a few
      // sentences, in the same context, is a tie that rightly gives an orphan; not this test's case.)
      let checked = 0;
      for (const [i] of repeatedSentences(10_000)) {
        const range = phraseIn(i, 24);
        const { prefix, exact, suffix } = describe(document.text, range).quote;
        const around = document.text.slice(Math.max(0, range.start - 2000), range.end + 2000);
        if (around.indexOf(prefix + exact + suffix) !== around.lastIndexOf(prefix + exact + suffix)) continue;
        if (++checked > 40) break;
        const revision = revise(document, [
          { kind: "typo", sentence: i, offsets: [letterOffset(i, range, 3)] },
        ]);
        const found = anchor(revision.text, describe(document.text, range));
        expect(found, sentenceText(i)).toMatchObject({ status: "anchored", outcome: "fuzzy", ...range });
        expect(found.confidence).toBeGreaterThan(0.9);
      }
      expect(checked).toBeGreaterThan(40);
    });

    it("does not attach a deleted passage to an approximate copy in another context", () => {
      // Before: an approximate match of 24 characters or more was taken with no context check. The
      // passage is deleted and every exact copy of it gets a typo, so only approximate copies stay.
      let checked = 0;
      for (const [i] of repeatedSentences(10_000).slice(0, 40)) {
        const range = { ...document.sentences[i]! };
        const typo = letterOffset(i, range, 5);
        const copies = document.sentences.flatMap((_, j) =>
          j !== i && sentenceText(j) === sentenceText(i) ? [j] : [],
        );
        const revision = revise(document, [
          { kind: "delete", sentence: i },
          ...copies.map((j) => ({ kind: "typo" as const, sentence: j, offsets: [typo] })),
        ]);
        checked++;
        expect(anchor(revision.text, describe(document.text, range)), sentenceText(i)).toMatchObject({
          status: "orphan",
        });
      }
      expect(checked).toBeGreaterThan(20);
    });

    it("makes deleted passages orphans instead of attaching them to similar sentences elsewhere", () => {
      // Before: about one in four deleted passages was attached elsewhere. Excluded: passages whose
      // quote and whole context stand elsewhere too, or whose quote reappears right next to where it
      // was, which no anchoring by quote and context can tell from the passage itself.
      const random = seededRandom(2);
      let checked = 0;
      for (let n = 0; n < 150; n++) {
        const i = random.int(1, document.sentences.length - 2);
        const range = pickRange(document, i, random);
        const selectors = describe(document.text, range);
        const { exact, prefix, suffix } = selectors.quote;
        const revision = revise(document, [{ kind: "delete", sentence: i }]);
        const nearby = revision.text.slice(Math.max(0, range.start - 1000), range.end + 1000);
        if (revision.text.includes(prefix + exact + suffix) || nearby.includes(exact)) continue;
        checked++;
        expect(anchor(revision.text, selectors), exact).toMatchObject({ status: "orphan" });
      }
      expect(checked).toBeGreaterThan(60);
    });

    it("keeps a short quote with a typo or two between its unchanged prefix and suffix", () => {
      // Before: such a quote (up to 12 characters here) became an orphan.
      const random = seededRandom(3);
      let checked = 0;
      for (let n = 0; checked < 50; n++) {
        const i = random.int(1, document.sentences.length - 2);
        const range = phraseIn(i, 6, random.int(1, 4));
        if (range.end - range.start > 12 || range.end - range.start < 6) continue;
        const letters = document.text.slice(range.start, range.end).match(/\p{L}/gu)?.length ?? 0;
        if (letters < 6) continue;
        const offsets =
          letters >= 9 ? [letterOffset(i, range, 1), letterOffset(i, range, 5)] : [letterOffset(i, range, 2)];
        const revision = revise(document, [{ kind: "typo", sentence: i, offsets }]);
        checked++;
        expect(
          anchor(revision.text, describe(document.text, range)),
          document.text.slice(range.start, range.end),
        ).toMatchObject({
          status: "anchored",
          outcome: "fuzzy",
          ...range,
        });
      }
    });
  },
);
