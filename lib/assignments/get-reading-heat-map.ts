import "server-only";
import { db } from "@/lib/db";
import { loadMemberships } from "@/lib/annotations/access";
import { annotationReadWhere, assignmentWorkWhere, type Actor } from "@/lib/auth/policy";
import { countHeat, type SentenceHeat } from "./heat-map.ts";
import { requireAssignment } from "./require-assignment.ts";

export interface ReadingHeat {
  sourceSlug: string;
  titlePl: string;
  titleEn: string;
  sentences: SentenceHeat[];
}

/**
 * For the group's staff: each assigned sentence with how many notes (comments) and questions the
 * group posted on it since the assignment opened. Only the group's work counts (no private notes,
 * `assignmentWorkWhere`), and only what the asking member of staff reads (`annotationReadWhere`);
 * replies and highlights are not counted, and nothing about reading time or page views exists to
 * count. Four queries whatever the number of students or notes.
 */
export async function getReadingHeatMap(actor: Actor, assignmentId: string): Promise<ReadingHeat[]> {
  const { id, groupId } = await requireAssignment(actor, assignmentId, "assignment.grade");
  const [assignment, memberships] = await Promise.all([
    db.assignment.findUniqueOrThrow({
      where: { id },
      select: {
        opensAt: true,
        readings: {
          orderBy: { position: "asc" },
          select: {
            sourceId: true,
            firstSentence: true,
            lastSentence: true,
            source: { select: { slug: true, titlePl: true, titleEn: true } },
          },
        },
      },
    }),
    loadMemberships(db, actor),
  ]);
  const sourceIds = [...new Set(assignment.readings.map((r) => r.sourceId))];
  const [passages, annotations] = await Promise.all([
    db.passage.findMany({
      where: { edition: { sourceId: { in: sourceIds } } },
      select: {
        editionId: true,
        number: true,
        start: true,
        end: true,
        edition: { select: { sourceId: true } },
      },
    }),
    db.annotation.findMany({
      where: {
        ...assignmentWorkWhere(groupId),
        sourceId: { in: sourceIds },
        parentId: null,
        kind: { in: ["COMMENT", "QUESTION"] },
        createdAt: { gte: assignment.opensAt },
        positionStart: { not: null },
        AND: [annotationReadWhere(actor, memberships)],
      },
      select: { sourceId: true, editionId: true, positionStart: true, positionEnd: true, kind: true },
    }),
  ]);
  return assignment.readings.map((reading) => {
    const own = passages.filter((p) => p.edition.sourceId === reading.sourceId);
    const all = [...new Set(own.map((p) => p.number))].sort((a, b) => a - b);
    const numbers =
      reading.firstSentence === null
        ? all
        : all.filter((n) => n >= reading.firstSentence! && n <= reading.lastSentence!);
    return {
      sourceSlug: reading.source.slug,
      titlePl: reading.source.titlePl,
      titleEn: reading.source.titleEn,
      sentences: countHeat(
        numbers,
        own,
        annotations
          .filter((a) => a.sourceId === reading.sourceId)
          .map((a) => ({
            editionId: a.editionId,
            start: a.positionStart!,
            end: a.positionEnd ?? a.positionStart!,
            question: a.kind === "QUESTION",
          })),
      ),
    };
  });
}
