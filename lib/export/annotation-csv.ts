import { UTF8_BOM, csvField } from "@/lib/assignments/progress-csv";
import type { ExportedAnnotation, ExportLinks } from "./exported-annotation.ts";
import { motivationOf } from "./web-annotation.ts";

/** The columns of an annotation export, as keys under the "export.csv" messages. */
export const ANNOTATION_CSV_COLUMNS = [
  "id",
  "replyTo",
  "motivation",
  "author",
  "group",
  "source",
  "edition",
  "sentences",
  "quote",
  "body",
  "tags",
  "created",
  "modified",
  "link",
] as const;

/**
 * The start of an annotation export as CSV (RFC 4180, UTF-8 with a BOM so that spreadsheets keep
 * Polish letters): the header row of `headers` (translated, in ANNOTATION_CSV_COLUMNS' order).
 */
export function annotationCsvHeader(headers: readonly string[]): string {
  return `${UTF8_BOM}${headers.map(csvField).join(",")}\r\n`;
}

/**
 * One annotation or reply as a CSV row (CRLF-ended): its IRI, the IRI it replies to, motivation,
 * author, group, source and edition, sentences ("3–4"), quotation, plain-text body, tags ("; "),
 * times (ISO 8601, UTC) and a link to its first sentence in the reader. A cell that a spreadsheet
 * would run as a formula is defused (lib/assignments/progress-csv.ts).
 */
export function annotationCsvRow(annotation: ExportedAnnotation, links: ExportLinks): string {
  const { sentences } = annotation;
  const cells = [
    links.annotation(annotation.id),
    annotation.parentId === null ? "" : links.annotation(annotation.parentId),
    motivationOf(annotation),
    annotation.author.name,
    annotation.group?.name ?? "",
    annotation.source.title,
    annotation.edition,
    sentences === null ? "" : sentenceSpan(sentences),
    annotation.quote?.exact ?? "",
    annotation.deleted ? "" : annotation.bodyText,
    annotation.deleted ? "" : annotation.tags.join("; "),
    annotation.createdAt.toISOString(),
    (annotation.editedAt ?? annotation.createdAt).toISOString(),
    sentences === null ? "" : links.sentence(annotation.source.slug, sentences.first),
  ];
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** "3" or "3–4". */
export function sentenceSpan(sentences: { first: number; last: number }): string {
  return sentences.first === sentences.last
    ? String(sentences.first)
    : `${sentences.first}–${sentences.last}`;
}
