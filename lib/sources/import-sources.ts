import { readdir } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { METADATA_FILE, readSourceFolder, type SourceFolder } from "./read-source-folder.ts";
import { SourceFileError } from "./source-file-error.ts";

export interface ImportReport {
  /** slug → what happened to it. */
  sources: {
    slug: string;
    source: "created" | "updated" | "unchanged";
    edition: number;
    editionCreated: boolean;
    translationCreated: boolean;
    /** Whether the edition's editor's notes were written (notes.yaml differs from the database). */
    notesChanged: boolean;
  }[];
}

/** Generous: the whole import is one transaction, and PGlite runs it on one core. */
const TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Imports every folder of `root` that has a source.yaml. All files are read and validated before the
 * database is touched, and everything is written in one transaction, so a bad file changes nothing.
 * Idempotent: a second run writes nothing. An existing edition is never altered: changed text becomes
 * a new edition with the next number, and a changed translation (its text, label or declared
 * edition and reviser) a new translation row of the edition, so no edition or translation text is
 * ever updated in place. The editor's notes are apparatus, not text: a changed notes.yaml replaces the
 * notes of the latest edition.
 */
export async function importSources(prisma: PrismaClient, root: string): Promise<ImportReport> {
  const folders = await findSourceFolders(root);
  const parsed: SourceFolder[] = [];
  for (const folder of folders) parsed.push(await readSourceFolder(root, folder));

  const report: ImportReport = { sources: [] };
  await prisma.$transaction(
    async (tx) => {
      for (const folder of parsed)
        report.sources.push(await importOne(tx as unknown as PrismaClient, folder));
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
  return report;
}

async function findSourceFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => {
    throw new SourceFileError(path.basename(root), 0, "the sources folder is missing");
  });
  const folders: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const files = await readdir(path.join(root, entry.name));
    if (!files.includes(METADATA_FILE)) {
      throw new SourceFileError(
        path.join(path.basename(root), entry.name, METADATA_FILE),
        0,
        "file is missing",
      );
    }
    folders.push(entry.name);
  }
  return folders;
}

function metadataColumns({ metadata }: SourceFolder) {
  return {
    titlePl: metadata.title.pl,
    titleEn: metadata.title.en,
    titleShortPl: metadata.citation.titleShort.pl,
    titleShortEn: metadata.citation.titleShort.en,
    titleEnSentence: metadata.citation.titleEnSentenceStyle,
    aboutPl: metadata.about.pl,
    aboutEn: metadata.about.en,
    kind: metadata.kind.toUpperCase() as "SUMMARY" | "PRIMARY" | "TRANSLATION",
    language: metadata.language,
    date: metadata.date,
    placePl: metadata.place.pl,
    placeEn: metadata.place.en,
    issuerPl: metadata.issuer.pl,
    issuerEn: metadata.issuer.en,
    issuerRole: metadata.issuerRole.toUpperCase() as "ISSUER" | "SIGNATORIES",
    publicationPl: metadata.publication.pl,
    publicationEn: metadata.publication.en,
    licencePl: metadata.licence.pl,
    licenceEn: metadata.licence.en,
  };
}

async function importOne(tx: PrismaClient, folder: SourceFolder): Promise<ImportReport["sources"][number]> {
  const slug = folder.metadata.slug;
  const columns = metadataColumns(folder);
  const existing = await tx.source.findUnique({
    where: { slug },
    include: { editions: { orderBy: { number: "desc" }, take: 1 } },
  });

  let sourceId: string;
  let sourceState: "created" | "updated" | "unchanged";
  if (!existing) {
    sourceId = (await tx.source.create({ data: { slug, builtIn: true, ...columns }, select: { id: true } }))
      .id;
    sourceState = "created";
  } else {
    sourceId = existing.id;
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).some(
      (key) => existing[key] !== columns[key],
    );
    if (changed) await tx.source.update({ where: { id: sourceId }, data: columns });
    sourceState = changed ? "updated" : "unchanged";
  }

  let edition = existing?.editions[0] ?? null;
  let editionCreated = false;
  if (!edition || edition.contentHash !== folder.contentHash) {
    edition = await tx.edition.create({
      data: {
        sourceId,
        number: (edition?.number ?? 0) + 1,
        contentHash: folder.contentHash,
        text: folder.text,
        passages: {
          createMany: {
            data: folder.sentences.map((s, i) => ({
              number: i + 1,
              start: s.start,
              end: s.end,
              searchText: folder.text.slice(s.start, s.end),
            })),
          },
        },
      },
    });
    editionCreated = true;
  }

  let translationCreated = false;
  if (folder.translation) {
    const { language, label, revision, revisedBy, revisedOn, sentences, contentHash } = folder.translation;
    const latest = await tx.translation.findFirst({
      where: { editionId: edition.id, language },
      orderBy: { number: "desc" },
    });
    const changed =
      !latest ||
      latest.contentHash !== contentHash ||
      latest.label !== label ||
      latest.revision !== revision ||
      latest.revisedByPl !== (revisedBy?.pl ?? null) ||
      latest.revisedByEn !== (revisedBy?.en ?? null) ||
      latest.revisedOn !== revisedOn;
    if (changed) {
      await tx.translation.create({
        data: {
          editionId: edition.id,
          language,
          label,
          revision,
          revisedByPl: revisedBy?.pl ?? null,
          revisedByEn: revisedBy?.en ?? null,
          revisedOn,
          contentHash,
          number: (latest?.number ?? 0) + 1,
          sentences: { createMany: { data: sentences.map((text, i) => ({ number: i + 1, text })) } },
        },
      });
      translationCreated = true;
    }
  }
  const notesChanged = await importNotes(tx, edition.id, folder.notes);
  return {
    slug,
    source: sourceState,
    edition: edition.number,
    editionCreated,
    translationCreated,
    notesChanged,
  };
}

/** Makes the edition's notes those of notes.yaml, writing only if they differ; whether it wrote. */
async function importNotes(
  tx: PrismaClient,
  editionId: string,
  notes: SourceFolder["notes"],
): Promise<boolean> {
  const rows = notes.map((note) => ({
    editionId,
    number: note.number,
    key: note.key,
    firstSentence: note.firstSentence,
    lastSentence: note.lastSentence,
    start: note.start,
    end: note.end,
    bodyPl: note.body.pl,
    bodyEn: note.body.en,
  }));
  const existing = await tx.editorialNote.findMany({
    where: { editionId },
    orderBy: { number: "asc" },
    omit: { id: true },
  });
  if (JSON.stringify(existing) === JSON.stringify(rows)) return false;
  await tx.editorialNote.deleteMany({ where: { editionId } });
  if (rows.length > 0) await tx.editorialNote.createMany({ data: rows });
  return true;
}
