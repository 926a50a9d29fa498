import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { Cite } from "@citation-js/core";
import type { Locale } from "@/lib/sources/types.ts";
import { toCslItem, type SourceCitation } from "./source-citation.ts";

/** File formats a reference manager imports: BibTeX (.bib), RIS (.ris) and CSL-JSON (.json). */
export type CitationExportFormat = "bibtex" | "ris" | "csl-json";

/**
 * The cited source as the text of a file in `format`, for a reference manager (Zotero, Mendeley,
 * EndNote, a LaTeX bibliography). Holds the item of `toCslItem` (issuer names in `locale`), not the
 * passage: no reference format has a field for a sentence locator or a quotation.
 *
 * CSL-JSON is an array of one item. BibTeX and RIS are written by citation-js: a `@misc` entry keyed
 * by the source's slug (with underscores) that keeps the access date only as a note
 * ("[Online; accessed 2026-11-20]") and drops the language, and an `ELEC` record with the access date
 * in `M1`.
 */
export function exportCitation(
  citation: SourceCitation,
  format: CitationExportFormat,
  locale: Locale,
): string {
  const item = toCslItem(citation, locale);
  switch (format) {
    case "csl-json":
      return `${JSON.stringify([item], null, 2)}\n`;
    case "bibtex":
      return new Cite(item).format("bibtex", { format: "text" });
    case "ris":
      return new Cite(item).format("ris", { format: "text" });
  }
}
