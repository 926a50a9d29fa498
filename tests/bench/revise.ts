/**
 * `npm run bench:revise`: publishing a revision of a source of just under 500,000 characters with
 * 50 scattered edits (tests/bench/scattered-edits.ts) while 10,000 annotations stand on it, through
 * the real service (lib/revisions/publish-revision.ts) on a database. Prints the re-anchoring time
 * (reading the annotations, comparing the texts once, placing every annotation) apart from the whole
 * publish (with writing the edition, its passages and the placements in one transaction), the
 * counts exact / moved / fuzzy / review / orphan as stored, and "wrong": a placement shown to readers
 * anywhere but where the generator put the passage. BENCH_DATABASE_URL names a PostgreSQL server (a
 * scratch database is made on it and dropped), else the embedded database (PGlite) runs in memory.
 * BENCH_REVISE_ANNOTATIONS sets the count (default 10,000).
 */
import { applyMigrations } from "../../lib/db/apply-migrations.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { describe } from "../../lib/anchoring/describe.ts";
import { isShownPlacement } from "../../lib/annotations/stored-placement.ts";
import { draftFromPlainText } from "../../lib/sources/draft-from-plain-text.ts";
import { MAX_SOURCE_CHARACTERS } from "../../lib/sources/source-draft.ts";
import { largeDocument, pickRange, revise } from "../support/large-document.ts";
import { scatteredEdits } from "./scattered-edits.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";
import { seededRandom } from "./seeded-random.ts";

const ANNOTATIONS = Number(process.env.BENCH_REVISE_ANNOTATIONS ?? 10_000);
const EDITS = 50;
/** Characters a fuzzy placement may differ from the truth at either end and still count as right. */
const TOLERANCE = 2;

const document = largeDocument(1939, MAX_SOURCE_CHARACTERS - 2_000);
const random = seededRandom(2026);
const revision = revise(document, scatteredEdits(document, random, EDITS));
const before = draftFromPlainText(document.text, false);
const after = draftFromPlainText(revision.text, false);
if (before.text !== document.text || after.text !== revision.text) {
  throw new Error("the generated texts do not read back as plain text unchanged");
}
if (after.text.length > MAX_SOURCE_CHARACTERS) throw new Error("the revised text is over the limit");
const ranges = Array.from({ length: ANNOTATIONS }, () =>
  pickRange(document, random.int(0, document.sentences.length - 1), random),
);

const serverUrl = process.env.BENCH_DATABASE_URL;
let scratch: ScratchDatabase | null = null;
let embedded: EmbeddedPostgres | null = null;
const ms = (value: number) => `${value.toFixed(0)} ms`;
try {
  if (serverUrl) scratch = await createScratchDatabase(serverUrl);
  else embedded = await startEmbeddedPostgres();
  const connectionString = scratch?.connectionString ?? embedded!.connectionString;
  await applyMigrations(connectionString);
  // lib/db reads DATABASE_URL when first imported: set it first.
  process.env.DATABASE_URL = connectionString;
  const { db } = await import("../../lib/db/index.ts");
  const { createSource } = await import("../../lib/sources/create-source.ts");
  const { publishRevision } = await import("../../lib/revisions/publish-revision.ts");
  const user = await db.user.create({ data: { name: "Bench", email: "bench@example.test" } });
  const group = await db.group.create({
    data: {
      name: "Bench",
      joinCode: "BENCH-01",
      memberships: { create: { userId: user.id, role: "INSTRUCTOR" } },
    },
  });
  const actor = { userId: user.id };
  const fields = {
    titlePl: "Zbiór",
    titleEn: "A collection",
    kind: "primary",
    language: "pl",
    date: "1939-09-17",
  };
  const { slug } = await createSource(actor, group.id, { ...fields, draft: before }, []);
  const source = await db.source.findUniqueOrThrow({
    where: { slug },
    select: { id: true, editions: { select: { id: true } } },
  });
  const ids = ranges.map((_, i) => `bench-annotation-${i}`);
  await db.annotation.createMany({
    data: ranges.map((range, i) => {
      const { quote } = describe(document.text, range);
      return {
        id: ids[i],
        sourceId: source.id,
        editionId: source.editions[0]!.id,
        groupId: group.id,
        authorId: user.id,
        visibility: "GROUP" as const,
        quoteExact: quote.exact,
        quotePrefix: quote.prefix,
        quoteSuffix: quote.suffix,
        positionStart: range.start,
        positionEnd: range.end,
      };
    }),
  });

  const started = performance.now();
  const published = await publishRevision(actor, slug, { edition: 1, draft: after }, []);
  const totalMs = performance.now() - started;

  const stored = await db.annotationPlacement.findMany({
    where: { edition: { sourceId: source.id, number: 2 } },
    select: { annotationId: true, outcome: true, start: true, end: true, decision: true },
  });
  const byId = new Map(stored.map((p) => [p.annotationId, p]));
  let wrong = 0;
  let wrongOnGone = 0;
  let lost = 0;
  ids.forEach((id, i) => {
    const placement = byId.get(id)!;
    const truth = revision.whereIs(ranges[i]!);
    if (!isShownPlacement(placement)) {
      if (truth.status === "kept") lost++;
      return;
    }
    const right =
      truth.status === "kept" &&
      Math.abs(placement.start - truth.start) <= TOLERANCE &&
      Math.abs(placement.end - truth.end) <= TOLERANCE;
    if (!right) wrong++;
    if (truth.status === "gone") wrongOnGone++;
  });
  const gone = ranges.filter((range) => revision.whereIs(range).status === "gone").length;
  const { EXACT, MOVED, FUZZY, REVIEW, ORPHAN } = published.counts;
  console.log(
    `${ANNOTATIONS.toLocaleString("en")} annotations on ${document.text.length.toLocaleString("en")} characters, ${EDITS} scattered edits (${gone} annotations on deleted or rewritten sentences), ${serverUrl ? "PostgreSQL" : "PGlite"}`,
  );
  console.log(
    `re-anchoring (read annotations, compare texts once, place each): ${ms(published.reanchorMs)}; whole publish (with the edition, ${after.sentences.length.toLocaleString("en")} passages and ${stored.length.toLocaleString("en")} placements in one transaction): ${ms(totalMs)}`,
  );
  console.log(
    `stored: exact ${EXACT}  moved ${MOVED}  fuzzy ${FUZZY}  review ${REVIEW}  orphan ${ORPHAN} (of the orphans and reviews, still in the text: ${lost})  wrong anchors shown ${wrong} (on deleted passages ${wrongOnGone})`,
  );
  await db.$disconnect();
} finally {
  await scratch?.drop();
  await embedded?.stop();
}
process.exit(0);
