import "server-only";
import {
  annotationReadWhere,
  exportedReplyWhere,
  groupExportWhere,
  ownExportWhere,
  ownRepliesElsewhereWhere,
  type Actor,
  type MembershipRole,
} from "@/lib/auth/policy";
import { requireAssignment } from "@/lib/assignments/require-assignment";
import { loadMemberships } from "@/lib/annotations/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { requireActor, requireGroupPermission } from "@/lib/groups/require-group-permission";

/** What is exported: the caller's own notes, a group's (its staff), or an assignment's (its staff). */
export type ExportRequest =
  { kind: "mine" } | { kind: "group"; groupId: string } | { kind: "assignment"; assignmentId: string };

/**
 * The rows an export reads, as `where` clauses from the policy: the threads' roots, the replies in
 * them, and replies carried alone (the caller's own in threads they did not write, own export only).
 */
export interface ExportScope {
  /** What the file is called and titled with: the group's or assignment's name; null for one's own. */
  name: string | null;
  roots: Prisma.AnnotationWhereInput;
  replies: Prisma.AnnotationWhereInput;
  loneReplies: Prisma.AnnotationWhereInput | null;
  /** Who reads the export: authors are named as they are shown to them (anonymous to peers). */
  viewer?: { actor: Actor; memberships: readonly MembershipRole[] };
}

/**
 * The scope of an export for the actor, checked before anything is read. Anonymous: UNAUTHENTICATED.
 * A group or assignment the actor is not in (an ex-member too): NOT_FOUND; a student: FORBIDDEN.
 */
export async function openExport(actor: Actor, request: ExportRequest): Promise<ExportScope> {
  const caller = requireActor(actor);
  const memberships = await loadMemberships(db, caller);
  const replies = exportedReplyWhere(caller, memberships);
  const readable = annotationReadWhere(caller, memberships);
  if (request.kind === "mine") {
    return {
      name: null,
      roots: ownExportWhere(caller),
      replies,
      loneReplies: ownRepliesElsewhereWhere(caller),
      viewer: { actor: caller, memberships },
    };
  }
  if (request.kind === "group") {
    await requireGroupPermission(db, caller, request.groupId, "group.export");
    const group = await db.group.findUniqueOrThrow({
      where: { id: request.groupId },
      select: { name: true },
    });
    return {
      name: group.name,
      roots: { AND: [groupExportWhere(request.groupId), readable] },
      replies,
      loneReplies: null,
      viewer: { actor: caller, memberships },
    };
  }
  const { id } = await requireAssignment(caller, request.assignmentId, "assignment.manage");
  const assignment = await db.assignment.findUniqueOrThrow({
    where: { id },
    select: {
      title: true,
      groupId: true,
      opensAt: true,
      readings: { select: { sourceId: true, firstSentence: true, lastSentence: true } },
    },
  });
  return {
    name: assignment.title,
    roots: {
      AND: [
        groupExportWhere(assignment.groupId),
        readable,
        { createdAt: { gte: assignment.opensAt } },
        { OR: await readingsWhere(assignment.readings) },
      ],
    },
    replies,
    loneReplies: null,
    viewer: { actor: caller, memberships },
  };
}

/**
 * Annotations on an assignment's readings: anywhere in a whole source, or overlapping the assigned
 * sentences in the edition they were made on (the sentences' offsets read in one query).
 */
async function readingsWhere(
  readings: readonly { sourceId: string; firstSentence: number | null; lastSentence: number | null }[],
): Promise<Prisma.AnnotationWhereInput[]> {
  const ranged = readings.filter((r) => r.firstSentence !== null && r.lastSentence !== null);
  const passages = ranged.length
    ? await db.passage.findMany({
        where: {
          edition: { sourceId: { in: ranged.map((r) => r.sourceId) } },
          number: { in: ranged.flatMap((r) => [r.firstSentence!, r.lastSentence!]) },
        },
        select: {
          editionId: true,
          number: true,
          start: true,
          end: true,
          edition: { select: { sourceId: true } },
        },
      })
    : [];
  const where: Prisma.AnnotationWhereInput[] = readings
    .filter((r) => r.firstSentence === null)
    .map((r) => ({ sourceId: r.sourceId }));
  for (const reading of ranged) {
    const editions = new Set(
      passages.filter((p) => p.edition.sourceId === reading.sourceId).map((p) => p.editionId),
    );
    for (const editionId of editions) {
      const first = passages.find((p) => p.editionId === editionId && p.number === reading.firstSentence);
      const last = passages.find((p) => p.editionId === editionId && p.number === reading.lastSentence);
      if (!first || !last) continue;
      where.push({ editionId, positionStart: { lt: last.end }, positionEnd: { gt: first.start } });
    }
  }
  // No reading found at all: nothing (an empty OR would match everything).
  return where.length > 0 ? where : [{ id: { in: [] } }];
}
