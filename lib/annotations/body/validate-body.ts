import { getSchema, type JSONContent } from "@tiptap/core";
import type { Mark, Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import { AppError } from "@/lib/http/errors";
import { hasUnsafeText } from "@/lib/http/input-schemas";
import type { FieldProblem } from "@/lib/http/parse-input";
import { PERMALINK_ID_PATTERN } from "@/lib/permalinks/permalink-id-pattern";
import { MAX_BODY_CHARACTERS } from "../types.ts";
import { bodyExtensions, isAllowedLink } from "./extensions.ts";
import {
  MAX_REFERENCE_LABEL,
  MAX_REFERENCE_QUOTE,
  PASSAGE_REFERENCE,
  referenceLabels,
  referenceLanguage,
  referenceText,
} from "./passage-reference.ts";

/** Why a body is refused; each is an i18n key under "errors". */
export type BodyProblem =
  "bodyInvalid" | "bodyTooLong" | "linkNotAllowed" | "referenceInvalid" | "tooManyReferences" | "textInvalid";

/**
 * Deepest node nesting accepted (the doc is level 1). A list item nested in a list adds two levels,
 * so this allows about nine levels of nested lists, far more than a note needs, while keeping every
 * recursive walk (ours, ProseMirror's, the renderer's) shallow.
 */
export const MAX_BODY_DEPTH = 20;

/** Most nodes and marks accepted in one body: a full 20,000-character note uses a few hundred. */
export const MAX_BODY_NODES = 5_000;

/** Longest link accepted: browsers and servers commonly cut URLs at about 2,000 characters. */
export const MAX_LINK_LENGTH = 2_048;

/**
 * Most cross-references (chips) in one body: a seminar note cites a handful of passages; each chip
 * stores its quotation, so the cap also bounds what one body can make the server store and look up.
 */
export const MAX_REFERENCES = 20;

/** List numbering styles an ordered list may keep (HTML's `<ol type>`); anything else is dropped. */
export const LIST_STYLES: ReadonlySet<string> = new Set(["1", "a", "A", "i", "I"]);

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of annotation bodies, built once from `bodyExtensions()`. */
export function bodySchema(): Schema {
  cachedSchema ??= getSchema(bodyExtensions());
  return cachedSchema;
}

/**
 * Checks an annotation body from outside (Tiptap JSON) against the schema the editor uses, and returns
 * it normalized (attributes the schema does not know are dropped, links keep only their href, list
 * numbering is sanitized, a cross-reference keeps its permalink id, label and quote as strings and no
 * link mark) with its plain text: blocks and line breaks become "\n", a cross-reference its label, and
 * a body without any visible character has text "" (callers decide whether an empty body is allowed).
 * Throws INVALID with `bodyInvalid` (not a JSON object, not a `doc`, too deep or too big, an unknown
 * node or mark, wrong nesting), `textInvalid` (a NUL or a lone surrogate anywhere), `linkNotAllowed` (a link that is not an absolute http(s) or mailto URL),
 * `referenceInvalid` (a cross-reference whose id is not a permalink id), `tooManyReferences` (more than
 * MAX_REFERENCES) or `bodyTooLong` (text over MAX_BODY_CHARACTERS). Whether the cited passages exist is
 * for `resolveReferences`, which needs the database.
 */
export function validateBody(input: unknown): { doc: JSONContent; text: string } {
  if (!isWithinLimits(input)) refuse("bodyInvalid");
  if (hasUnsafeText(input)) refuse("textInvalid");

  let parsed: ProseMirrorNode;
  try {
    parsed = bodySchema().nodeFromJSON(input);
    parsed = parsed.childCount === 0 ? fillEmptyDoc(parsed) : parsed;
    parsed.check();
  } catch {
    refuse("bodyInvalid");
  }
  if (parsed.type !== bodySchema().topNodeType) refuse("bodyInvalid");

  const doc = normalize(parsed);
  let references = 0;
  doc.descendants((node) => {
    if (node.type.name === PASSAGE_REFERENCE) references += 1;
  });
  if (references > MAX_REFERENCES) refuse("tooManyReferences");
  const text = doc.textBetween(0, doc.content.size, "\n", leafText);
  if (text.length > MAX_BODY_CHARACTERS) refuse("bodyTooLong");
  return { doc: doc.toJSON() as JSONContent, text: /\S/.test(text) ? text : "" };
}

/**
 * Whether a body has no visible text (null, an empty document, only spaces or empty paragraphs); a
 * cross-reference counts as text.
 */
export function isEmptyBody(body: JSONContent | null | undefined): boolean {
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null) continue;
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
    if (type === PASSAGE_REFERENCE) return false;
    if (typeof text === "string" && /\S/.test(text)) return false;
    if (Array.isArray(content)) for (const child of content as unknown[]) pending.push(child);
  }
  return true;
}

/** The text of a leaf node: a cross-reference's label (its schema's leafText), a line break "\n". */
function leafText(node: ProseMirrorNode): string {
  return node.type.spec.leafText ? node.type.spec.leafText(node) : "\n";
}

function refuse(problem: BodyProblem): never {
  const problems: FieldProblem[] = [{ field: "body", message: problem }];
  throw new AppError("INVALID", problem, { problems });
}

/**
 * Whether raw JSON is a tree of plain objects no deeper than MAX_BODY_DEPTH with at most
 * MAX_BODY_NODES nodes and marks, checked before ProseMirror (which recurses) sees it.
 */
function isWithinLimits(input: unknown): boolean {
  let count = 1;
  const pending: { value: unknown; depth: number }[] = [{ value: input, depth: 1 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, depth } = item;
    if (depth > MAX_BODY_DEPTH || !isTyped(value)) return false;
    const content = value.content ?? [];
    const marks = value.marks ?? [];
    if (!Array.isArray(content) || !Array.isArray(marks)) return false;
    count += marks.length + content.length;
    if (count > MAX_BODY_NODES) return false;
    for (const child of content as unknown[]) pending.push({ value: child, depth: depth + 1 });
  }
  return true;
}

/** A JSON object with a string `type`, as every node must be (ProseMirror checks the marks). */
function isTyped(value: unknown): value is { type: string; content?: unknown; marks?: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
  );
}

/** `{ type: "doc" }` with no content is an empty note: one empty paragraph, as the editor makes it. */
function fillEmptyDoc(node: ProseMirrorNode): ProseMirrorNode {
  return node.type === bodySchema().topNodeType ? (node.type.createAndFill() ?? node) : node;
}

/**
 * Rebuilds a checked node with only the attributes we trust; refuses links that are not allowed. A
 * cross-reference is a link itself: a link mark on it (which would nest links) is dropped.
 */
function normalize(node: ProseMirrorNode): ProseMirrorNode {
  const isReference = node.type.name === PASSAGE_REFERENCE;
  const marks = node.marks
    .filter((mark) => !(isReference && mark.type === bodySchema().marks.link))
    .map(normalizeMark);
  if (node.isText) return node.mark(marks);
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => children.push(normalize(child)));
  return node.type.create(normalizeAttributes(node), children, marks);
}

function normalizeMark(mark: Mark): Mark {
  if (mark.type !== bodySchema().marks.link) return mark;
  const href: unknown = mark.attrs.href;
  if (typeof href !== "string" || href.length > MAX_LINK_LENGTH || !isAllowedLink(href)) {
    refuse("linkNotAllowed");
  }
  return mark.type.create({ href });
}

function normalizeAttributes(node: ProseMirrorNode): ProseMirrorNode["attrs"] {
  if (node.type.name === PASSAGE_REFERENCE) return normalizeReference(node);
  if (node.type !== bodySchema().nodes.orderedList) return node.attrs;
  const { start, type } = node.attrs as { start: unknown; type: unknown };
  return {
    start: Number.isSafeInteger(start) ? start : 1,
    type: typeof type === "string" && LIST_STYLES.has(type) ? type : null,
  };
}

function normalizeReference(node: ProseMirrorNode): ProseMirrorNode["attrs"] {
  const { permalinkId, label, quote, labels, language } = node.attrs as Record<string, unknown>;
  if (typeof permalinkId !== "string" || !PERMALINK_ID_PATTERN.test(permalinkId)) refuse("referenceInvalid");
  return {
    permalinkId,
    label: referenceText(label, MAX_REFERENCE_LABEL),
    quote: referenceText(quote, MAX_REFERENCE_QUOTE),
    labels: referenceLabels(labels),
    language: referenceLanguage(language),
  };
}
