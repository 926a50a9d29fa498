import "server-only";
import { db } from "@/lib/db";
import { canOnAssignments, type Actor } from "@/lib/auth/policy";
import { requireGroupPermission } from "@/lib/groups/require-group-permission";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { announceRevealChange } from "./announce-reveal-change.ts";
import { requireAssignment } from "./require-assignment.ts";
import { CopyInputSchema } from "./schema.ts";

/**
 * Copies an assignment into another group the actor teaches (a new term): title, instructions,
 * times, requirements, options (small groups with their size) and readings, open again; no
 * extensions, no discussion groups (the other group's students are split anew) and no students' work.
 */
export async function copyAssignment(
  actor: Actor,
  assignmentId: string,
  input: unknown,
): Promise<{ id: string; groupId: string }> {
  const { id, userId } = await requireAssignment(actor, assignmentId, "assignment.manage");
  const { groupId } = parseInput(CopyInputSchema, input);
  const role = await requireGroupPermission(db, actor, groupId, "group.read");
  if (!canOnAssignments(role, "assignment.manage")) throw new AppError("FORBIDDEN", "notAllowed");
  const source = await db.assignment.findUniqueOrThrow({
    where: { id },
    include: { readings: { orderBy: { position: "asc" } } },
  });
  const copy = await db.assignment.create({
    data: {
      groupId,
      createdById: userId,
      title: source.title,
      instructions: source.instructions ?? Prisma.DbNull,
      instructionsHtml: source.instructionsHtml,
      opensAt: source.opensAt,
      dueAt: source.dueAt,
      timeZone: source.timeZone,
      minAnnotations: source.minAnnotations,
      minReplies: source.minReplies,
      minQuestions: source.minQuestions,
      inEachReading: source.inEachReading,
      revealAfterPosting: source.revealAfterPosting,
      revealStaffNotes: source.revealStaffNotes,
      anonymousToPeers: source.anonymousToPeers,
      discussionGroupSize: source.discussionGroupSize,
      readings: {
        create: source.readings.map((r) => ({
          position: r.position,
          sourceId: r.sourceId,
          firstSentence: r.firstSentence,
          lastSentence: r.lastSentence,
        })),
      },
    },
    select: { id: true },
  });
  await announceRevealChange(groupId, {
    revealAfterPosting: source.revealAfterPosting,
    anonymousToPeers: source.anonymousToPeers,
    discussionGroupSize: source.discussionGroupSize,
    sourceIds: source.readings.map((r) => r.sourceId),
  });
  return { id: copy.id, groupId };
}
