import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { env } from "@/lib/env";
import { parseInput } from "@/lib/http/parse-input";
import { NewSourceSchema } from "./new-source-schema.ts";
import { requireLibraryPermission, type Library } from "./require-library-permission.ts";
import { slugForTitle } from "./slug-for-title.ts";
import { sentenceAt } from "./source-draft.ts";

/**
 * A large source's passages take seconds to write (each is folded for search by a trigger, and the
 * trigram index grows), more than an interactive transaction's default 5 s on a busy server.
 */
const SAVE_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

/** How many times a slug is chosen again when someone took the same one at the same moment. */
const SLUG_ATTEMPTS = 5;

/**
 * Adds a source to a library (a group's, or the public one: `requireLibraryPermission` decides who
 * may) with its first edition: the text, the sentences as the instructor corrected them (the
 * passages), and the editorial notes, each about the sentence it stands in. Everything is checked
 * first (NewSourceSchema: metadata, the size limit, sentences that cut the text exactly), then
 * written in one transaction, so a refused or failed call leaves nothing. The slug comes from the
 * English title, made unique with a number ("treaty", "treaty-2"). Returns the new source's slug.
 */
export async function createSource(
  actor: Actor,
  library: Library,
  input: unknown,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<{ slug: string }> {
  await requireLibraryPermission(db, actor, library, adminEmails);
  const { draft, ...fields } = parseInput(NewSourceSchema, input);
  const base = slugForTitle(fields.titleEn || fields.titlePl);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const taken = await tx.source.findMany({
          where: { slug: { startsWith: base } },
          select: { slug: true },
        });
        const slug = freeSlug(base, new Set(taken.map((s) => s.slug)));
        // One statement per table, in order (Prisma's nested createMany of notes could run before
        // their edition existed on a large source).
        const source = await tx.source.create({
          data: {
            slug,
            groupId: library,
            createdById: actor?.userId ?? null,
            ...fields,
            kind: fields.kind.toUpperCase() as "PRIMARY" | "SUMMARY" | "TRANSLATION",
          },
          select: { id: true },
        });
        const edition = await tx.edition.create({
          data: {
            sourceId: source.id,
            number: 1,
            contentHash: createHash("sha256").update(draft.text, "utf8").digest("hex"),
            text: draft.text,
          },
          select: { id: true },
        });
        await tx.passage.createMany({
          data: draft.sentences.map((s, i) => ({
            editionId: edition.id,
            number: i + 1,
            ...s,
            searchText: draft.text.slice(s.start, s.end),
          })),
        });
        await tx.editorialNote.createMany({
          data: draft.notes.map((note, i) => {
            const index = sentenceAt(draft.sentences, note.at);
            const sentence = draft.sentences[index]!;
            return {
              editionId: edition.id,
              number: i + 1,
              key: `note-${i + 1}`,
              firstSentence: index + 1,
              lastSentence: index + 1,
              start: sentence.start,
              end: sentence.end,
              bodyPl: note.body,
              bodyEn: note.body,
            };
          }),
        });
        return { slug };
      }, SAVE_TRANSACTION);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
    }
  }
}

/** `base`, or `base-2`, `base-3`… : the first not in `taken`. */
function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
