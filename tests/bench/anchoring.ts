/**
 * `npm run bench:anchoring`: anchor() on a generated 500,000-character document full of repeated and
 * near-repeated sentences (tests/support/large-document.ts), for annotations whose passage was left
 * untouched, given a typo or two, deleted, preceded by an inserted sentence, or moved far away. For
 * each case it prints the share anchored right, anchored wrong (anywhere but where the generator put
 * the passage, or anywhere at all once it is gone) and left as orphans, with the median time per
 * anchor (and the share of wrong ones that land on a look-alike: the same quote among nearly the
 * same neighbours), for today's algorithm and for the one before issue 14 (tests/bench/anchor-before.ts).
 * BENCH_ANCHORING_CASES sets the annotations per case (default 300).
 */
import { anchor } from "../../lib/anchoring/anchor.ts";
import { describe } from "../../lib/anchoring/describe.ts";
import { measureContext } from "../../lib/anchoring/measure-context.ts";
import type { Selectors, TextRange } from "../../lib/anchoring/selectors.ts";
import {
  generateSentence,
  largeDocument,
  pickRange,
  revise,
  type LargeDocument,
  type SentenceEdit,
  type TrueRange,
} from "../support/large-document.ts";
import { anchorBefore } from "./anchor-before.ts";
import { percentile } from "./measure-http.ts";
import { seededRandom, type SeededRandom } from "./seeded-random.ts";

const CASES = Number(process.env.BENCH_ANCHORING_CASES ?? 300);
/** Characters a found range may differ from the truth at either end and still count as right (a typo at a quote's edge). */
const TOLERANCE = 2;

type Case = "untouched" | "typo" | "deleted" | "inserted-before" | "moved";
type Found = { status: "anchored"; start: number; end: number } | { status: "orphan" };
type Algorithm = (text: string, selectors: Selectors) => Found;

const ALGORITHMS: [string, Algorithm][] = [
  ["now", (text, selectors) => anchor(text, selectors)],
  ["before", (text, selectors) => anchorBefore(text, selectors)],
];

/** Letter offsets (inside the sentence) of one or two typos within the range. */
function typoOffsets(document: LargeDocument, sentence: number, range: TextRange, random: SeededRandom) {
  const from = document.sentences[sentence]!.start;
  const letters: number[] = [];
  for (let at = range.start; at < range.end; at++) {
    if (/\p{L}/u.test(document.text[at]!)) letters.push(at - from);
  }
  const count = range.end - range.start >= 8 ? random.int(1, 2) : 1;
  return [...new Set(Array.from({ length: count }, () => random.pick(letters)))];
}

function editFor(
  kind: Case,
  document: LargeDocument,
  sentence: number,
  range: TextRange,
  random: SeededRandom,
) {
  const last = document.sentences.length - 1;
  const edits: SentenceEdit[] = [];
  if (kind === "typo")
    edits.push({ kind: "typo", sentence, offsets: typoOffsets(document, sentence, range, random) });
  if (kind === "deleted") edits.push({ kind: "delete", sentence });
  if (kind === "inserted-before")
    edits.push({ kind: "insert", before: sentence, text: generateSentence(random) });
  if (kind === "moved") {
    const far = (sentence + random.int(Math.floor(last / 4), Math.floor((3 * last) / 4))) % last;
    edits.push({ kind: "move", sentence, before: far });
  }
  return edits;
}

function judge(found: Found, truth: TrueRange): "right" | "wrong" | "orphan" {
  if (found.status === "orphan") return "orphan";
  if (truth.status === "gone") return "wrong";
  const close =
    Math.abs(found.start - truth.start) <= TOLERANCE && Math.abs(found.end - truth.end) <= TOLERANCE;
  return close ? "right" : "wrong";
}

/**
 * Whether a wrong place reads the very quote with at least LOOKALIKE_CONTEXT of its stored context
 * (another copy of the sentence, among the same neighbours): no anchoring by quote and context can
 * tell it from the passage; only the difference between editions can (bench:reanchor).
 */
function readsTheSame(text: string, found: TextRange, selectors: Selectors): boolean {
  if (text.slice(found.start, found.end) !== selectors.quote.exact) return false;
  const context = measureContext(text, found, selectors.quote);
  return Math.min(context.prefix, context.suffix) >= LOOKALIKE_CONTEXT;
}
const LOOKALIKE_CONTEXT = 0.7;

const document = largeDocument();
console.log(
  `document: ${document.text.length} characters, ${document.sentences.length} sentences; ${CASES} annotations per case`,
);
const percent = (n: number) => `${((100 * n) / CASES).toFixed(1).padStart(5)} %`;
for (const kind of ["untouched", "typo", "deleted", "inserted-before", "moved"] as Case[]) {
  const random = seededRandom(kind.length * 7919);
  const inputs = Array.from({ length: CASES }, () => {
    const sentence = random.int(1, document.sentences.length - 2);
    const range = pickRange(document, sentence, random);
    const revision = revise(document, editFor(kind, document, sentence, range, random));
    // Flatten the concatenated string now, so the first algorithm timed does not pay for it.
    revision.text.indexOf("\u0001");
    return { selectors: describe(document.text, range), revision, truth: revision.whereIs(range) };
  });
  for (const [name, algorithm] of ALGORITHMS) {
    const counts = { right: 0, wrong: 0, orphan: 0 };
    let lookalike = 0;
    const times: number[] = [];
    for (const { selectors, revision, truth } of inputs) {
      const started = performance.now();
      const found = algorithm(revision.text, selectors);
      times.push(performance.now() - started);
      const verdict = judge(found, truth);
      counts[verdict] += 1;
      if (
        verdict === "wrong" &&
        found.status === "anchored" &&
        readsTheSame(revision.text, found, selectors)
      ) {
        lookalike += 1;
      }
    }
    times.sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(16)} ${name.padEnd(7)} right ${percent(counts.right)}  wrong ${percent(counts.wrong)}  orphan ${percent(counts.orphan)} (wrong on a look-alike ${percent(lookalike)})  median ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms`,
    );
  }
}
