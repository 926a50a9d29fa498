import { compile } from "html-to-text";
import { z } from "zod";
import { bodyPartFormat, type BodyPart } from "@/lib/annotations/body/body-from-html";
import { AppError } from "@/lib/http/errors";
import type { ImportFile, IncomingAnnotation, Rejection } from "./incoming-annotation.ts";

/** Entries read from one file at most: a term of a large class (thousands of notes and their replies). */
export const MAX_IMPORTED_ANNOTATIONS = 20_000;

const Text = z.string().max(100_000);
const QuoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: Text,
  prefix: Text.optional(),
  suffix: Text.optional(),
});
const PositionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().min(0).max(2_147_483_647),
  end: z.number().int().min(0).max(2_147_483_647),
});
const Selector = z.union([QuoteSelector, PositionSelector, z.object({ type: z.string() }).loose()]);
const SelectorList = z.union([Selector, z.array(Selector).max(20)]);

/** A W3C Web Annotation body: a TextualBody (text or a tag), or a string. */
const WebBody = z.union([
  Text,
  z
    .object({
      type: z.string().optional(),
      value: Text.optional(),
      purpose: z.string().optional(),
      format: z.string().optional(),
    })
    .loose(),
]);
const WebTarget = z.union([
  z.string().max(2_000),
  z
    .object({
      source: z.string().max(2_000).optional(),
      id: z.string().max(2_000).optional(),
      selector: SelectorList.optional(),
    })
    .loose(),
]);
/** A creator: an IRI or an agent with its name; the model allows several, of which the first is kept. */
const Creator = z.union([z.string().max(500), z.object({ name: z.string().max(500).optional() }).loose()]);
const WebAnnotation = z
  .object({
    type: z.union([z.literal("Annotation"), z.array(z.string()).refine((t) => t.includes("Annotation"))]),
    id: z.string().max(2_000).optional(),
    motivation: z.union([z.string(), z.array(z.string())]).optional(),
    body: z.union([WebBody, z.array(WebBody).max(100)]).optional(),
    target: z.union([WebTarget, z.array(WebTarget).max(20)]),
    creator: z
      .union([
        Creator,
        z
          .array(Creator)
          .min(1)
          .max(20)
          .transform((creators) => creators[0]!),
      ])
      .optional(),
    created: z.string().max(100).optional(),
    modified: z.string().max(100).optional(),
  })
  .loose();

const HypothesisAnnotation = z
  .object({
    id: z.string().max(200),
    uri: z.string().max(2_000).optional(),
    text: Text.optional(),
    tags: z.array(z.string().max(200)).max(100).optional(),
    references: z.array(z.string().max(200)).max(100).optional(),
    created: z.string().max(100).optional(),
    updated: z.string().max(100).optional(),
    user: z.string().max(500).optional(),
    user_info: z
      .object({ display_name: z.string().max(500).nullable().optional() })
      .loose()
      .optional(),
    target: z
      .array(
        z.object({ source: z.string().max(2_000).optional(), selector: SelectorList.optional() }).loose(),
      )
      .max(20)
      .optional(),
  })
  .loose();

const first = <T>(value: T | T[] | undefined): T | undefined => (Array.isArray(value) ? value[0] : value);
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function selectorsOf(selector: z.infer<typeof SelectorList> | undefined) {
  const selectors = list(selector);
  const quote = selectors.find((s) => s.type === "TextQuoteSelector") as
    z.infer<typeof QuoteSelector> | undefined;
  const position = selectors.find((s) => s.type === "TextPositionSelector") as
    z.infer<typeof PositionSelector> | undefined;
  return {
    quote: quote
      ? QuoteSelector.safeParse(quote).success
        ? {
            type: "TextQuoteSelector" as const,
            exact: quote.exact,
            prefix: quote.prefix ?? "",
            suffix: quote.suffix ?? "",
          }
        : null
      : null,
    position:
      position && PositionSelector.safeParse(position).success && position.end >= position.start
        ? { type: "TextPositionSelector" as const, start: position.start, end: position.end }
        : null,
  };
}

/**
 * html-to-text's converter, built once: `convert` builds it anew on every call, which took most of
 * the time of reading a file of thousands of HTML bodies.
 */
const htmlConverter = compile({
  wordwrap: false,
  selectors: [{ selector: "a", options: { ignoreHref: true } }],
});

/** HTML as plain text (html-to-text: block elements as line breaks, entities read; never kept as HTML). */
function textOfHtml(html: string): string {
  return htmlConverter(html).trim();
}

function webAnnotation(raw: unknown, index: number): IncomingAnnotation | Rejection {
  const parsed = WebAnnotation.safeParse(raw);
  if (!parsed.success) return { index, reason: "notAnAnnotation" };
  const annotation = parsed.data;
  const motivations = list(annotation.motivation);
  const bodies = list(annotation.body);
  const tags: string[] = [];
  const texts: string[] = [];
  const parts: BodyPart[] = [];
  for (const body of bodies) {
    if (typeof body === "string") {
      texts.push(body);
      parts.push({ value: body, format: "text" });
    } else if (body.purpose === "tagging") {
      if (body.value) tags.push(body.value);
    } else if (body.value !== undefined) {
      const format = bodyPartFormat(body.format);
      texts.push(format === "html" ? textOfHtml(body.value) : body.value);
      parts.push({ value: body.value, format });
    }
  }
  const target = first(annotation.target);
  if (target === undefined) return { index, reason: "noTarget" };
  const targetUrl = typeof target === "string" ? target : (target.source ?? target.id ?? null);
  const replying = motivations.includes("replying");
  const { quote, position } =
    typeof target === "string" ? { quote: null, position: null } : selectorsOf(target.selector);
  const text = texts.join("\n\n").trim();
  const deleted =
    !replying &&
    text === "" &&
    tags.length === 0 &&
    (motivations.includes("commenting") || motivations.includes("questioning"));
  const creator = annotation.creator;
  return {
    index,
    externalId: annotation.id ?? null,
    parentExternalId: replying ? targetUrl : null,
    targetUrl: replying ? null : targetUrl,
    quote,
    position,
    kind: motivations.includes("questioning") ? "question" : text === "" ? "highlight" : "comment",
    deleted,
    text,
    parts,
    tags,
    creatorName: typeof creator === "string" ? null : (creator?.name ?? null),
    created: annotation.created ?? null,
    modified: annotation.modified ?? null,
  };
}

function hypothesisAnnotation(raw: unknown, index: number): IncomingAnnotation | Rejection {
  const parsed = HypothesisAnnotation.safeParse(raw);
  if (!parsed.success) return { index, reason: "notAnAnnotation" };
  const annotation = parsed.data;
  const target = annotation.target?.[0];
  const { quote, position } = selectorsOf(target?.selector);
  const text = (annotation.text ?? "").trim();
  // `references` lists every annotation above a reply, its thread first.
  const parent = annotation.references?.[0] ?? null;
  const account = /^acct:([^@]+)@/u.exec(annotation.user ?? "")?.[1] ?? null;
  return {
    index,
    externalId: `hypothesis:${annotation.id}`,
    parentExternalId: parent === null ? null : `hypothesis:${parent}`,
    targetUrl: parent === null ? (target?.source ?? annotation.uri ?? null) : null,
    quote,
    position,
    kind: text === "" ? "highlight" : "comment",
    deleted: false,
    text,
    // Hypothesis's notes are Markdown.
    parts: [{ value: text, format: "markdown" }],
    tags: annotation.tags ?? [],
    creatorName: annotation.user_info?.display_name ?? account,
    created: annotation.created ?? null,
    modified: annotation.updated ?? null,
  };
}

/** The entries of a W3C document: an Annotation, an array, an AnnotationPage or AnnotationCollection. */
function webEntries(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (typeof document !== "object" || document === null) return null;
  const record = document as Record<string, unknown>;
  const types = list(record.type as string | string[] | undefined);
  if (types.includes("Annotation")) return [document];
  if (types.includes("AnnotationPage") && Array.isArray(record.items)) return record.items;
  if (types.includes("AnnotationCollection")) {
    // A collection that names its pages by IRI holds no annotation: it is not read as an empty file.
    if (typeof record.first === "string") throw new AppError("INVALID", "importPagesLinked");
    const pages: unknown[] = [];
    // Pages embedded one after the other (`first`, each with `next`), as Glossa's export writes them.
    let page = record.first as Record<string, unknown> | undefined;
    while (page && typeof page === "object" && pages.length < MAX_IMPORTED_ANNOTATIONS) {
      if (Array.isArray(page.items)) pages.push(...page.items);
      page = typeof page.next === "object" ? (page.next as Record<string, unknown>) : undefined;
    }
    return pages;
  }
  return null;
}

/**
 * Reads an import file's text: W3C Web Annotations (Glossa's export or another tool's: one
 * annotation, an array, a page or a collection with embedded pages) or Hypothesis's JSON export
 * (`{"annotations": [...]}`). Each entry is read on its own: one that is not an annotation is
 * rejected with its place in the file, the others are kept. Not JSON, or neither format, or more
 * than MAX_IMPORTED_ANNOTATIONS entries: INVALID. Pure.
 */
export function readImportFile(text: string): ImportFile {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "importNotJson");
  }
  const hypothesis =
    typeof document === "object" &&
    document !== null &&
    !Array.isArray(document) &&
    Array.isArray((document as Record<string, unknown>).annotations)
      ? ((document as Record<string, unknown>).annotations as unknown[])
      : null;
  const entries = hypothesis ?? webEntries(document);
  if (!entries) throw new AppError("INVALID", "importUnknownFormat");
  if (entries.length > MAX_IMPORTED_ANNOTATIONS) throw new AppError("INVALID", "importTooMany");
  const read = entries.map((entry, i) =>
    hypothesis ? hypothesisAnnotation(entry, i + 1) : webAnnotation(entry, i + 1),
  );
  return {
    format: hypothesis ? "hypothesis" : "web-annotation",
    annotations: repliesToThreads(read.filter((entry): entry is IncomingAnnotation => "kind" in entry)),
    rejected: read.filter((entry): entry is Rejection => "reason" in entry),
  };
}

/**
 * Glossa's replies answer a thread; other tools' may answer a reply. Each reply whose parent is
 * itself a reply in the file is made a reply to that chain's first annotation (its thread), walking
 * up the file's entries (a loop in the chain stops the walk where it closes).
 */
function repliesToThreads(annotations: IncomingAnnotation[]): IncomingAnnotation[] {
  const byId = new Map(
    annotations.filter((entry) => entry.externalId !== null).map((entry) => [entry.externalId!, entry]),
  );
  return annotations.map((entry) => {
    let parent = entry.parentExternalId;
    const seen = new Set<string>();
    while (parent !== null && !seen.has(parent)) {
      seen.add(parent);
      const above = byId.get(parent)?.parentExternalId ?? null;
      if (above === null) break;
      parent = above;
    }
    return parent === entry.parentExternalId ? entry : { ...entry, parentExternalId: parent };
  });
}
