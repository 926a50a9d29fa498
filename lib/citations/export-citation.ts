import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { Cite } from "@citation-js/core";
import type { Locale } from "@/lib/sources/types.ts";
import { toCslItem, type CslDate, type SourceCitation } from "./source-citation.ts";

/** File formats a reference manager imports: BibTeX (.bib), RIS (.ris) and CSL-JSON (.json). */
export type CitationExportFormat = "bibtex" | "ris" | "csl-json";

/**
 * The cited passage as the text of a file in `format`, for a reference manager (Zotero, Mendeley,
 * EndNote, a LaTeX bibliography). Holds the item of `toCslItem` (issuer names and notes in `locale`):
 * the passage's permalink, its key, the title with its short form and its translation, the website,
 * the language and the access date. No reference format has a field for a sentence locator or a
 * quotation.
 *
 * - CSL-JSON: an array of the one item.
 * - BibTeX: a biblatex `@online` entry written by citation-js, keyed by the item's key (unique per
 *   passage), with `urldate`, `language`, `shorttitle`, `note` and the website as `organization`.
 * - RIS: an `ELEC` record written by citation-js (long values unwrapped), whose access date (`M1`, not zero-padded) is
 *   replaced by `Y2` (YYYY/MM/DD/, the access date in Zotero's and EndNote's RIS) and which gains
 *   `T2`, the website's name.
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
      return new Cite(item).format("biblatex", { format: "text" });
    case "ris":
      return withRisSiteAndAccessDate(
        new Cite(item).format("ris", { format: "text" }),
        item["container-title"],
        item.accessed,
      );
  }
}

/** RIS lines: a two-letter tag, two spaces, a hyphen, a space, the value. */
const RIS_TAG = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/u;

function withRisSiteAndAccessDate(ris: string, site: string, accessed: CslDate): string {
  const [[year, month, day]] = accessed["date-parts"];
  const y2 = `${year}/${String(month).padStart(2, "0")}/${String(day).padStart(2, "0")}/`;
  // citation-js wraps long values onto untagged lines, even within a word; RIS readers take a value
  // from its tagged line only, so each wrapped value is joined again.
  const lines: string[] = [];
  for (const line of ris.split("\n")) {
    if (RIS_TAG.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += line;
  }
  const withoutM1 = lines.filter((line) => RIS_TAG.exec(line)?.[1] !== "M1");
  const end = withoutM1.findIndex((line) => RIS_TAG.exec(line)?.[1] === "ER");
  withoutM1.splice(end, 0, `T2  - ${site}`, `Y2  - ${y2}`);
  return withoutM1.join("\n");
}
