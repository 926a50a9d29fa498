import "server-only";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/lib/i18n/messages";
import type { Actor } from "@/lib/auth/policy";
import type { Locale } from "@/lib/i18n/routing";
import { gradeSheetOf, loadGrades } from "./load-grades.ts";
import { loadProgress } from "./load-progress.ts";
import { PROGRESS_CSV_COLUMNS, progressCsv } from "./progress-csv.ts";
import { requireAssignment } from "./require-assignment.ts";

/**
 * The progress table of an assignment as a CSV file for its staff (a student gets FORBIDDEN, anyone
 * outside the group NOT_FOUND): headers and statuses in `locale`, one row per student, then one
 * column per rubric criterion (its points, empty if not scored) and the total of the scores given.
 */
export async function exportProgress(
  actor: Actor,
  assignmentId: string,
  locale: Locale,
): Promise<{ filename: string; csv: string }> {
  const { id } = await requireAssignment(actor, assignmentId, "assignment.grade");
  const [rows, grades] = await Promise.all([loadProgress(id), loadGrades(actor, [id])]);
  const criteria = grades.criteria.get(id) ?? [];
  const messages = messagesFor(locale);
  const columns = createTranslator({ locale, messages, namespace: "assignments.csv" });
  const statuses = createTranslator({ locale, messages, namespace: "assignments.status" });
  return {
    filename: `${columns("filename")}-${assignmentId}.csv`,
    csv: progressCsv(
      rows,
      PROGRESS_CSV_COLUMNS.map((column) => columns(column)),
      (status) => statuses(status),
      {
        headers: criteria.length > 0 ? [...criteria.map((c) => c.title), columns("total")] : [],
        valuesOf: (userId) => {
          const sheet = criteria.length > 0 ? gradeSheetOf(grades, id, userId) : null;
          if (!sheet) return [];
          const scored = sheet.criteria.some((c) => c.score);
          return [...sheet.criteria.map((c) => c.score?.points ?? ""), scored ? sheet.total : ""];
        },
      },
    ),
  };
}
