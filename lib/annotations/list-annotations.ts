import "server-only";
import { annotationReadWhere, replyReadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { requireGroupPermission } from "@/lib/groups/require-group-permission";
import { ANNOTATION_SELECT, loadMemberships, type AnnotationRow } from "./access.ts";
import { placeInEdition } from "./place-in-edition.ts";
import { toAnnotationView } from "./to-view.ts";
import type { AnnotationListView, AnnotationView } from "./types.ts";

/**
 * The annotations on a source that the actor reads, placed in its latest edition: those of one group
 * (`group`: an id; "none": no group; undefined: the actor's current group) and the actor's personal
 * notes, each with its visible replies, plus how many touch each sentence. Orphans come last.
 * Anonymous: UNAUTHENTICATED. A group the actor is not in: NOT_FOUND.
 */
export async function listAnnotations(
  actor: Actor,
  slug: string,
  group?: string,
): Promise<AnnotationListView> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const source = await db.source.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      editions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          number: true,
          text: true,
          passages: { orderBy: { start: "asc" }, select: { number: true, start: true, end: true } },
        },
      },
    },
  });
  const edition = source?.editions[0];
  if (!source || !edition) throw new NotFoundError("sourceNotFound");

  const groupId = await resolveGroup(actor, group);
  const [memberships, groupRow] = await Promise.all([
    loadMemberships(db, actor),
    groupId
      ? db.group.findUnique({
          where: { id: groupId },
          select: {
            id: true,
            name: true,
            memberships: { where: { userId: actor.userId }, select: { role: true } },
          },
        })
      : null,
  ]);
  const scope = groupId
    ? { OR: [{ groupId }, { groupId: null, authorId: actor.userId }] }
    : { groupId: null, authorId: actor.userId };
  const roots = await db.annotation.findMany({
    where: { sourceId: source.id, parentId: null, AND: [scope, annotationReadWhere(actor, memberships)] },
    select: ANNOTATION_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const replies = roots.length
    ? await db.annotation.findMany({
        where: {
          sourceId: source.id,
          parentId: { in: roots.map((root) => root.id) },
          ...replyReadWhere(actor, memberships),
        },
        select: ANNOTATION_SELECT,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    : [];
  const repliesByRoot = new Map<string, AnnotationRow[]>();
  for (const reply of replies) {
    const list = repliesByRoot.get(reply.parentId!) ?? [];
    list.push(reply);
    repliesByRoot.set(reply.parentId!, list);
  }

  const sentenceCounts: Record<string, number> = {};
  const views: AnnotationView[] = roots.map((row) => {
    const anchor = placeInEdition(edition.text, edition.passages, {
      exact: row.quoteExact,
      prefix: row.quotePrefix,
      suffix: row.quoteSuffix,
      start: row.positionStart,
      end: row.positionEnd,
    });
    if (anchor.status === "anchored" && row.deletedAt === null) {
      for (let n = anchor.firstSentence; n <= anchor.lastSentence; n++) {
        sentenceCounts[n] = (sentenceCounts[n] ?? 0) + 1;
      }
    }
    return toAnnotationView(row, anchor, repliesByRoot.get(row.id) ?? [], actor, memberships);
  });
  views.sort(textOrder);

  const role = groupRow?.memberships[0]?.role;
  return {
    source: { slug: source.slug, editionNumber: edition.number },
    group: groupRow && role ? { id: groupRow.id, name: groupRow.name, role } : null,
    annotations: views,
    sentenceCounts,
  };
}

/** The group to list: the one asked for (checked), none, or the actor's current group if still a member. */
async function resolveGroup(actor: { userId: string }, group: string | undefined): Promise<string | null> {
  if (group === "none") return null;
  if (group !== undefined) {
    await requireGroupPermission(db, actor, group, "group.read");
    return group;
  }
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: {
      currentGroupId: true,
      currentGroup: { select: { memberships: { where: { userId: actor.userId } } } },
    },
  });
  return user?.currentGroupId && user.currentGroup?.memberships.length ? user.currentGroupId : null;
}

/** Anchored annotations by position (longer first where they start together), then orphans. */
function textOrder(a: AnnotationView, b: AnnotationView): number {
  if (a.anchor.status === "orphan" || b.anchor.status === "orphan") {
    return Number(a.anchor.status === "orphan") - Number(b.anchor.status === "orphan");
  }
  return a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end;
}
