/**
 * `npm run bench:texts`: the text downloads' builders on a generated 500,000-character edition
 * (tests/support/large-document.ts: paragraphs, a translation sentence per sentence, 50 editor's
 * notes): time to build the plain text, the JSON and the TEI (whole, and one DTS passage of 20
 * sentences), median and p95 over BENCH_TEXTS_RUNS runs (default 10), and each output's size. No
 * database: what the builders cost after the one read of the edition.
 */
import type { SourceText } from "../../lib/sources/get-source-text.ts";
import { buildPlainText } from "../../lib/texts/build-plain-text.ts";
import { buildTei } from "../../lib/texts/build-tei.ts";
import { buildTextJson } from "../../lib/texts/build-text-json.ts";
import { largeDocument } from "../support/large-document.ts";
import { percentile } from "./measure-http.ts";

const RUNS = Number(process.env.BENCH_TEXTS_RUNS ?? 10);

const document = largeDocument();
const passages = document.sentences.map((range, index) => ({
  number: index + 1,
  ...range,
  text: document.text.slice(range.start, range.end),
}));
const both = (value: string) => ({ pl: value, en: value });
const source: SourceText = {
  slug: "large-document",
  title: both("Duży dokument"),
  titleShort: both("Duży"),
  titleEnSentenceStyle: "Large document",
  about: both("Wygenerowany"),
  kind: "primary",
  language: "pl",
  date: "1939-09-17",
  place: both("Kuty"),
  issuer: both("Generator"),
  issuerRole: "issuer",
  publication: both("Bench"),
  licence: both("Bench"),
  editionNumber: 1,
  sentenceCount: passages.length,
  characterCount: document.text.length,
  wordCount: 0,
  edition: { id: "bench", number: 1, contentHash: "0".repeat(64), createdAt: new Date(0).toISOString() },
  passages,
  translation: {
    language: "en",
    label: "Bench",
    number: 1,
    revision: null,
    revisedBy: null,
    revisedOn: null,
    addedInApp: true,
    translator: null,
    sentences: passages.map((p) => ({ number: p.number, text: p.text.toUpperCase() })),
    notes: [],
  },
  notes: Array.from({ length: 50 }, (_, i) => {
    const p = passages[Math.floor((i * passages.length) / 50)]!;
    return {
      number: i + 1,
      key: `note-${i + 1}`,
      firstSentence: p.number,
      lastSentence: p.number,
      start: p.start,
      end: p.end,
      body: both(`Uwaga ${i + 1} & <więcej>`),
    };
  }),
  text: document.text,
};

const middle = Math.floor(passages.length / 2);
const CASES: [string, () => string][] = [
  ["plain text", () => buildPlainText(source)],
  ["JSON", () => JSON.stringify(buildTextJson(source))],
  ["TEI, whole", () => buildTei(source)],
  [
    "TEI, DTS passage of 20 sentences",
    () => buildTei(source, { range: { first: middle, last: middle + 19 } }),
  ],
];

console.log(
  `A generated edition: ${document.text.length.toLocaleString("en")} characters, ${passages.length.toLocaleString("en")} sentences; ${RUNS} runs each.`,
);
for (const [name, build] of CASES) {
  const times: number[] = [];
  let size = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    size = build().length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(34)} median ${percentile(times, 50).toFixed(1).padStart(7)} ms, p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms, ${(size / 1024).toFixed(0).padStart(6)} KiB`,
  );
}
