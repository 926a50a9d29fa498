/**
 * Helpers for annotation tests: the built-in sources imported once per test file, and inputs for
 * createAnnotation built the way the reader builds them (describe() over the edition's text).
 */
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { describe as describeRange } from "@/lib/anchoring/describe";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import type { CreateAnnotationInput } from "@/lib/annotations/types";
import { importSources } from "@/lib/sources/import-sources";
import { testDatabase } from "./test-database";

export const SOURCES_DIR = path.resolve(import.meta.dirname, "../../sources");

export interface TestEdition {
  slug: string;
  number: number;
  text: string;
}

/** Imports the shipped sources (idempotent) and returns the latest edition of `slug`. */
export async function importedEdition(slug = "soviet-note"): Promise<TestEdition> {
  const prisma = testDatabase().prisma;
  await importSources(prisma, SOURCES_DIR);
  const edition = await prisma.edition.findFirstOrThrow({
    where: { source: { slug } },
    orderBy: { number: "desc" },
    select: { number: true, text: true },
  });
  return { slug, ...edition };
}

/** A create input for the first occurrence of `quote` in the edition. */
export function annotationInput(
  edition: TestEdition,
  quote: string,
  options: Partial<Omit<CreateAnnotationInput, "selectors" | "body">> & {
    body?: JSONContent | null | string;
  } = {},
): CreateAnnotationInput {
  const start = edition.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in ${edition.slug}`);
  const selectors = describeRange(edition.text, { start, end: start + quote.length });
  const kind = options.kind ?? "comment";
  const body =
    typeof options.body === "string"
      ? bodyFromPlainText(options.body)
      : options.body === undefined
        ? kind === "highlight"
          ? null
          : bodyFromPlainText(`A note on “${quote}”.`)
        : options.body;
  return {
    source: edition.slug,
    editionNumber: edition.number,
    groupId: options.groupId ?? null,
    kind,
    visibility: options.visibility ?? "private",
    tags: options.tags,
    selectors,
    body,
  };
}
