import type { JSONContent } from "@tiptap/core";
import { anchor } from "@/lib/anchoring/anchor";
import { astralOffsets, toUtf16Offset } from "@/lib/anchoring/code-points";
import { describe } from "@/lib/anchoring/describe";
import { isValidRange, type Selectors } from "@/lib/anchoring/selectors";
import { bodyFromParts, bodyPartFormat } from "@/lib/annotations/body/body-from-html";
import { isEmptyBody } from "@/lib/annotations/body/validate-body";
import type { AnnotationKind } from "@/lib/annotations/types";
import { invalidField } from "@/lib/http/errors";
import type { ProtocolAnnotation, ProtocolSelector } from "./protocol-annotation-schema.ts";

/**
 * From a W3C annotation to what Glossa keeps (pure): its kind, text and tags, and, for a note on the
 * source, where it stands in the edition's text. Refusals are INVALID (422) with the field at fault.
 */

/** The kind a motivation stands for; "tagging" is a highlight carrying tags. */
const KIND_OF: Record<string, AnnotationKind> = {
  commenting: "comment",
  questioning: "question",
  highlighting: "highlight",
  tagging: "highlight",
};

export interface ProtocolContent {
  kind: AnnotationKind;
  /** The text as a body document (null: none, as for a highlight). */
  body: JSONContent | null;
  tags: string[];
}

/** The kind, text and tags of an annotation: one text body at most; tag bodies (purpose tagging) become tags. */
export function readContent(annotation: ProtocolAnnotation, isReply: boolean): ProtocolContent {
  const bodies = annotation.body ?? [];
  const texts = bodies.filter((body) => body.purpose !== "tagging");
  if (texts.length > 1) throw invalidField("body", "oneTextBodyOnly");
  const tags = bodies.filter((body) => body.purpose === "tagging").map((body) => body.value);
  const textBody = texts[0];
  const read = textBody
    ? bodyFromParts([{ value: textBody.value, format: bodyPartFormat(textBody.format) }])
    : null;
  if (textBody && read === null) throw invalidField("body", "bodyHtmlUnreadable");
  const body = read === null || isEmptyBody(read) ? null : read;
  if (isReply) {
    if (annotation.motivation && !["replying", "commenting"].includes(annotation.motivation))
      throw invalidField("motivation", "motivationUnsupported");
    return { kind: "comment", body, tags: [] };
  }
  const motivation = annotation.motivation ?? textBody?.purpose ?? (body ? "commenting" : "highlighting");
  const kind = KIND_OF[motivation];
  if (!kind) throw invalidField("motivation", "motivationUnsupported");
  return { kind, body: kind === "highlight" ? null : body, tags };
}

/**
 * Where the selectors of a target stand in `text`: a TextPositionSelector (in code points, as the
 * model counts) alone must lie within the
 * text; a TextQuoteSelector (with its position as a hint, if any) must be found there exactly and
 * unambiguously by the anchoring rules. Anything else is refused: a note is never placed where its
 * client did not mean it. The answer is the place described afresh (both selectors, from the text).
 */
export function placeSelectors(text: string, selectors: readonly ProtocolSelector[] | undefined): Selectors {
  const quote = selectors?.find((s) => s.type === "TextQuoteSelector") as
    { exact: string; prefix?: string; suffix?: string } | undefined;
  const position = selectors?.find((s) => s.type === "TextPositionSelector") as
    { start: number; end: number } | undefined;
  if (!quote && !position) throw invalidField("target.selector", "selectorRequired");
  // The model counts a position in code points; the text's offsets are UTF-16 code units.
  const astral = position ? astralOffsets(text) : [];
  const range = position
    ? { start: toUtf16Offset(astral, position.start), end: toUtf16Offset(astral, position.end) }
    : { start: -1, end: -1 };
  if (!quote) {
    if (!isValidRange(text, range) || range.end === range.start)
      throw invalidField("target.selector", "selectorOutOfRange");
    return describe(text, range);
  }
  const found = anchor(text, {
    quote: {
      type: "TextQuoteSelector",
      exact: quote.exact,
      prefix: quote.prefix ?? "",
      suffix: quote.suffix ?? "",
    },
    position: { type: "TextPositionSelector", ...range },
  });
  if (found.status !== "anchored" || text.slice(found.start, found.end) !== quote.exact)
    throw invalidField("target.selector", "selectorMismatch");
  return describe(text, { start: found.start, end: found.end });
}

/**
 * The edition a target's `source` names, when it is this container's source on this app
 * (`…/sources/{slug}`, optionally `?edition=N`): its number, or null for the newest edition.
 */
export function editionOfTarget(source: string, slug: string, appOrigin: string): number | null {
  const url = new URL(source);
  const path = /^\/(?:(?:pl|en)\/)?sources\/([^/]+)\/?$/u.exec(url.pathname);
  let named: string | null = null;
  try {
    named = path ? decodeURIComponent(path[1]!) : null;
  } catch {
    named = null;
  }
  if (url.origin !== appOrigin || named !== slug) throw invalidField("target.source", "targetNotThisSource");
  const edition = url.searchParams.get("edition");
  if (edition === null) return null;
  if (!/^[1-9][0-9]{0,8}$/u.test(edition)) throw invalidField("target.source", "editionNotFound");
  return Number(edition);
}
