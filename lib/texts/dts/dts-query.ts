import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { text } from "@/lib/http/input-schemas";
import { TEI_CONTENT_TYPE } from "./dts-vocabulary.ts";

/**
 * A citable unit's identifier as a client writes it: a sentence number, plainly written (no sign, no
 * leading zero, at most seven digits, as in the reader's URLs). "abc", "0", "-1", "1e3" or a
 * number of twenty digits are malformed (400); a well-formed number the edition lacks is unknown (404).
 */
const SentenceRef = text("dtsRefInvalid")
  .regex(/^[1-9]\d{0,6}$/u, { error: "dtsRefInvalid" })
  .transform(Number);

const Identifier = text("dtsIdentifierInvalid").max(300, { error: "dtsIdentifierInvalid" });

/** Parameters DTS defines that Glossa accepts but need no work: one page, the one citation tree. */
const Page = z.literal("1", { error: "dtsPageInvalid" });
const Tree = text("dtsTreeInvalid").max(300, { error: "dtsTreeInvalid" });

const CollectionQuerySchema = z.object({
  id: Identifier.optional(),
  nav: z.enum(["children", "parents"], { error: "dtsNavInvalid" }).optional(),
  page: Page.optional(),
});

const RangeFields = {
  resource: Identifier.optional(),
  ref: SentenceRef.optional(),
  start: SentenceRef.optional(),
  end: SentenceRef.optional(),
  tree: Tree.optional(),
};

/** The checks DTS asks of `resource`, `ref`, `start` and `end` on both text endpoints (400s). */
function checkRange(
  query: { resource?: string; ref?: number; start?: number; end?: number },
  context: z.RefinementCtx,
) {
  const fail = (message: string) => context.addIssue({ code: "custom", message });
  if (query.resource === undefined) fail("dtsResourceRequired");
  else if (query.ref !== undefined && (query.start !== undefined || query.end !== undefined))
    fail("dtsRefWithRange");
  else if ((query.start === undefined) !== (query.end === undefined)) fail("dtsRangeIncomplete");
  else if (query.start !== undefined && query.end !== undefined && query.start > query.end)
    fail("dtsRangeReversed");
}

const NavigationQuerySchema = z
  .object({
    ...RangeFields,
    /** -1 (to the bottom), 0 (the ref's siblings) or a depth; the tree has one level. */
    down: text("dtsDownInvalid")
      .regex(/^(-1|\d{1,3})$/u, { error: "dtsDownInvalid" })
      .transform(Number)
      .optional(),
    page: Page.optional(),
  })
  .superRefine((query, context) => {
    checkRange(query, context);
    const range = query.ref !== undefined || query.start !== undefined;
    // DTS 1.0, Navigation, "Usage of down, ref, start and end": the combinations that are errors.
    if (query.down === undefined && !range)
      context.addIssue({ code: "custom", message: "dtsNavigationNeedsDown" });
    if (query.down === 0 && query.ref === undefined)
      context.addIssue({ code: "custom", message: "dtsDownZeroNeedsRef" });
  });

const DocumentQuerySchema = z
  .object({ ...RangeFields, mediaType: text("dtsMediaTypeInvalid").max(100).optional() })
  .superRefine(checkRange);

export type CollectionQuery = z.output<typeof CollectionQuerySchema>;
export type NavigationQuery = z.output<typeof NavigationQuerySchema> & { resource: string };
export type DocumentQuery = z.output<typeof DocumentQuerySchema> & { resource: string };

/** The media types the Document endpoint answers in (TEI is the default, as DTS recommends). */
export const DOCUMENT_MEDIA_TYPES = [TEI_CONTENT_TYPE];

function parse<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const values: Record<string, string> = {};
  for (const [name, value] of params) {
    // A parameter given twice is ambiguous: which reference was meant?
    if (Object.hasOwn(values, name)) throw new AppError("BAD_REQUEST", "dtsParameterRepeated");
    values[name] = value;
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    field: issue.path.join("."),
    message: issue.message,
  }));
  throw new AppError("BAD_REQUEST", problems[0]?.message ?? "dtsQueryInvalid", { problems });
}

/** The Collection endpoint's query, or BAD_REQUEST (400). */
export function parseCollectionQuery(params: URLSearchParams): CollectionQuery {
  return parse(CollectionQuerySchema, params);
}

/** The Navigation endpoint's query, or BAD_REQUEST (400) for what DTS calls a bad request. */
export function parseNavigationQuery(params: URLSearchParams): NavigationQuery {
  return parse(NavigationQuerySchema, params) as NavigationQuery;
}

/** The Document endpoint's query, or BAD_REQUEST (400) for what DTS calls a bad request. */
export function parseDocumentQuery(params: URLSearchParams): DocumentQuery {
  return parse(DocumentQuerySchema, params) as DocumentQuery;
}
