import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { env } from "@/lib/env";
import { AppError, invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { alignmentStatus, segmentNotes, segmentTexts } from "./align-translation.ts";
import { getTranslatableSource } from "./get-translatable-source.ts";
import { readTranslationText } from "./read-translation-text.ts";
import { NewTranslationSchema } from "./translation-schema.ts";

/** As when a source is added: a large source's rows take seconds to write (create-source.ts). */
const SAVE_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

export interface AttachedTranslation {
  slug: string;
  /** The translation's number on the edition: the reader shows the highest. */
  number: number;
  sentences: number;
  notes: number;
}

/**
 * Attaches a translation (NewTranslationSchema) to the latest edition of `slug`, for those who may
 * (getTranslatableSource): one translation sentence per sentence of the edition, segment i beside
 * sentence i + 1 (an explicit empty segment saved as an empty sentence), and in the same
 * transaction the alignment's notes, each with the number of the sentence whose segment holds it
 * (segmentNotes), numbered in the order of the text. It gets the next number on the edition, so the
 * reader shows it rather than an earlier one. Refused, with nothing saved: an
 * alignment that does not give every sentence exactly one segment ("translationAlignmentIncomplete",
 * with `values` paired and total; "translationAlignmentSurplus" for segments left over, with
 * `count`), a language that is the original's ("translationSameLanguage"), the original's own text
 * ("translationSameAsOriginal"), a text field changed since it was read into the alignment (its words
 * would be left out: "translationTextNotRead", on "text"), the very translation the reader shows already, same language, label,
 * translator, sentences and notes (a revision that changed nothing: "translationUnchanged"), an alignment
 * made against an edition that is no longer the latest ("translationStale", CONFLICT), and every bad
 * field.
 */
export async function attachTranslation(
  actor: Actor,
  slug: string,
  input: unknown,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<AttachedTranslation> {
  const source = await getTranslatableSource(actor, slug, adminEmails);
  const { language, label, translator, edition, alignment, text, format } = parseInput(
    NewTranslationSchema,
    input,
  );
  const { latest } = source;
  if (edition !== latest.number) throw new AppError("CONFLICT", "translationStale");
  if (baseLanguage(language) === baseLanguage(source.language)) {
    throw invalidField("language", "translationSameLanguage");
  }
  if (alignment.text === latest.text) throw invalidField("text", "translationSameAsOriginal");
  if (text.trim() !== "" && readTranslationText(format, text) !== alignment.text) {
    throw invalidField("text", "translationTextNotRead");
  }
  const status = alignmentStatus(latest.sentences.length, alignment.segments);
  if (!status.complete) {
    const message = status.surplus > 0 ? "translationAlignmentSurplus" : "translationAlignmentIncomplete";
    throw new AppError("INVALID", message, {
      problems: [{ field: "alignment", message }],
      values: { paired: status.paired, total: latest.sentences.length, count: status.surplus },
    });
  }
  const texts = segmentTexts(alignment);
  const notes = segmentNotes(alignment).flatMap((held, i) =>
    held.map((note) => ({ sentence: i + 1, body: note.body })),
  );

  const number = await db
    .$transaction(async (tx) => {
      const newest = await tx.translation.findFirst({
        where: { editionId: latest.id },
        orderBy: { number: "desc" },
        select: { id: true, number: true, language: true, label: true, translator: true },
      });
      if (
        newest &&
        newest.language === language &&
        newest.label === label &&
        (newest.translator ?? "") === translator
      ) {
        const saved = await tx.translationSentence.findMany({
          where: { translationId: newest.id },
          orderBy: { number: "asc" },
          select: { text: true },
        });
        const savedNotes = await tx.translationNote.findMany({
          where: { translationId: newest.id },
          orderBy: { number: "asc" },
          select: { sentence: true, body: true },
        });
        if (
          saved.length === texts.length &&
          saved.every((s, i) => s.text === texts[i]) &&
          savedNotes.length === notes.length &&
          savedNotes.every((n, i) => n.sentence === notes[i]!.sentence && n.body === notes[i]!.body)
        ) {
          throw new AppError("INVALID", "translationUnchanged");
        }
      }
      const created = await tx.translation.create({
        data: {
          editionId: latest.id,
          language,
          number: (newest?.number ?? 0) + 1,
          label,
          contentHash: createHash("sha256").update(alignment.text, "utf8").digest("hex"),
          addedInApp: true,
          translator,
        },
        select: { id: true, number: true },
      });
      await tx.translationSentence.createMany({
        data: texts.map((text, i) => ({ translationId: created.id, number: i + 1, text })),
      });
      await tx.translationNote.createMany({
        data: notes.map((note, i) => ({ translationId: created.id, number: i + 1, ...note })),
      });
      return created.number;
    }, SAVE_TRANSACTION)
    .catch((error: unknown) => {
      // Another translation of the same edition took the number first.
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "translationStale");
      throw error;
    });
  return { slug: source.slug, number, sentences: texts.length, notes: notes.length };
}

/** A language tag's primary language (pl-PL → pl), compared case-insensitively. */
function baseLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}
