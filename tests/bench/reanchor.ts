/**
 * `npm run bench:reanchor`: re-anchoring the annotations of a generated 500,000-character document
 * (tests/support/large-document.ts) after a revision with 50 scattered edits (sentences inserted,
 * deleted, given typos, rewritten; a few moved far away). Prints the time of the diff, of the mapping
 * and searches, and in total (median of RUNS), the counts exact / moved / fuzzy / review / orphan, and
 * "wrong": anchored anywhere but where the generator put the passage (or anywhere, once it is gone).
 * Then the search step alone per searched annotation, beside the same quotes anchored in the whole
 * new text without the diff. BENCH_REANCHOR_ANNOTATIONS sets the count (default 10,000; also try
 * 5,000 and 20,000), BENCH_REANCHOR_EDITS the edits (default 50).
 */
import { anchor } from "../../lib/anchoring/anchor.ts";
import { describe } from "../../lib/anchoring/describe.ts";
import { diffEditions, mapRange } from "../../lib/anchoring/diff-editions.ts";
import { reanchorThroughDiff } from "../../lib/anchoring/reanchor-through-diff.ts";
import type { Selectors, TextRange } from "../../lib/anchoring/selectors.ts";
import { largeDocument, pickRange, revise, type TrueRange } from "../support/large-document.ts";
import { percentile } from "./measure-http.ts";
import { scatteredEdits } from "./scattered-edits.ts";
import { seededRandom } from "./seeded-random.ts";

const ANNOTATIONS = Number(process.env.BENCH_REANCHOR_ANNOTATIONS ?? 10_000);
const EDITS = Number(process.env.BENCH_REANCHOR_EDITS ?? 50);
const RUNS = 5;
/** Characters a fuzzy placement may differ from the truth at either end and still count as right. */
const TOLERANCE = 2;

const document = largeDocument();
const random = seededRandom(2026);

const revision = revise(document, scatteredEdits(document, random, EDITS));
const newText = revision.text;
newText.indexOf("\u0001");
// Annotations spread evenly over the whole text, as a seminar's would be over a long source.
const ranges: TextRange[] = Array.from({ length: ANNOTATIONS }, () =>
  pickRange(document, random.int(0, document.sentences.length - 1), random),
);
const annotations: Selectors[] = ranges.map((range) => describe(document.text, range));
const truths: TrueRange[] = ranges.map((range) => revision.whereIs(range));

const totals: number[] = [];
const diffs: number[] = [];
let results: ReturnType<typeof reanchorThroughDiff> = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const diff = diffEditions(document.text, newText);
  diffs.push(performance.now() - started);
  results = reanchorThroughDiff(document.text, newText, annotations, diff);
  totals.push(performance.now() - started);
}
totals.sort((a, b) => a - b);
diffs.sort((a, b) => a - b);

const counts = { exact: 0, moved: 0, fuzzy: 0, review: 0, orphan: 0, lost: 0, wrong: 0, wrongOnDeleted: 0 };
results.forEach((found, i) => {
  const truth = truths[i]!;
  if (found.status === "orphan" && truth.status === "kept") counts.lost++;
  if (found.status === "orphan") counts.orphan++;
  else if (found.needsReview) counts.review++;
  else counts[found.outcome]++;
  if (found.status === "anchored") {
    const right =
      truth.status === "kept" &&
      Math.abs(found.start - truth.start) <= TOLERANCE &&
      Math.abs(found.end - truth.end) <= TOLERANCE;
    if (!right) counts.wrong++;
    if (truth.status === "gone") counts.wrongOnDeleted++;
  }
});

// The search step alone: the annotations that touch an edit, anchored near their mapped position,
// beside the same quotes anchored in the whole new text with no diff.
const diff = diffEditions(document.text, newText);
const touched = annotations.filter((selectors) => mapRange(diff, selectors.position).status === "changed");
const timeEach = (run: (selectors: Selectors) => unknown) =>
  touched
    .map((selectors) => {
      const started = performance.now();
      run(selectors);
      return performance.now() - started;
    })
    .sort((a, b) => a - b);
const searched = timeEach((selectors) => reanchorThroughDiff(document.text, newText, [selectors], diff));
const whole = timeEach((selectors) => anchor(newText, selectors));
const gone = truths.filter((t) => t.status === "gone").length;

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(
  `${ANNOTATIONS} annotations on ${document.text.length} characters, ${EDITS} scattered edits (${gone} annotations on deleted or rewritten sentences)`,
);
console.log(
  `total ${ms(percentile(totals, 50))} median of ${RUNS} (min ${ms(totals[0]!)}), diff ${ms(percentile(diffs, 50))}`,
);
console.log(
  `exact ${counts.exact}  moved ${counts.moved}  fuzzy ${counts.fuzzy}  review ${counts.review}  orphan ${counts.orphan} (of them still in the text, moved or edited: ${counts.lost})  wrong ${counts.wrong} (of them on deleted passages ${counts.wrongOnDeleted})`,
);
console.log(
  `search step, ${touched.length} annotations touching an edit: median ${percentile(searched, 50).toFixed(2)} ms, p95 ${percentile(searched, 95).toFixed(2)} ms each; ` +
    `the same quotes anchored in the whole text without the diff: median ${percentile(whole, 50).toFixed(2)} ms, p95 ${percentile(whole, 95).toFixed(2)} ms each`,
);
