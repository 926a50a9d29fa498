import { annotationCsvHeader, annotationCsvRow } from "./annotation-csv.ts";
import {
  annotationPage,
  collectionClosing,
  collectionOpening,
  firstPageOpening,
} from "./annotation-collection.ts";
import { markdownThread, markdownTitle, type MarkdownLabels } from "./annotation-markdown.ts";
import type { ExportFormat } from "./export-formats.ts";
import type { ExportedThread, ExportLinks } from "./exported-annotation.ts";
import { ANNOTATION_CONTEXT, toWebAnnotation } from "./web-annotation.ts";

/** The words a file is written with, already in the reader's language. */
export interface ExportLabels {
  /** The export's title (the collection's label, the Markdown heading). */
  title: string;
  /** The CSV header, in ANNOTATION_CSV_COLUMNS' order. */
  csvHeaders: readonly string[];
  markdown: MarkdownLabels;
}

/** How a format writes: its opening, each batch of threads, its closing. */
export interface FormatWriter {
  opening(): string;
  batch(threads: readonly ExportedThread[]): string;
  closing(): string;
}

/**
 * The writer of one export file (pure; a new one per file: the JSON-LD writer counts what it wrote
 * for the collection's `total`). `url` is the collection's IRI; `page`: write its one AnnotationPage
 * as a document of its own instead (only for an export that holds an annotation: a page holds at
 * least one).
 */
export function exportWriter(
  format: ExportFormat,
  context: { url: string; links: ExportLinks; labels: ExportLabels; page?: boolean },
): FormatWriter {
  const { links, labels } = context;
  if (format === "csv") {
    return {
      opening: () => annotationCsvHeader(labels.csvHeaders),
      batch: (threads) =>
        threads
          .map((thread) => [thread.root, ...thread.replies].map((a) => annotationCsvRow(a, links)).join(""))
          .join(""),
      closing: () => "",
    };
  }
  if (format === "markdown") {
    return {
      opening: () => markdownTitle(labels.title),
      batch: (threads) => threads.map((thread) => markdownThread(thread, links, labels.markdown)).join(""),
      closing: () => "",
    };
  }
  let total = 0;
  const head = { id: context.url, label: labels.title };
  const page = { collectionId: context.url, number: 1, startIndex: 0, hasNext: false };
  return {
    opening: () =>
      context.page
        ? `${JSON.stringify({ "@context": ANNOTATION_CONTEXT, ...annotationPage(page) }).slice(0, -1)},"items":[`
        : collectionOpening(head),
    batch: (threads) => {
      let text = "";
      for (const thread of threads) {
        for (const annotation of [thread.root, ...thread.replies]) {
          const separator = total > 0 ? "," : context.page ? "" : firstPageOpening(head);
          text += separator + JSON.stringify(toWebAnnotation(annotation, links));
          total++;
        }
      }
      return text;
    },
    closing: () => (context.page ? "]}" : collectionClosing(head, total)),
  };
}

/**
 * A byte stream of a file: the writer's opening, then each batch of `threads` as the reader asks for
 * more (a pull stream: nothing is read ahead of what the reader takes but one batch), then the
 * closing. Cancelling it (the client went away) stops the reading.
 */
export function exportStream(
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
