import "server-only";
import { afterCommit } from "@/lib/notifications/deliver-notifications";
import { mayNotify, notifyAnnotationPosted } from "@/lib/notifications/notify-annotation-posted";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";
import { changeOf } from "./change-of.ts";
import { describe } from "@/lib/anchoring/describe";
import { isValidRange } from "@/lib/anchoring/selectors";
import { canInGroup, sourceOfGroupWhere, sourceReadWhere, type Actor } from "@/lib/auth/policy";
import { requireActor as requireSignedIn } from "@/lib/groups/require-group-permission";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { AppError, invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { authorOf, cardReader, insertAnnotation, loadMemberships, roleIn } from "./access.ts";
import { withEditionContent } from "./edition-content.ts";
import { placeInEdition } from "./place-in-edition.ts";
import { prepareBody } from "./prepare-body.ts";
import { CreateAnnotationSchema } from "./schemas.ts";
import { fromKind, fromVisibility, toAnnotationView } from "./to-view.ts";
import type { AnnotationView } from "./types.ts";

/**
 * Saves a new annotation on a passage of an edition, in a group the actor may annotate in, or as a
 * personal note (no group, visibility "private"). Everything is checked before anything is written:
 * the source (one the actor may read: a group's own source is unknown to anyone outside it) and edition, the group, that the selectors describe that edition's text exactly, the
 * body for its kind and the passages it cites, the tags. The body's cross-references are saved with
 * it, in the same statement.
 */
export async function createAnnotation(actor: Actor, input: unknown): Promise<AnnotationView> {
  const signedIn = requireSignedIn(actor);
  const { userId } = signedIn;
  const data = parseInput(CreateAnnotationSchema, input);

  // The edition, on a source the actor reads and, for a group's annotation, one the whole group
  // reads: one statement (a source's nested list of editions would be a second). Beside it, the
  // memberships and, unless read with the session, the author's name for the card sent back (so
  // the insert below returns its row in one statement: a select of relations makes Prisma wrap it
  // in a transaction of one statement per relation).
  const sourceWhere: Prisma.SourceWhereInput = {
    slug: data.source,
    AND: [sourceReadWhere(actor), data.groupId ? sourceOfGroupWhere(data.groupId) : {}],
  };
  const [found, memberships, author] = await Promise.all([
    db.edition.findFirst({
      where: { number: data.editionNumber, source: sourceWhere },
      select: { id: true, sourceId: true },
    }),
    loadMemberships(db, actor),
    authorOf(db, signedIn),
  ]);
  if (!found) {
    // Which of the two is not there, for the error: asked only when one is missing.
    const source = await db.source.findFirst({ where: sourceWhere, select: { id: true } });
    throw source
      ? invalidField("editionNumber", "editionNotFound")
      : invalidField("source", "sourceNotFound");
  }
  const source = { id: found.sourceId };
  // Its text and passages as this instance keeps them (read once per edition: editionContent).
  const edition = await withEditionContent(db, found);
  if (!edition) throw invalidField("editionNumber", "editionNotFound");
  if (!author) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const groupId = data.groupId ?? null;
  if (groupId !== null) {
    const role = roleIn(memberships, groupId);
    if (!role) throw invalidField("groupId", "groupNotFound");
    if (!canInGroup(role, "annotation.create")) throw new AppError("FORBIDDEN", "notAllowed");
  } else if (data.visibility !== "private") {
    throw invalidField("visibility", "visibilityNeedsGroup");
  }

  const range = { start: data.selectors.position.start, end: data.selectors.position.end };
  if (!isValidRange(edition.text, range)) throw invalidField("selectors.position", "selectorOutOfRange");
  const expected = describe(edition.text, range).quote;
  const { quote } = data.selectors;
  if (
    quote.exact !== expected.exact ||
    quote.prefix !== expected.prefix ||
    quote.suffix !== expected.suffix
  ) {
    throw invalidField("selectors.quote", "selectorMismatch");
  }

  const body = await prepareBody(db, userId, data.kind, data.body);
  // A new thread: no parent; the author and edition as checked above.
  const row = await insertAnnotation(
    db,
    {
      sourceId: source.id,
      editionId: edition.id,
      groupId,
      authorId: userId,
      kind: fromKind(data.kind),
      visibility: fromVisibility(data.visibility),
      quoteExact: expected.exact,
      quotePrefix: expected.prefix,
      quoteSuffix: expected.suffix,
      positionStart: range.start,
      positionEnd: range.end,
      body: body.body ?? undefined,
      bodyText: body.bodyText,
      bodyHtml: body.bodyHtml,
      tags: data.tags ?? [],
    },
    body.permalinkIds,
    { author, edition: { number: data.editionNumber }, parent: null },
  );
  await announceAnnotationChange({
    ...(await changeOf(db, { sourceId: source.id, groupId, authorId: userId, parentId: null })),
    threadAdded: true,
  });
  // A new thread notifies only those it mentions: without a mention nothing is read again.
  if (mayNotify({ groupId, parentId: null, bodyText: body.bodyText })) {
    await afterCommit(() => notifyAnnotationPosted(row.id));
  }
  const anchor = placeInEdition(edition.text, edition.passages, row);
  return toAnnotationView(row, anchor, [], await cardReader(db, actor, memberships, [row]));
}
