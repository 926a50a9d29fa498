import "server-only";
import { db } from "@/lib/db";
import { getSourceReading } from "./get-source-reading.ts";
import type { SourceReading } from "./types.ts";

/** A source's edition as data: what the reader shows, and the edition's whole text. */
export interface SourceText extends SourceReading {
  /** The edition's text exactly as stored; passages' `start`/`end` are UTF-16 offsets into it. */
  text: string;
}

/**
 * A source's edition (`editionNumber`, or the latest) for the text downloads and the DTS API. Every
 * read of a text for them comes through here, and through getSourceReading, which decides whether
 * the source exists for the caller: a rule that narrows who may read a source narrows these too.
 * Throws NotFoundError for an unknown source or edition.
 */
export async function getSourceText(slug: string, editionNumber?: number): Promise<SourceText> {
  const reading = await getSourceReading(slug, editionNumber);
  // By the id of the edition just read: nothing the reading did not already allow.
  const { text } = await db.edition.findUniqueOrThrow({
    where: { id: reading.edition.id },
    select: { text: true },
  });
  return { ...reading, text };
}
