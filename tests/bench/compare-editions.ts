/**
 * `npm run bench:compare`: the edition comparison (lib/anchoring/compare-editions.ts) of a generated
 * 500,000-character document (tests/support/large-document.ts) with a revision of it carrying
 * BENCH_COMPARE_EDITS scattered edits (default 50: sentences inserted, deleted, given typos,
 * rewritten, moved). Prints the time to compare (median and p95 of BENCH_COMPARE_RUNS, default 7),
 * the rows and changes found, and what the page shows: rows and characters of text with long
 * unchanged stretches folded (foldUnchangedRows), beside the same unfolded. No database.
 */
import { compareEditions, type ComparedRow } from "../../lib/anchoring/compare-editions.ts";
import { foldUnchangedRows, type ShownRow } from "../../lib/anchoring/fold-unchanged-rows.ts";
import { segmentSentences } from "../../lib/sources/segment-sentences.ts";
import { largeDocument, revise } from "../support/large-document.ts";
import { percentile } from "./measure-http.ts";
import { scatteredEdits } from "./scattered-edits.ts";
import { seededRandom } from "./seeded-random.ts";

const EDITS = Number(process.env.BENCH_COMPARE_EDITS ?? 50);
const RUNS = Number(process.env.BENCH_COMPARE_RUNS ?? 7);

const document = largeDocument();
const revised = revise(document, scatteredEdits(document, seededRandom(2026), EDITS)).text;
const edition = (text: string, ranges: readonly { start: number; end: number }[]) => ({
  text,
  sentences: ranges.map((range, index) => ({ number: index + 1, ...range })),
});
const older = edition(document.text, segmentSentences(document.text));
const newer = edition(revised, segmentSentences(revised));

const times: number[] = [];
let comparison = compareEditions(older, newer);
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  comparison = compareEditions(older, newer);
  times.push(performance.now() - started);
}
const foldStarted = performance.now();
const shown = foldUnchangedRows(comparison.rows, new Set());
const foldTime = performance.now() - foldStarted;

const characters = (rows: readonly ShownRow[]) =>
  rows.reduce(
    (sum, row) =>
      "folded" in row
        ? sum
        : sum +
          [...(row as ComparedRow).old, ...(row as ComparedRow).new].reduce(
            (inner, sentence) => inner + sentence.runs.reduce((n, run) => n + run.text.length, 0),
            0,
          ),
    0,
  );
const kinds = comparison.changes.reduce<Record<string, number>>(
  (counts, kind) => ({ ...counts, [kind]: (counts[kind] ?? 0) + 1 }),
  {},
);
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(
  `Editions: ${older.text.length.toLocaleString("en")} and ${newer.text.length.toLocaleString("en")} characters, ` +
    `${older.sentences.length} and ${newer.sentences.length} sentences, ${EDITS} edits`,
);
console.log(
  `compareEditions: median ${ms(
    percentile(
      times.toSorted((a, b) => a - b),
      50,
    ),
  )}, p95 ${ms(
    percentile(
      times.toSorted((a, b) => a - b),
      95,
    ),
  )} (${RUNS} runs); complete: ${comparison.complete}`,
);
console.log(
  `Changes: ${comparison.changes.length} ${JSON.stringify(kinds)}; rows: ${comparison.rows.length}`,
);
console.log(`foldUnchangedRows: ${ms(foldTime)}`);
console.log(
  `Shown unfolded: ${comparison.rows.length} rows, ${characters(comparison.rows).toLocaleString("en")} characters of text`,
);
console.log(
  `Shown folded:   ${shown.length} rows (${shown.filter((row) => "folded" in row).length} folds), ` +
    `${characters(shown).toLocaleString("en")} characters of text`,
);
