import "server-only";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/lib/i18n/messages";
import type { Actor } from "@/lib/auth/policy";
import type { Locale } from "@/lib/i18n/routing";
import { getAssignmentProgress } from "./get-assignment-progress.ts";
import { PROGRESS_CSV_COLUMNS, progressCsv } from "./progress-csv.ts";

/**
 * The progress table of an assignment as a CSV file for its staff (a student gets FORBIDDEN, anyone
 * outside the group NOT_FOUND): headers and statuses in `locale`, one row per student.
 */
export async function exportProgress(
  actor: Actor,
  assignmentId: string,
  locale: Locale,
): Promise<{ filename: string; csv: string }> {
  const rows = await getAssignmentProgress(actor, assignmentId);
  const messages = messagesFor(locale);
  const columns = createTranslator({ locale, messages, namespace: "assignments.csv" });
  const statuses = createTranslator({ locale, messages, namespace: "assignments.status" });
  return {
    filename: `${columns("filename")}-${assignmentId}.csv`,
    csv: progressCsv(
      rows,
      PROGRESS_CSV_COLUMNS.map((column) => columns(column)),
      (status) => statuses(status),
    ),
  };
}
