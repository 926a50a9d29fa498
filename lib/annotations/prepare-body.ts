import type { JSONContent } from "@tiptap/core";
import { invalidField } from "@/lib/http/errors";
import { renderBodyHtml } from "./body/render-body.ts";
import { isEmptyBody, validateBody } from "./body/validate-body.ts";
import { type ReferenceClient, resolveReferences } from "./resolve-references.ts";
import type { AnnotationKind } from "./types.ts";

export interface PreparedBody {
  body: JSONContent | null;
  bodyText: string;
  bodyHtml: string;
  /** The distinct permalinks the body cites (its `AnnotationReference` rows). */
  permalinkIds: string[];
}

const NO_BODY: PreparedBody = { body: null, bodyText: "", bodyHtml: "", permalinkIds: [] };

/**
 * A body from outside, checked for its kind: a highlight has none (an empty document counts as
 * none), a comment, question or reply needs text. Validated against the editor's extension list, its
 * cross-references checked and rewritten from the database (`resolveReferences`, with the author's
 * language for their labels), and rendered to HTML once, here, so every reader gets the same safe
 * HTML. Nothing is written: the caller saves the result and its reference rows.
 */
export async function prepareBody(
  client: ReferenceClient,
  authorId: string,
  kind: AnnotationKind | "reply",
  input: unknown,
): Promise<PreparedBody> {
  const empty = input === undefined || input === null;
  const validated = empty ? null : validateBody(input);
  // A cross-reference counts as text, whatever label the writer sent for it.
  const hasText = validated !== null && !isEmptyBody(validated.doc);
  if (kind === "highlight") {
    if (hasText) throw invalidField("body", "highlightTakesNoBody");
    return NO_BODY;
  }
  if (!validated || !hasText) throw invalidField("body", "bodyRequired");
  const { doc, permalinkIds } = await resolveReferences(client, authorId, validated.doc);
  // The labels from the database replace the writer's: the text (and its length) is counted again.
  const final = permalinkIds.length > 0 ? validateBody(doc) : validated;
  return {
    body: final.doc,
    bodyText: final.text,
    bodyHtml: renderBodyHtml(final.doc),
    permalinkIds,
  };
}
