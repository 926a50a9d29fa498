import "server-only";
import { createHash } from "node:crypto";
import { anchor } from "@/lib/anchoring/anchor";
import { astralOffsets, toUtf16Offset } from "@/lib/anchoring/code-points";
import { describe } from "@/lib/anchoring/describe";
import { isValidRange, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring/selectors";
import { canInGroup, sourceOfGroupWhere, sourceReadWhere, type Actor } from "@/lib/auth/policy";
import { bodyFromParts, type BodyPart } from "@/lib/annotations/body/body-from-html";
import { loadMemberships, roleIn } from "@/lib/annotations/access";
import { prepareBody } from "@/lib/annotations/prepare-body";
import { TagsSchema } from "@/lib/annotations/schemas";
import { fromKind, fromVisibility } from "@/lib/annotations/to-view";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { requireActor } from "@/lib/groups/require-group-permission";
import { AppError, invalidField } from "@/lib/http/errors";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";
import type { ImportReport } from "./import-report.ts";
import type { ImportFile, IncomingAnnotation, Rejection, RejectionReason } from "./incoming-annotation.ts";
import { findImportedThreads } from "./find-imported-threads.ts";
import { insertImportedAnnotations, type ImportedRow } from "./insert-imported-annotations.ts";
import { readImportFile } from "./read-import-file.ts";
import { editionOfUrl, sourceOfUrl } from "./source-of-url.ts";
import { importedDates } from "./imported-dates.ts";

export interface ImportOptions {
  /** The group to import into (as the importer's notes there), or null: their personal notes. */
  groupId: string | null;
  /** Who reads them: "private" (the default), or the group's "group" or "instructors". */
  visibility: "private" | "group" | "instructors";
  /** The source to place entries on whose target is not a Glossa source (a web page's URL). */
  fallbackSource: string | null;
  /** The line added to a note written by someone else ("Anna Nowak, 3 March 2026"), in the importer's language. */
  attribution: (name: string, created: string | null) => string;
}

/** Longest the writing of an import may take: two statements, even of 20,000 rows, take seconds. */
const IMPORT_TRANSACTION_MS = 120_000;

type PreparedEntry = {
  body: Prisma.InputJsonValue | undefined;
  bodyText: string;
  bodyHtml: string;
  tags: string[];
};

/**
 * Imports a file of annotations (readImportFile: W3C Web Annotations or Hypothesis's export) as the
 * actor's own, into a group they may annotate in or their personal notes. Each thread's root is
 * placed on the latest edition of the source its target names (or `fallbackSource`) by its selectors,
 * with the anchoring module's rules: placed exactly, moved, or by a close match; an orphan when in
 * doubt, imported with its quotation and listed in the report, never put in a wrong place. Replies
 * follow their thread (imported now or before). An entry imported before into the same place adds
 * nothing (its import key), so a file imported twice adds nothing the second time. A note by
 * someone else keeps their name in a last line (`attribution`). Every entry is checked before anything
 * is written; the report says what was imported, how it was placed, and what was not and why.
 */
export async function importAnnotations(
  actor: Actor,
  fileText: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const caller = requireActor(actor);
  const memberships = await loadMemberships(db, caller);
  if (options.groupId !== null) {
    const role = roleIn(memberships, options.groupId);
    if (!role) throw invalidField("groupId", "groupNotFound");
    if (!canInGroup(role, "annotation.create")) throw new AppError("FORBIDDEN", "notAllowed");
  } else if (options.visibility !== "private") {
    throw invalidField("visibility", "visibilityNeedsGroup");
  }
  const file = readImportFile(fileText);
  const importer = await db.user.findUniqueOrThrow({ where: { id: caller.userId }, select: { name: true } });
  const destination = options.groupId === null ? `user:${caller.userId}` : `group:${options.groupId}`;
  const keyOf = (entry: IncomingAnnotation) =>
    createHash("sha256")
      .update(
        `${destination}\n${entry.externalId ?? JSON.stringify([entry.targetUrl, entry.quote, entry.text, entry.created])}`,
      )
      .digest("base64url");

  const slugs = new Set<string>();
  if (options.fallbackSource) slugs.add(options.fallbackSource);
  for (const entry of file.annotations) {
    const slug = entry.targetUrl ? sourceOfUrl(entry.targetUrl) : null;
    if (slug) slugs.add(slug);
  }
  const sources = await db.source.findMany({
    // Sources the importer reads, and (into a group) that the whole group reads: public or its own.
    where: {
      slug: { in: [...slugs] },
      AND: [sourceReadWhere(actor), options.groupId === null ? {} : sourceOfGroupWhere(options.groupId)],
    },
    select: {
      id: true,
      slug: true,
      editions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true } },
    },
  });
  const bySlug = new Map(
    sources.flatMap((s) => (s.editions[0] ? [[s.slug, { ...s, edition: s.editions[0] }]] : [])),
  );
  if (options.fallbackSource && !bySlug.has(options.fallbackSource)) {
    throw invalidField("fallbackSource", "sourceNotFound");
  }
  const pinned = await pinnedEditionTexts(file, bySlug);
  // Each text's astral offsets found once, not once per entry (a file may hold 20,000 on one text).
  const astral = new Map<string, readonly number[]>();
  const astralOf = (text: string) => {
    let offsets = astral.get(text);
    if (!offsets) astral.set(text, (offsets = astralOffsets(text)));
    return offsets;
  };

  const keys = file.annotations.map(keyOf);
  const parentKeys = file.annotations.flatMap((entry) =>
    entry.parentExternalId === null ? [] : [keyOf({ ...entry, externalId: entry.parentExternalId })],
  );
  const existing = await findImportedThreads(db, [...keys, ...parentKeys]);
  const already = new Map(existing.map((row) => [row.importKey!, row]));

  const rejected: Rejection[] = [...file.rejected];
  const report: ImportReport = {
    format: file.format,
    imported: 0,
    replies: 0,
    placed: { exact: 0, moved: 0, fuzzy: 0 },
    orphans: [],
    duplicates: 0,
    rejected,
  };
  const repliedTo = new Set(file.annotations.flatMap((entry) => entry.parentExternalId ?? []));
  const roots: ImportedRow[] = [];
  const replies: { entry: IncomingAnnotation; key: string; parentKey: string }[] = [];
  for (const [i, entry] of file.annotations.entries()) {
    const key = keys[i]!;
    if (already.has(key)) {
      report.duplicates++;
      continue;
    }
    if (entry.parentExternalId !== null) {
      replies.push({ entry, key, parentKey: keyOf({ ...entry, externalId: entry.parentExternalId }) });
      continue;
    }
    const slug = (entry.targetUrl ? sourceOfUrl(entry.targetUrl) : null) ?? options.fallbackSource;
    const source = slug ? bySlug.get(slug) : undefined;
    if (!source) {
      rejected.push({ index: entry.index, reason: entry.targetUrl ? "unknownSource" : "noTarget" });
      continue;
    }
    const placing = placingOf(entry, file.format, source, pinned, astralOf);
    if ("reason" in placing) {
      rejected.push({ index: entry.index, reason: placing.reason });
      continue;
    }
    const { quote, position } = placing;
    // A note deleted while it had replies comes back as one, with them (its body none, as a highlight's).
    const tombstone = entry.deleted && entry.externalId !== null && repliedTo.has(entry.externalId);
    const prepared = await prepareEntry(caller.userId, entry, importer.name, options, entry.kind);
    if ("reason" in prepared) {
      rejected.push({ index: entry.index, reason: prepared.reason });
      continue;
    }
    const found = anchor(source.edition.text, {
      quote,
      position: position ?? { type: "TextPositionSelector", start: -1, end: -1 },
    });
    let place: Pick<
      ImportedRow,
      "quoteExact" | "quotePrefix" | "quoteSuffix" | "positionStart" | "positionEnd"
    >;
    if (found.status === "anchored") {
      const quote = describe(source.edition.text, { start: found.start, end: found.end }).quote;
      place = {
        quoteExact: quote.exact,
        quotePrefix: quote.prefix,
        quoteSuffix: quote.suffix,
        positionStart: found.start,
        positionEnd: found.end,
      };
      // Found by its quotation alone: "moved" from a position the file never gave is its place.
      report.placed[found.outcome === "moved" && position === null ? "exact" : found.outcome]++;
    } else {
      // Kept with the quotation it came with and no place: the reader lists it apart.
      place = {
        quoteExact: quote.exact,
        quotePrefix: quote.prefix,
        quoteSuffix: quote.suffix,
        positionStart: null,
        positionEnd: null,
      };
      report.orphans.push({
        index: entry.index,
        quote: quote.exact,
        source: source.slug,
        reason: found.reason,
      });
    }
    roots.push({
      sourceId: source.id,
      editionId: source.edition.id,
      groupId: options.groupId,
      authorId: caller.userId,
      parentId: null,
      kind: fromKind(tombstone && entry.kind === "highlight" ? "comment" : entry.kind),
      visibility: fromVisibility(options.visibility),
      ...place,
      ...prepared,
      importKey: key,
      ...importedDates(entry),
      deletedAt: tombstone ? new Date().toISOString() : null,
    });
  }

  // Replies' bodies are made before anything is written, so that the writes are two statements.
  const preparedReplies: { reply: (typeof replies)[number]; body: PreparedEntry }[] = [];
  for (const reply of replies) {
    const prepared = await prepareEntry(caller.userId, reply.entry, importer.name, options, "reply");
    if ("reason" in prepared) rejected.push({ index: reply.entry.index, reason: prepared.reason });
    else preparedReplies.push({ reply, body: prepared });
  }
  const created = await db.$transaction(
    async (tx) => {
      const made = await insertImportedAnnotations(tx, roots);
      const threads = new Map([...already, ...made.map((row) => [row.importKey!, row] as const)]);
      const replyRows: ImportedRow[] = [];
      for (const { reply, body } of preparedReplies) {
        const thread = threads.get(reply.parentKey);
        if (!thread) {
          rejected.push({ index: reply.entry.index, reason: "replyWithoutThread" });
          continue;
        }
        replyRows.push({
          sourceId: thread.sourceId,
          editionId: thread.editionId,
          groupId: thread.groupId,
          authorId: caller.userId,
          parentId: thread.id,
          kind: fromKind("comment"),
          visibility: thread.visibility,
          quoteExact: "",
          quotePrefix: "",
          quoteSuffix: "",
          positionStart: null,
          positionEnd: null,
          ...body,
          importKey: reply.key,
          ...importedDates(reply.entry),
          deletedAt: null,
        });
      }
      const madeReplies = await insertImportedAnnotations(tx, replyRows);
      return {
        roots: made,
        replies: madeReplies.length,
        sources: new Set([...made.map((r) => r.sourceId), ...replyRows.map((r) => r.sourceId)]),
      };
      // Two statements of up to 20,000 rows each: may be more than the default 5 s on a slow machine.
    },
    { timeout: IMPORT_TRANSACTION_MS },
  );
  report.imported = created.roots.length;
  report.replies = created.replies;
  report.duplicates += roots.length - created.roots.length;
  for (const sourceId of created.sources) {
    await announceAnnotationChange({ sourceId, groupId: options.groupId, authors: [caller.userId] });
  }
  rejected.sort((a, b) => a.index - b.index);
  return report;
}

type ImportSource = { id: string; slug: string; edition: { id: string; number: number; text: string } };

/** The key of a source's edition in `pinnedEditionTexts`'s answer. */
const editionKey = (sourceId: string, number: number) => `${sourceId}\n${number}`;

/**
 * The texts of the editions that position-only entries of a W3C file name (`?edition=N` in their
 * target's source, as Glossa pins its exports' targets), older ones included: a position counts in
 * one edition's text, and only in the one it names is it known to be what its writer selected.
 */
async function pinnedEditionTexts(
  file: ImportFile,
  bySlug: ReadonlyMap<string, ImportSource>,
): Promise<Map<string, string>> {
  const wanted: { sourceId: string; number: number }[] = [];
  for (const entry of file.annotations) {
    if (file.format !== "web-annotation" || !entry.position || (entry.quote && entry.quote.exact !== ""))
      continue;
    const source = entry.targetUrl ? bySlug.get(sourceOfUrl(entry.targetUrl) ?? "") : undefined;
    const number = entry.targetUrl ? editionOfUrl(entry.targetUrl) : null;
    if (source && number !== null) wanted.push({ sourceId: source.id, number });
  }
  if (wanted.length === 0) return new Map();
  const editions = await db.edition.findMany({
    where: { OR: wanted },
    select: { sourceId: true, number: true, text: true },
  });
  return new Map(editions.map((e) => [editionKey(e.sourceId, e.number), e.text]));
}

/**
 * What a root is placed by on `source`'s latest edition: its quotation, and its position as a hint
 * in UTF-16 code units (a W3C file counts in code points). A root without a quotation is placed by
 * its position only when its target names the edition the position counts in (a Glossa edition's
 * URL, `pinned`): its quotation is then read from that edition (and found on the latest as any
 * other); a position in an edition not named could be in any of its text's versions, and a note is
 * never placed by a guess.
 */
function placingOf(
  entry: IncomingAnnotation,
  format: ImportFile["format"],
  source: ImportSource,
  pinned: ReadonlyMap<string, string>,
  astralOf: (text: string) => readonly number[],
): { quote: TextQuoteSelector; position: TextPositionSelector | null } | { reason: RejectionReason } {
  const number = entry.targetUrl && sourceOfUrl(entry.targetUrl) ? editionOfUrl(entry.targetUrl) : null;
  const text = number === null ? undefined : pinned.get(editionKey(source.id, number));
  // The text the position counts in: the edition named (if read), else the latest, for a hint.
  const counted = text ?? source.edition.text;
  const position =
    entry.position && format === "web-annotation"
      ? inCodeUnits(astralOf(counted), entry.position)
      : entry.position;
  if (entry.quote && entry.quote.exact !== "") return { quote: entry.quote, position };
  if (!position || text === undefined) return { reason: "noQuote" };
  if (!isValidRange(text, position) || position.end === position.start)
    return { reason: "positionNotInEdition" };
  const described = describe(text, position);
  return { quote: described.quote, position: number === source.edition.number ? position : null };
}

/** A TextPositionSelector in code points as one in UTF-16 code units of a text with `astral` offsets. */
function inCodeUnits(astral: readonly number[], position: TextPositionSelector): TextPositionSelector {
  return {
    ...position,
    start: toUtf16Offset(astral, position.start),
    end: toUtf16Offset(astral, position.end),
  };
}

/** An entry's body (with the line naming its writer when that is someone else) and tags, checked as the editor's. */
async function prepareEntry(
  userId: string,
  entry: IncomingAnnotation,
  importerName: string,
  options: ImportOptions,
  kind: IncomingAnnotation["kind"] | "reply",
): Promise<PreparedEntry | { reason: Rejection["reason"] }> {
  const tags = TagsSchema.safeParse(entry.tags);
  if (!tags.success) return { reason: "tagsInvalid" };
  const byOther = entry.creatorName !== null && entry.creatorName !== importerName;
  const parts: BodyPart[] =
    kind === "highlight" || !byOther
      ? entry.parts
      : [...entry.parts, { value: options.attribution(entry.creatorName!, entry.created), format: "text" }];
  const content = kind === "highlight" ? null : bodyFromParts(parts);
  if (content === null && kind !== "highlight") return { reason: "bodyInvalid" };
  try {
    const body = await prepareBody(db, userId, kind, content);
    return {
      body: (body.body ?? undefined) as Prisma.InputJsonValue | undefined,
      bodyText: body.bodyText,
      bodyHtml: body.bodyHtml,
      tags: tags.data,
    };
  } catch {
    return { reason: "bodyInvalid" };
  }
}
