import "server-only";
import { afterCommit } from "@/lib/notifications/deliver-notifications";
import { notifyAnnotationPosted } from "@/lib/notifications/notify-annotation-posted";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";
import { changeOf } from "./change-of.ts";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { authorOf, cardReader, findReadableAnnotation, insertAnnotation, loadMemberships } from "./access.ts";
import { prepareBody } from "./prepare-body.ts";
import { ReplySchema } from "./schemas.ts";
import { permissionsOf, toReplyView } from "./to-view.ts";
import type { ReplyView } from "./types.ts";

/**
 * Adds a reply to a thread the actor reads and may write in (a member of its group who may annotate;
 * for a personal note, its author). The reply keeps the audience the thread has now: widening the
 * thread later does not widen it (`replyReadWhere`).
 */
export async function replyToAnnotation(actor: Actor, id: string, input: unknown): Promise<ReplyView> {
  const signedIn = requireActor(actor);
  const { userId } = signedIn;
  const data = parseInput(ReplySchema, input);
  // The author's name for the card sent back, unless read with the session: beside the memberships.
  const [memberships, author] = await Promise.all([loadMemberships(db, actor), authorOf(db, signedIn)]);
  if (!author) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const root = await findReadableAnnotation(db, actor, memberships, id);
  if (root.parentId !== null) throw new AppError("INVALID", "replyToReply");
  if (root.deletedAt) throw new AppError("CONFLICT", "annotationDeleted");
  const reader = await cardReader(db, actor, memberships, [root]);
  if (!permissionsOf(root, reader).reply) throw new AppError("FORBIDDEN", "notAllowed");
  const body = await prepareBody(db, userId, "reply", data.body);
  // On the thread's edition, as the root read above places it.
  const reply = await insertAnnotation(
    db,
    {
      sourceId: root.sourceId,
      editionId: root.editionId,
      groupId: root.groupId,
      authorId: userId,
      parentId: root.id,
      kind: "COMMENT",
      // Its audience: those who read the thread now. It never widens with the thread (policy.ts).
      visibility: root.visibility,
      body: body.body ?? undefined,
      bodyText: body.bodyText,
      bodyHtml: body.bodyHtml,
      tags: [],
    },
    body.permalinkIds,
    {
      author,
      edition: root.edition,
      parent: {
        visibility: root.visibility,
        deletedAt: root.deletedAt,
        editionId: root.editionId,
        positionStart: root.positionStart,
        positionEnd: root.positionEnd,
      },
    },
  );
  await announceAnnotationChange(
    await changeOf(
      db,
      { sourceId: root.sourceId, groupId: root.groupId, authorId: userId, parentId: root.id },
      root.authorId,
    ),
  );
  await afterCommit(() => notifyAnnotationPosted(reply.id));
  return toReplyView(reply, reader);
}
