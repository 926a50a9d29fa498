import "server-only";
import { createTranslator } from "next-intl";
import type { Actor } from "@/lib/auth/policy";
import { dbReads } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { ANNOTATION_CSV_COLUMNS } from "./annotation-csv.ts";
import type { ExportFormat } from "./export-formats.ts";
import { exportLinks } from "./export-links.ts";
import { openExport, type ExportRequest } from "./open-export.ts";
import { exportStream, exportWriter, type ExportLabels } from "./export-writer.ts";
import { isExportEmpty, readExportThreads, type ExportClient } from "./read-export-threads.ts";
import { ANNOTATION_CONTENT_TYPE } from "./web-annotation.ts";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonld: ANNOTATION_CONTENT_TYPE,
  csv: "text/csv; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
};

const EXTENSIONS: Record<ExportFormat, string> = { jsonld: "jsonld", csv: "csv", markdown: "md" };

export interface ExportOptions {
  format: ExportFormat;
  locale: Locale;
  /** The export's own URL (absolute, on the public address): the collection's IRI. */
  url: string;
  readerOrigin: string | undefined;
  /** `page=1`: the collection's one AnnotationPage as a document of its own (JSON-LD; ignored otherwise). */
  page?: 1;
  client?: ExportClient;
  batchSize?: number;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * An export as a stream: who may read it is checked first (openExport: the error comes before any
 * byte), then its threads are read a batch at a time as the client takes the bytes (a pull stream:
 * a slow client slows the reads, memory holds one batch). JSON-LD is one AnnotationCollection
 * document (or its page, `page: 1`), CSV one row per annotation or reply, Markdown one section per
 * thread with its replies nested.
 */
export async function streamExport(
  actor: Actor,
  request: ExportRequest,
  options: ExportOptions,
): Promise<ExportFile> {
  const scope = await openExport(actor, request);
  const client = options.client ?? dbReads;
  const { format, locale } = options;
  const page = format === "jsonld" && options.page === 1;
  // The page of an empty collection does not exist (a page holds at least one annotation).
  if (page && (await isExportEmpty(client, scope))) throw new NotFoundError("exportPageNotFound");
  const messages = messagesFor(locale);
  const t = createTranslator({ locale, messages, namespace: "export" });
  const title = scope.name === null ? t("mineTitle") : t("namedTitle", { name: scope.name });
  const links = exportLinks(locale, options.readerOrigin);
  const labels: ExportLabels = {
    title,
    csvHeaders: ANNOTATION_CSV_COLUMNS.map((column) => t(`csv.${column}`)),
    markdown: {
      kind: (kind) => t(`markdown.kind.${kind}`),
      sentences: (span) => t("markdown.sentences", { span }),
      reply: t("markdown.reply"),
      replyTo: t("markdown.replyTo"),
      tags: t("markdown.tags"),
      deleted: t("markdown.deleted"),
      openInReader: t("markdown.openInReader"),
    },
  };
  const writer = exportWriter(format, { url: options.url, links, labels, page });
  const threads = readExportThreads(client, scope, locale, options.batchSize);
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `${t("filename")}-${stamp}.${EXTENSIONS[format]}`,
    contentType: CONTENT_TYPES[format],
    body: exportStream(writer, threads),
  };
}
