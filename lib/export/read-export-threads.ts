import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { toKind } from "@/lib/annotations/to-view";
import { placeOf, PLACE_SELECT } from "@/lib/annotations/access";
import { loadPeerNames, REAL_NAMES, type PeerNames } from "@/lib/assignments/anonymity";
import type { Actor, MembershipRole } from "@/lib/auth/policy";
import { toCodePointOffset } from "@/lib/anchoring/code-points";
import type { ExportScope } from "./open-export.ts";
import { detectBodyLanguage } from "./detect-body-language.ts";
import { loadAstralOffsets } from "./edition-astral-offsets.ts";
import {
  sentencesTouched,
  type ExportedAnnotation,
  type ExportedThread,
  type SentenceRange,
} from "./exported-annotation.ts";

/**
 * Threads read per batch: each batch is two queries (roots by keyset, then their replies), so an
 * export of 10,000 threads is 40 round trips, and memory holds one batch at a time whatever the size.
 */
export const EXPORT_BATCH_SIZE = 250;

export type ExportClient = Pick<PrismaClient, "annotation" | "passage" | "$queryRawUnsafe">;

/** What a root's place is written with: its edition's sentences (numbers) and astral offsets (code points). */
export interface EditionFacts {
  sentences: readonly SentenceRange[];
  astral: readonly number[];
}

const NO_FACTS: EditionFacts = { sentences: [], astral: [] };

/** The columns an exported annotation is read with (lib/protocol reads its containers with them too). */
export const EXPORT_SELECT = {
  id: true,
  parentId: true,
  kind: true,
  createdAt: true,
  editedAt: true,
  importedCreatedAt: true,
  importedModifiedAt: true,
  deletedAt: true,
  bodyHtml: true,
  bodyText: true,
  tags: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  ...PLACE_SELECT,
  author: { select: { name: true, locale: true } },
  group: { select: { name: true } },
  source: { select: { slug: true, titlePl: true, titleEn: true } },
  edition: { select: { number: true } },
} satisfies Prisma.AnnotationSelect;

export type ExportRow = Prisma.AnnotationGetPayload<{ select: typeof EXPORT_SELECT }>;

const ORDER = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.AnnotationOrderByWithRelationInput[];

/** Rows after `last` in (createdAt, id) order. */
function after(last: { createdAt: Date; id: string } | null): Prisma.AnnotationWhereInput {
  if (!last) return {};
  return { OR: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, id: { gt: last.id } }] };
}

/**
 * The threads of an export in batches, oldest first: roots read by keyset (creation time, then id)
 * `batchSize` at a time, each batch's replies read at once with the scope's reply rule; then the
 * replies the scope carries alone, by keyset too. Never the whole export at once: a consumer that
 * writes each batch before asking for the next (stream-export.ts) holds one batch in memory.
 * Sentence numbers come from each edition's sentences, read once per edition, as are the offsets
 * that turn places into code points.
 */
export async function* readExportThreads(
  client: ExportClient,
  scope: ExportScope,
  locale: Locale,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportedThread[]> {
  const factsOf = editionFacts(client);
  let last: ExportRow | null = null;
  for (;;) {
    const roots: ExportRow[] = await client.annotation.findMany({
      where: { AND: [scope.roots, { parentId: null }, after(last)] },
      orderBy: ORDER,
      take: batchSize,
      select: EXPORT_SELECT,
    });
    if (roots.length === 0) break;
    const replies = await client.annotation.findMany({
      where: { AND: [scope.replies, { parentId: { in: roots.map((root) => root.id) } }] },
      orderBy: ORDER,
      select: EXPORT_SELECT,
    });
    const [facts, names] = await Promise.all([
      factsOf(roots),
      namesFor(scope.viewer, [...roots, ...replies]),
    ]);
    const byParent = new Map<string, ExportRow[]>();
    for (const reply of replies)
      byParent.set(reply.parentId!, [...(byParent.get(reply.parentId!) ?? []), reply]);
    yield roots.map((root) => ({
      root: exported(root, locale, facts.get(root.editionId), names),
      replies: (byParent.get(root.id) ?? []).map((reply) => exported(reply, locale, NO_FACTS, names)),
    }));
    if (roots.length < batchSize) break;
    last = roots.at(-1)!;
  }
  if (!scope.loneReplies) return;
  last = null;
  for (;;) {
    const replies: ExportRow[] = await client.annotation.findMany({
      where: { AND: [scope.loneReplies, after(last)] },
      orderBy: ORDER,
      take: batchSize,
      select: EXPORT_SELECT,
    });
    if (replies.length === 0) break;
    const names = await namesFor(scope.viewer, replies);
    yield replies.map((reply) => ({ root: exported(reply, locale, NO_FACTS, names), replies: [] }));
    if (replies.length < batchSize) break;
    last = replies.at(-1)!;
  }
}

/**
 * How the viewer of an export is shown the authors of `rows` (anonymous to peers: a classmate's
 * pseudonym; lib/assignments/anonymity.ts); names as they are without a viewer (the staff's exports).
 */
export function namesFor(
  viewer: { actor: Actor; memberships: readonly MembershipRole[] } | undefined,
  rows: readonly ExportRow[],
): Promise<PeerNames> {
  return viewer
    ? loadPeerNames(viewer.actor, viewer.memberships, rows.map(placeOf))
    : Promise.resolve(REAL_NAMES);
}

/**
 * The sentences and astral offsets of the editions rows were made on, each edition's read once for
 * the whole export.
 */
function editionFacts(client: ExportClient) {
  const known = new Map<string, EditionFacts>();
  return async (rows: readonly ExportRow[]) => {
    const missing = [...new Set(rows.map((row) => row.editionId))].filter((id) => !known.has(id));
    if (missing.length > 0) {
      const [passages, astral] = await Promise.all([
        client.passage.findMany({
          where: { editionId: { in: missing } },
          orderBy: [{ editionId: "asc" }, { number: "asc" }],
          select: { editionId: true, number: true, start: true, end: true },
        }),
        loadAstralOffsets(client, missing),
      ]);
      const sentences = new Map(missing.map((id) => [id, [] as SentenceRange[]]));
      for (const passage of passages) sentences.get(passage.editionId)!.push(passage);
      for (const id of missing) known.set(id, { sentences: sentences.get(id)!, astral: astral.get(id)! });
    }
    return known;
  };
}

/**
 * An exported annotation from its row (`edition`: its edition's facts, for a root's sentence numbers
 * and its place in code points),
 * its author as `names` shows them to the reader (a classmate's pseudonym: its opaque id and name).
 */
export function exported(
  row: ExportRow,
  locale: Locale,
  edition: EditionFacts = NO_FACTS,
  names: PeerNames = REAL_NAMES,
): ExportedAnnotation {
  const placed = row.parentId === null && row.positionStart !== null && row.positionEnd !== null;
  const author = names(placeOf(row), { id: row.authorId, name: row.author.name });
  return {
    id: row.id,
    parentId: row.parentId,
    kind: toKind(row.kind),
    authorId: author.id,
    author: {
      // A pseudonym in the export's language ("Osoba 7"); a name as it is.
      name:
        author.pseudonym === undefined
          ? author.name
          : messagesFor(locale).people.pseudonym.replace("{number}", String(author.pseudonym)),
      language: row.author.locale === "en" ? "en" : "pl",
    },
    group: row.group,
    // An imported note keeps the dates its file gave it (an edit here is its latest change).
    createdAt: row.importedCreatedAt ?? row.createdAt,
    editedAt: row.editedAt ?? row.importedModifiedAt,
    deleted: row.deletedAt !== null,
    bodyHtml: row.deletedAt === null ? row.bodyHtml : "",
    bodyText: row.deletedAt === null ? row.bodyText : "",
    bodyLanguage: row.deletedAt === null ? detectBodyLanguage(row.bodyText) : undefined,
    tags: row.deletedAt === null ? row.tags : [],
    source: { slug: row.source.slug, title: locale === "en" ? row.source.titleEn : row.source.titlePl },
    edition: row.edition.number,
    quote:
      row.parentId === null
        ? { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix }
        : null,
    position: placed
      ? {
          start: toCodePointOffset(edition.astral, row.positionStart!),
          end: toCodePointOffset(edition.astral, row.positionEnd!),
        }
      : null,
    sentences: placed ? sentencesTouched(edition.sentences, row.positionStart!, row.positionEnd!) : null,
  };
}

/** One annotation or reply as exports write it, by id (the caller checked that the actor reads it). */
export async function readExportedAnnotation(
  client: ExportClient,
  id: string,
  locale: Locale,
  viewer?: { actor: Actor; memberships: readonly MembershipRole[] },
): Promise<ExportedAnnotation> {
  const row = await client.annotation.findUniqueOrThrow({ where: { id }, select: EXPORT_SELECT });
  const facts = row.parentId === null ? (await editionFacts(client)([row])).get(row.editionId) : NO_FACTS;
  return exported(row, locale, facts, await namesFor(viewer, [row]));
}

/** Whether an export holds nothing at all (no thread, no reply carried alone): one or two small reads. */
export async function isExportEmpty(client: ExportClient, scope: ExportScope): Promise<boolean> {
  const root = await client.annotation.findFirst({
    where: { AND: [scope.roots, { parentId: null }] },
    select: { id: true },
  });
  if (root) return false;
  if (!scope.loneReplies) return true;
  return (await client.annotation.findFirst({ where: scope.loneReplies, select: { id: true } })) === null;
}
