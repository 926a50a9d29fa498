import type { ImportReport } from "./import-sources.ts";

/** One line per source saying what the import did, for the console. */
export function formatImportReport(report: ImportReport): string {
  const changed = report.sources.filter(
    (s) => s.source !== "unchanged" || s.editionCreated || s.translationCreated || s.notesChanged,
  );
  if (changed.length === 0) return `Sources: ${report.sources.length} up to date, nothing changed.`;
  return report.sources
    .map((s) => {
      const parts = [s.source === "unchanged" ? "metadata unchanged" : `source ${s.source}`];
      parts.push(s.editionCreated ? `new edition ${s.edition}` : `edition ${s.edition}`);
      if (s.translationCreated) parts.push("new translation");
      if (s.notesChanged) parts.push("editor's notes written");
      return `  ${s.slug}: ${parts.join(", ")}`;
    })
    .join("\n");
}
