import "server-only";
import { announceAnnotationChange, type AnnotationChange } from "@/lib/live/annotation-changes";
import { changeOf } from "./change-of.ts";
import type { JSONContent } from "@tiptap/core";
import { narrowerAudience, type Actor } from "@/lib/auth/policy";
import { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { AppError, invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { ANNOTATION_SELECT, cardReader, findReadableAnnotation, loadMemberships } from "./access.ts";
import { viewOf } from "./load-for-view.ts";
import { prepareBody } from "./prepare-body.ts";
import { UpdateAnnotationSchema } from "./schemas.ts";
import { fromKind, fromVisibility, permissionsOf, toKind } from "./to-view.ts";
import type { AnnotationView, ReplyView } from "./types.ts";

/**
 * Changes the body, kind, tags or visibility of the actor's own annotation (replies: the body only).
 * The version it replaces is kept as a revision with the audience it was written for, and the
 * annotation is marked edited; the passages the body cites are replaced in the same transaction.
 * Changing a thread's visibility leaves its replies' audiences as they were. Others' or deleted
 * annotations, and one's own in a group one has left, cannot be changed; ones the actor cannot read
 * are NOT_FOUND.
 */
export async function updateAnnotation(
  actor: Actor,
  id: string,
  input: unknown,
): Promise<AnnotationView | ReplyView> {
  const { userId } = requireActor(actor);
  const data = parseInput(UpdateAnnotationSchema, input);
  let changed: AnnotationChange | null = null;
  const view = await db.$transaction(async (tx) => {
    const memberships = await loadMemberships(tx, actor);
    const current = await findReadableAnnotation(tx, actor, memberships, id);
    if (current.deletedAt) throw new AppError("CONFLICT", "annotationDeleted");
    if (!permissionsOf(current, await cardReader(tx, actor, memberships, [current])).edit)
      throw new AppError("FORBIDDEN", "notAllowed");
    await tx.$executeRaw`SELECT 1 FROM "Annotation" WHERE "id" = ${current.id} FOR UPDATE`;

    const isReply = current.parentId !== null;
    if (isReply && (data.kind || data.tags || data.visibility))
      throw invalidField("form", "replyTakesBodyOnly");
    const kind = data.kind ?? toKind(current.kind);
    // A reply's visibility is its audience: what it is edited into now is read by no more people than
    // read the thread now (policy.ts, replyReadWhere).
    const visibility = isReply
      ? narrowerAudience(current.visibility, current.parent!.visibility)
      : data.visibility
        ? fromVisibility(data.visibility)
        : current.visibility;
    if (current.groupId === null && visibility !== "PRIVATE")
      throw invalidField("visibility", "visibilityNeedsGroup");
    const body = await prepareBody(
      tx,
      userId,
      isReply ? "reply" : kind,
      data.body !== undefined ? data.body : kind === "highlight" && data.kind ? null : current.body,
    );
    const tags = data.tags ?? current.tags;

    const unchanged =
      fromKind(kind) === current.kind &&
      visibility === current.visibility &&
      JSON.stringify(tags) === JSON.stringify(current.tags) &&
      JSON.stringify(body.body) === JSON.stringify(current.body);
    if (unchanged) return viewOf(tx, current, actor, memberships);

    await tx.annotationRevision.create({
      data: {
        annotationId: current.id,
        editorId: userId,
        kind: current.kind,
        visibility: current.visibility,
        body: (current.body as JSONContent | null) ?? undefined,
        tags: current.tags,
      },
    });
    const updated = await tx.annotation.update({
      where: { id: current.id },
      data: {
        kind: fromKind(kind),
        visibility,
        body: body.body ?? Prisma.DbNull,
        bodyText: body.bodyText,
        bodyHtml: body.bodyHtml,
        tags,
        editedAt: new Date(),
        // The passages the new body cites replace those of the old one.
        references: {
          deleteMany: {},
          create: body.permalinkIds.map((permalinkId) => ({ permalinkId })),
        },
      },
      select: ANNOTATION_SELECT,
    });
    changed = await changeOf(tx, current);
    return viewOf(tx, updated, actor, memberships);
  });
  if (changed) await announceAnnotationChange(changed);
  return view;
}
