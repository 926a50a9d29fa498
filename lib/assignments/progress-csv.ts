import type { StudentProgress } from "./progress.ts";

/** A byte order mark: Excel reads a CSV as UTF-8 only with it, so Polish names stay intact. */
export const UTF8_BOM = "\ufeff";

/**
 * A CSV field, quoted when it holds a separator, quote or line break; formulas are defused. Shared
 * with the annotation exports (lib/export/annotation-csv.ts).
 */
export function csvField(value: string | number): string {
  let text = String(value);
  // A spreadsheet runs a cell that starts with = + - @ as a formula: a name must stay a name.
  if (/^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n;]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Columns after the progress ones: the rubric's criteria and total, say. */
export interface ExtraColumns {
  headers: readonly string[];
  /** A student's values, one per header ("" for none). */
  valuesOf: (userId: string) => readonly (string | number)[];
}

/**
 * The progress table as CSV (RFC 4180, CRLF line ends, UTF-8 with a BOM): a header row of
 * `headers` (already translated), then one row per student. Statuses come as `statusLabel` gives them.
 * `extra` columns follow the progress ones.
 */
export function progressCsv(
  rows: readonly StudentProgress[],
  headers: readonly string[],
  statusLabel: (status: StudentProgress["status"]) => string,
  extra: ExtraColumns = { headers: [], valuesOf: () => [] },
): string {
  const lines = [[...headers, ...extra.headers].map(csvField).join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.name,
        row.annotations,
        row.replies,
        row.questions,
        row.words,
        row.lateItems,
        statusLabel(row.status),
        row.dueAt.toISOString(),
        row.lastActivityAt?.toISOString() ?? "",
        ...extra.valuesOf(row.userId),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return UTF8_BOM + lines.join("\r\n") + "\r\n";
}

/** The columns of `progressCsv`, as keys under the "assignments.csv" messages. */
export const PROGRESS_CSV_COLUMNS = [
  "student",
  "annotations",
  "replies",
  "questions",
  "words",
  "lateItems",
  "status",
  "dueAt",
  "lastActivity",
] as const;
