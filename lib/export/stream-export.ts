import "server-only";
import { createTranslator } from "next-intl";
import type { Actor } from "@/lib/auth/policy";
import { dbReads } from "@/lib/db";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { ANNOTATION_CSV_COLUMNS, annotationCsvHeader, annotationCsvRow } from "./annotation-csv.ts";
import { annotationPage, collectionClosing, collectionOpening } from "./annotation-collection.ts";
import { markdownThread, markdownTitle, type MarkdownLabels } from "./annotation-markdown.ts";
import type { ExportFormat } from "./export-formats.ts";
import { exportLinks } from "./export-links.ts";
import { openExport, type ExportRequest } from "./export-scope.ts";
import type { ExportedThread, ExportLinks } from "./exported-annotation.ts";
import { readExportThreads, type ExportClient } from "./read-export-threads.ts";
import { ANNOTATION_CONTENT_TYPE, ANNOTATION_CONTEXT, toWebAnnotation } from "./web-annotation.ts";

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
  /** `page=1`: the collection's one AnnotationPage as a document of its own (JSON-LD only). */
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
  const { format, locale } = options;
  const messages = messagesFor(locale);
  const t = createTranslator({ locale, messages, namespace: "export" });
  const title = scope.name === null ? t("mineTitle") : t("namedTitle", { name: scope.name });
  const links = exportLinks(locale, options.readerOrigin);
  const writer = writerFor(format, { title, url: options.url, links, page: options.page === 1, t });
  const threads = readExportThreads(options.client ?? dbReads, scope, locale, options.batchSize);
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `${t("filename")}-${stamp}.${EXTENSIONS[format]}`,
    contentType: CONTENT_TYPES[format],
    body: textStream(writer, threads),
  };
}

/** How a format writes: its opening, each batch of threads, its closing (given how many annotations). */
interface FormatWriter {
  opening(): string;
  batch(threads: readonly ExportedThread[]): string;
  closing(): string;
}

function writerFor(
  format: ExportFormat,
  context: {
    title: string;
    url: string;
    links: ExportLinks;
    page: boolean;
    t: ReturnType<typeof createTranslator<ReturnType<typeof messagesFor>, "export">>;
  },
): FormatWriter {
  const { links, t } = context;
  if (format === "csv") {
    return {
      opening: () => annotationCsvHeader(ANNOTATION_CSV_COLUMNS.map((column) => t(`csv.${column}`))),
      batch: (threads) =>
        threads
          .map((thread) => [thread.root, ...thread.replies].map((a) => annotationCsvRow(a, links)).join(""))
          .join(""),
      closing: () => "",
    };
  }
  if (format === "markdown") {
    const labels: MarkdownLabels = {
      kind: (kind) => t(`markdown.kind.${kind}`),
      sentences: (span) => t("markdown.sentences", { span }),
      reply: t("markdown.reply"),
      replyTo: t("markdown.replyTo"),
      tags: t("markdown.tags"),
      deleted: t("markdown.deleted"),
      openInReader: t("markdown.openInReader"),
    };
    return {
      opening: () => markdownTitle(context.title),
      batch: (threads) => threads.map((thread) => markdownThread(thread, links, labels)).join(""),
      closing: () => "",
    };
  }
  let total = 0;
  let separator = "";
  return {
    opening: () =>
      context.page
        ? `${JSON.stringify({ "@context": ANNOTATION_CONTEXT, ...annotationPage({ collectionId: context.url, number: 1, startIndex: 0, hasNext: false }) }).slice(0, -1)},"items":[`
        : collectionOpening({ id: context.url, label: context.title }),
    batch: (threads) => {
      let text = "";
      for (const thread of threads) {
        for (const annotation of [thread.root, ...thread.replies]) {
          text += separator + JSON.stringify(toWebAnnotation(annotation, links));
          separator = ",";
          total++;
        }
      }
      return text;
    },
    closing: () => (context.page ? "]}" : collectionClosing(total)),
  };
}

/** A byte stream that asks `threads` for the next batch only when the reader wants more. */
function textStream(
  writer: FormatWriter,
  threads: AsyncGenerator<ExportedThread[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let opened = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!opened) {
        opened = true;
        controller.enqueue(encoder.encode(writer.opening()));
        return;
      }
      // A pull that enqueues nothing is not pulled again: read on until there is text or an end.
      for (;;) {
        const next = await threads.next();
        if (next.done) {
          const closing = writer.closing();
          if (closing !== "") controller.enqueue(encoder.encode(closing));
          controller.close();
          return;
        }
        const text = writer.batch(next.value);
        if (text !== "") {
          controller.enqueue(encoder.encode(text));
          return;
        }
      }
    },
    async cancel() {
      await threads.return(undefined);
    },
  });
}
