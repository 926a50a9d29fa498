import "server-only";
import { z } from "zod";
import { isValidRange } from "@/lib/anchoring/selectors";
import { type Actor, sourceReadWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { invalidField } from "@/lib/http/errors";
import { int4, MAX_INT4, text } from "@/lib/http/input-schemas";
import { parseInput } from "@/lib/http/parse-input";
import { newPermalinkId } from "./permalink-id.ts";
import { quoteHash } from "./quote-hash.ts";
import { widenToWords } from "./widen-to-words.ts";

const CreatePermalinkSchema = z.object(
  {
    source: text("sourceNotFound").min(1, { error: "sourceNotFound" }).max(200),
    editionNumber: int4("editionNotFound", { min: 1 }),
    start: int4("selectorInvalid", { min: -MAX_INT4 }),
    end: int4("selectorInvalid", { min: -MAX_INT4 }),
  },
  { error: "invalidRequest" },
);

/** A passage's permalink, whether this call made it, and the passage it links (widened to words). */
export interface CreatedPermalink {
  id: string;
  created: boolean;
  start: number;
  end: number;
  /** Whether the range asked for cut a word and was widened to whole words. */
  widened: boolean;
}

/**
 * The permalink of a passage of an edition: the existing one, or a new one with the quote's hash.
 * Anyone who may read the source may make one (a group's own source: its members, `sourceReadWhere`); the same passage always
 * gets the same id, so asking again makes nothing new (`created` false). A selection that cuts a word
 * is widened to whole words first (`widenToWords`), so the link quotes what a reader can cite.
 */
export async function createPermalink(input: unknown, actor: Actor): Promise<CreatedPermalink> {
  const data = parseInput(CreatePermalinkSchema, input);
  const edition = await db.edition.findFirst({
    where: { source: { slug: data.source, ...sourceReadWhere(actor) }, number: data.editionNumber },
    select: { id: true, text: true },
  });
  if (!edition) {
    const source = await db.source.findFirst({
      where: { slug: data.source, ...sourceReadWhere(actor) },
      select: { id: true },
    });
    throw source
      ? invalidField("editionNumber", "editionNotFound")
      : invalidField("source", "sourceNotFound");
  }
  if (!isValidRange(edition.text, { start: data.start, end: data.end })) {
    throw invalidField("start", "selectorOutOfRange");
  }
  const range = widenToWords(edition.text, data.start, data.end);
  const widened = range.start !== data.start || range.end !== data.end;
  const where = { editionId_start_end: { editionId: edition.id, start: range.start, end: range.end } };
  const existing = await db.permalink.findUnique({ where, select: { id: true } });
  if (existing) return { id: existing.id, created: false, ...range, widened };
  try {
    const { id } = await db.permalink.create({
      data: {
        id: newPermalinkId(),
        editionId: edition.id,
        start: range.start,
        end: range.end,
        quoteHash: quoteHash(edition.text.slice(range.start, range.end)),
      },
      select: { id: true },
    });
    return { id, created: true, ...range, widened };
  } catch (error) {
    // Someone made the same passage's link at the same moment: theirs is ours.
    if (!isUniqueViolation(error)) throw error;
    const { id } = await db.permalink.findUniqueOrThrow({ where, select: { id: true } });
    return { id, created: false, ...range, widened };
  }
}
