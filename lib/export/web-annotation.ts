import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring/selectors";
import type { ExportedAnnotation, ExportLinks } from "./exported-annotation.ts";

/**
 * The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) for Glossa's
 * annotations: pure mappers, no I/O. An annotation's `id` is its own JSON-LD URL; a root targets its
 * edition with both a TextQuoteSelector and a TextPositionSelector (an orphan, kept without a place
 * in the text, with its quotation alone), a reply targets the annotation it replies to.
 */

/** The JSON-LD context every Web Annotation document names (the model: `@context` MUST be it). */
export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** The media type of Web Annotation JSON-LD (the Protocol's profile). */
export const ANNOTATION_CONTENT_TYPE = `application/ld+json; profile="${ANNOTATION_CONTEXT}"`;

export type Motivation = "commenting" | "highlighting" | "questioning" | "replying" | "tagging";

/** The motivation of an annotation: what its kind is for; a reply is "replying" whatever its kind. */
export function motivationOf(annotation: Pick<ExportedAnnotation, "kind" | "parentId">): Motivation {
  if (annotation.parentId !== null) return "replying";
  return { highlight: "highlighting", comment: "commenting", question: "questioning" }[
    annotation.kind
  ] as Motivation;
}

export interface TextualBody {
  type: "TextualBody";
  value: string;
  format: "text/html" | "text/plain";
  language?: string;
  purpose: Motivation;
}

export interface WebAnnotation {
  "@context"?: typeof ANNOTATION_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: Motivation;
  creator: { type: "Person"; name: string };
  created: string;
  modified: string;
  body?: TextualBody[];
  target: string | { source: string; selector?: (TextQuoteSelector | TextPositionSelector)[] };
}

/**
 * One annotation as a Web Annotation. `standalone`: a document of its own (with `@context` first);
 * otherwise an item of an AnnotationPage, which names the context once. A tombstone (a root deleted
 * while it had replies) has no body. Tags are TextualBodies with purpose "tagging"; the text is a
 * TextualBody in HTML, with the language it is written in when that can be told. Times are ISO 8601 in UTC ("Z"): `modified` is the
 * last edit, or the creation when it was never edited.
 */
export function toWebAnnotation(
  annotation: ExportedAnnotation,
  links: ExportLinks,
  standalone = false,
): WebAnnotation {
  const motivation = motivationOf(annotation);
  const body: TextualBody[] = [];
  if (!annotation.deleted) {
    if (annotation.bodyHtml !== "") {
      body.push({
        type: "TextualBody",
        value: annotation.bodyHtml,
        format: "text/html",
        ...(annotation.bodyLanguage === undefined ? {} : { language: annotation.bodyLanguage }),
        purpose: motivation,
      });
    }
    for (const tag of annotation.tags) {
      body.push({ type: "TextualBody", value: tag, format: "text/plain", purpose: "tagging" });
    }
  }
  const target =
    annotation.parentId !== null ? links.annotation(annotation.parentId) : rootTarget(annotation, links);
  return {
    ...(standalone ? { "@context": ANNOTATION_CONTEXT } : {}),
    id: links.annotation(annotation.id),
    type: "Annotation",
    motivation,
    creator: { type: "Person", name: annotation.author.name },
    created: annotation.createdAt.toISOString(),
    modified: (annotation.editedAt ?? annotation.createdAt).toISOString(),
    ...(body.length > 0 ? { body } : {}),
    target,
  };
}

/**
 * A root's target: its edition, with the selectors it has: its quotation, and its place in the text
 * unless it has none (an orphan: a selector with a made-up place would point at the text's start).
 */
function rootTarget(
  annotation: ExportedAnnotation,
  links: ExportLinks,
): Exclude<WebAnnotation["target"], string> {
  const { quote, position } = annotation;
  const selector: (TextQuoteSelector | TextPositionSelector)[] = [];
  if (quote)
    selector.push({
      type: "TextQuoteSelector",
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    });
  if (position) selector.push({ type: "TextPositionSelector", start: position.start, end: position.end });
  const source = links.edition(annotation.source.slug, annotation.edition);
  return selector.length > 0 ? { source, selector } : { source };
}
