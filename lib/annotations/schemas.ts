import { z } from "zod";
import { invalidField } from "@/lib/http/errors";
import { int4, MAX_INT4, text } from "@/lib/http/input-schemas";
import { IdSchema } from "@/lib/http/parse-id";
import { MAX_COMPARED_SOURCES } from "@/lib/sources/parse-compare-selection";
import { SOURCE_SLUG_PATTERN } from "@/lib/sources/source-metadata-schema";
import { decodePageCursor, type PageCursor } from "./page-cursor.ts";
import {
  ANNOTATION_KINDS,
  ANNOTATION_VISIBILITIES,
  MAX_CARDS_PER_REQUEST,
  MAX_HIDE_REASON_LENGTH,
  MAX_PAGE_LIMIT,
  MAX_TAG_LENGTH,
  MAX_TAGS,
} from "./types.ts";

/** Tags as typed: trimmed, a leading "#" dropped, duplicates (ignoring case) removed. */
export const TagsSchema = z
  .array(
    text("tagInvalid")
      .transform((tag) => tag.trim().replace(/^#+/u, "").trim())
      .pipe(z.string().min(1, { error: "tagEmpty" }).max(MAX_TAG_LENGTH, { error: "tagTooLong" })),
    { error: "tagsInvalid" },
  )
  .max(MAX_TAGS, { error: "tooManyTags" })
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((tag) => {
      const key = tag.toLocaleLowerCase("pl");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

export const KindSchema = z.enum(ANNOTATION_KINDS, { error: "kindInvalid" });
export const VisibilitySchema = z.enum(ANNOTATION_VISIBILITIES, { error: "visibilityInvalid" });

const SelectorsSchema = z.object(
  {
    quote: z.object(
      {
        type: z.literal("TextQuoteSelector", { error: "selectorInvalid" }),
        exact: text("selectorInvalid").min(1, { error: "selectorEmpty" }),
        prefix: text("selectorInvalid"),
        suffix: text("selectorInvalid"),
      },
      { error: "selectorInvalid" },
    ),
    position: z.object(
      {
        type: z.literal("TextPositionSelector", { error: "selectorInvalid" }),
        start: int4("selectorInvalid", { rangeError: "selectorOutOfRange" }),
        end: int4("selectorInvalid", { min: -MAX_INT4, rangeError: "selectorOutOfRange" }),
      },
      { error: "selectorInvalid" },
    ),
  },
  { error: "selectorsRequired" },
);

export const CreateAnnotationSchema = z.object(
  {
    source: text("sourceNotFound").min(1, { error: "sourceNotFound" }).max(200),
    editionNumber: int4("editionNotFound", { min: 1 }),
    groupId: text("groupNotFound").nullable().optional(),
    kind: KindSchema,
    visibility: VisibilitySchema,
    selectors: SelectorsSchema,
    body: z.unknown().optional(),
    tags: TagsSchema.optional(),
  },
  { error: "invalidRequest" },
);

export const UpdateAnnotationSchema = z
  .object(
    {
      body: z.unknown().optional(),
      tags: TagsSchema.optional(),
      kind: KindSchema.optional(),
      visibility: VisibilitySchema.optional(),
    },
    { error: "invalidRequest" },
  )
  .refine(
    (input) =>
      input.body !== undefined ||
      input.tags !== undefined ||
      input.kind !== undefined ||
      input.visibility !== undefined,
    { error: "nothingToChange" },
  );

export const ReplySchema = z.object({ body: z.unknown() }, { error: "invalidRequest" });

export const HideSchema = z.object(
  {
    reason: text("hideReasonRequired")
      .trim()
      .min(1, { error: "hideReasonRequired" })
      .max(MAX_HIDE_REASON_LENGTH, { error: "hideReasonTooLong" }),
  },
  { error: "hideReasonRequired" },
);

/** `?ids=a,b,…`: one to 100 annotation ids, comma-separated (duplicates dropped), or INVALID on "ids". */
export function parseAnnotationIds(value: string | null): string[] {
  const ids = [...new Set((value ?? "").split(","))];
  if (ids.length > MAX_CARDS_PER_REQUEST) throw invalidField("ids", "tooManyAnnotationIds");
  if (!ids.every((id) => IdSchema.safeParse(id).success)) throw invalidField("ids", "annotationIdsInvalid");
  return ids;
}

/** Threads on a page of the list: 1 to MAX_PAGE_LIMIT. */
export const PageSizeSchema = z.number().int().min(1).max(MAX_PAGE_LIMIT);

/** `?limit=`: a page size written in digits. */
const PageLimitSchema = z
  .string()
  .regex(/^\d{1,4}$/u)
  .transform(Number)
  .pipe(PageSizeSchema);

/**
 * `?limit=N[&after=<cursor>]`: a page of the list, or undefined when neither is given (the whole
 * list). INVALID on "limit" for a limit that is missing (with `after`) or not 1–200, on "after" for a
 * cursor the list did not hand out, and on "ids" when cards by id are asked for in the same request.
 */
export function parseAnnotationPage(
  query: URLSearchParams,
): { limit: number; after?: PageCursor } | undefined {
  if (!query.has("limit") && !query.has("after")) return undefined;
  if (query.has("ids")) throw invalidField("ids", "annotationIdsWithPage");
  const limit = PageLimitSchema.safeParse(query.get("limit"));
  if (!limit.success) throw invalidField("limit", "pageLimitInvalid");
  const after = query.get("after");
  return after === null ? { limit: limit.data } : { limit: limit.data, after: decodePageCursor(after) };
}

/**
 * `?sources=a,b`: the sources whose annotations a page follows live, one connection for the page, so
 * at most the compare view's columns.
 */
export function parseWatchedSources(value: string | null): string[] {
  const slugs = [...new Set((value ?? "").split(",").map((slug) => slug.trim()))];
  if (slugs.length > MAX_COMPARED_SOURCES) throw invalidField("sources", "tooManyWatchedSources");
  if (!slugs.every((slug) => slug.length <= 200 && SOURCE_SLUG_PATTERN.test(slug)))
    throw invalidField("sources", "watchedSourcesInvalid");
  return slugs;
}
