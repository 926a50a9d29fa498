import "server-only";
import { db } from "@/lib/db";
import { gradeReadWhere, rubricReadWhere, type Actor } from "@/lib/auth/policy";

export interface Criterion {
  id: string;
  title: string;
  description: string;
  maxPoints: number;
}

export interface Score {
  points: number;
  comment: string;
}

export interface Feedback {
  id: string;
  studentId: string;
  /** The annotation or reply it is about; null: the whole assignment. */
  annotationId: string | null;
  /** The quotation of that annotation (of its thread, for a reply); "" for none. */
  quote: string;
  bodyHtml: string;
  authorName: string | null;
  createdAt: Date;
}

/** A student's grade on one assignment: the rubric with their scores, and the feedback to them. */
export interface GradeSheet {
  criteria: (Criterion & { score: Score | null })[];
  /** Sum of the scores given, and of the maxima. */
  total: number;
  maxTotal: number;
  feedback: Feedback[];
}

/** Grades of several assignments (and students), as `loadGrades` reads them. */
export interface Grades {
  criteria: ReadonlyMap<string, Criterion[]>;
  /** `${assignmentId} ${studentId}` → criterionId → score. */
  scores: ReadonlyMap<string, ReadonlyMap<string, Score>>;
  feedback: readonly (Feedback & { assignmentId: string })[];
}

/**
 * The rubrics, scores and feedback of `assignmentIds` that the actor reads (`rubricReadWhere`,
 * `gradeReadWhere`): for staff, every student's (or only `studentId`'s); for a student, their own
 * once released. Three queries whatever the number of students or assignments.
 */
export async function loadGrades(
  actor: Actor,
  assignmentIds: readonly string[],
  studentId?: string,
): Promise<Grades> {
  const rows = { assignmentId: { in: [...assignmentIds] }, ...(studentId ? { studentId } : {}) };
  const [criteria, scores, feedback] = await Promise.all([
    db.rubricCriterion.findMany({
      where: { assignmentId: { in: [...assignmentIds] }, assignment: rubricReadWhere(actor) },
      orderBy: [{ assignmentId: "asc" }, { position: "asc" }],
      select: { id: true, assignmentId: true, title: true, description: true, maxPoints: true },
    }),
    db.rubricScore.findMany({
      where: { ...rows, AND: [gradeReadWhere(actor)] },
      select: { assignmentId: true, studentId: true, criterionId: true, points: true, comment: true },
    }),
    db.assignmentFeedback.findMany({
      where: { ...rows, AND: [gradeReadWhere(actor)] },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        assignmentId: true,
        studentId: true,
        annotationId: true,
        bodyHtml: true,
        createdAt: true,
        author: { select: { name: true } },
        annotation: { select: { quoteExact: true, parent: { select: { quoteExact: true } } } },
      },
    }),
  ]);
  const byAssignment = new Map<string, Criterion[]>();
  for (const { assignmentId, ...criterion } of criteria) {
    const list = byAssignment.get(assignmentId) ?? [];
    list.push(criterion);
    byAssignment.set(assignmentId, list);
  }
  const byStudent = new Map<string, Map<string, Score>>();
  for (const s of scores) {
    const key = `${s.assignmentId} ${s.studentId}`;
    const map = byStudent.get(key) ?? new Map<string, Score>();
    map.set(s.criterionId, { points: s.points, comment: s.comment });
    byStudent.set(key, map);
  }
  return {
    criteria: byAssignment,
    scores: byStudent,
    feedback: feedback.map(({ author, annotation, ...f }) => ({
      ...f,
      quote: annotation?.parent?.quoteExact ?? annotation?.quoteExact ?? "",
      authorName: author?.name ?? null,
    })),
  };
}

/**
 * One student's sheet from `grades`; null when the actor reads neither a rubric nor feedback for
 * them (a student before release).
 */
export function gradeSheetOf(grades: Grades, assignmentId: string, studentId: string): GradeSheet | null {
  const criteria = grades.criteria.get(assignmentId) ?? [];
  const feedback = grades.feedback.filter(
    (f) => f.assignmentId === assignmentId && f.studentId === studentId,
  );
  if (criteria.length === 0 && feedback.length === 0) return null;
  const scores = grades.scores.get(`${assignmentId} ${studentId}`);
  const rows = criteria.map((c) => ({ ...c, score: scores?.get(c.id) ?? null }));
  return {
    criteria: rows,
    total: rows.reduce((sum, c) => sum + (c.score?.points ?? 0), 0),
    maxTotal: rows.reduce((sum, c) => sum + c.maxPoints, 0),
    feedback: feedback.map(({ assignmentId: _, ...f }) => f),
  };
}
