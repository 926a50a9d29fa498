/**
 * `npm run bench:add-source`: adding a 500,000-character source, step by step: reading pasted text
 * and a TEI file of the same text into a draft (sentences cut, notes placed), 100 joins and 100
 * splits of the preview, the size of the draft the form carries, and saving it (the source, its
 * edition, every passage and note in one transaction) on a database. BENCH_DATABASE_URL names a
 * PostgreSQL server (a scratch database is made on it and dropped), else the embedded database
 * (PGlite) runs in memory. Run with the react-server condition (the npm script does).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../../lib/db/apply-migrations.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { draftFromPlainText } from "../../lib/sources/draft-from-plain-text.ts";
import { joinSentences } from "../../lib/sources/join-sentences.ts";
import { parseTei } from "../../lib/sources/parse-tei.ts";
import { MAX_SOURCE_CHARACTERS } from "../../lib/sources/source-draft.ts";
import { offsetAfterWord, splitSentence } from "../../lib/sources/split-sentence.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";

const root = path.resolve(import.meta.dirname, "../..");
const SLUGS = ["pact-summary", "secret-protocol", "soviet-note", "moscicki-address", "kuty-directive"];

/** Paragraphs of the built-in texts, repeated until the text is just under the limit. */
function paragraphs(): string[] {
  const texts = SLUGS.map((slug) =>
    readFileSync(path.join(root, "sources", slug, "text.pl.txt"), "utf8").trim(),
  );
  const out: string[] = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const next = texts[i % texts.length]!;
    if (length + next.length + 2 > MAX_SOURCE_CHARACTERS) return out;
    out.push(next);
    length += next.length + 2;
  }
}

const escapeXml = (text: string) => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;");

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const blocks = paragraphs();
const plain = blocks.join("\n\n");
const [draft, plainMs] = time(() => draftFromPlainText(plain, false));
const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Bench</title></titleStmt></fileDesc></teiHeader><text><body>${blocks
  .map((block, i) => `<div><p>${escapeXml(block)}${i % 10 === 0 ? "<note>Przypis.</note>" : ""}</p></div>`)
  .join("\n")}</body></text></TEI>`;
const [teiResult, teiMs] = time(() => parseTei(tei));
if (!teiResult.ok) throw new Error(`the bench TEI did not parse: ${teiResult.problem}`);

const [joined, joinMs] = time(() => {
  let sentences = draft.sentences;
  for (let i = 0; i < 100; i++) sentences = joinSentences(sentences, i * 10);
  return sentences;
});
const [, splitMs] = time(() => {
  let sentences = joined;
  for (let i = 0; i < 100; i++) {
    const s = sentences[i * 10]!;
    const offset = offsetAfterWord(plain.slice(s.start, s.end), 2);
    if (offset !== null) sentences = splitSentence(plain, sentences, i * 10, offset);
  }
  return sentences;
});
const json = JSON.stringify(draft);

console.log(
  `text: ${plain.length.toLocaleString("en")} characters, ${draft.sentences.length.toLocaleString("en")} sentences`,
);
console.log(`read pasted text into a draft:     ${ms(plainMs)}`);
console.log(
  `read TEI (${(tei.length / 1024).toFixed(0)} KB) into a draft:     ${ms(teiMs)} (${teiResult.draft.notes.length} notes)`,
);
console.log(`100 joins of the preview:           ${ms(joinMs)}`);
console.log(`100 splits of the preview:          ${ms(splitMs)}`);
console.log(`draft as the form carries it:      ${(Buffer.byteLength(json) / 1024).toFixed(0)} KB of JSON`);

const serverUrl = process.env.BENCH_DATABASE_URL;
let scratch: ScratchDatabase | null = null;
let embedded: EmbeddedPostgres | null = null;
try {
  if (serverUrl) scratch = await createScratchDatabase(serverUrl);
  else embedded = await startEmbeddedPostgres();
  const connectionString = scratch?.connectionString ?? embedded!.connectionString;
  await applyMigrations(connectionString);
  // lib/db reads DATABASE_URL when first imported: set it first.
  process.env.DATABASE_URL = connectionString;
  const { db } = await import("../../lib/db/index.ts");
  const { createSource } = await import("../../lib/sources/create-source.ts");
  const user = await db.user.create({ data: { name: "Bench", email: "bench@example.test" } });
  const group = await db.group.create({
    data: {
      name: "Bench",
      joinCode: "BENCH-01",
      memberships: { create: { userId: user.id, role: "INSTRUCTOR" } },
    },
  });
  const fields = {
    titlePl: "Zbiór",
    titleEn: "A collection",
    kind: "primary",
    language: "pl",
    date: "1939-09-17",
  };
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await createSource({ userId: user.id }, group.id, { ...fields, draft: teiResult.draft }, []);
    runs.push(performance.now() - started);
  }
  console.log(
    `save (source, edition, ${teiResult.draft.sentences.length.toLocaleString("en")} passages, notes; one transaction), ${serverUrl ? "PostgreSQL" : "PGlite"}: ${runs.map(ms).join(", ")}`,
  );
  await db.$disconnect();
} finally {
  await scratch?.drop();
  await embedded?.stop();
}
process.exit(0);
