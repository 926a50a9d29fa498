import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/http/errors";
import { renderBodyHtml } from "./body/render-body.ts";
import { validateBody } from "./body/validate-body.ts";
import type { AnnotationKind } from "./types.ts";

export interface PreparedBody {
  body: JSONContent | null;
  bodyText: string;
  bodyHtml: string;
}

const NO_BODY: PreparedBody = { body: null, bodyText: "", bodyHtml: "" };

function invalid(message: string): AppError {
  return new AppError("INVALID", message, { problems: [{ field: "body", message }] });
}

/**
 * A body from outside, checked for its kind: a highlight has none (an empty document counts as
 * none), a comment, question or reply needs text. Validated against the editor's extension list and
 * rendered to HTML once, here, so every reader gets the same safe HTML.
 */
export function prepareBody(kind: AnnotationKind | "reply", input: unknown): PreparedBody {
  const empty = input === undefined || input === null;
  const validated = empty ? null : validateBody(input);
  const hasText = validated !== null && validated.text.trim() !== "";
  if (kind === "highlight") {
    if (hasText) throw invalid("highlightTakesNoBody");
    return NO_BODY;
  }
  if (!validated || !hasText) throw invalid("bodyRequired");
  return { body: validated.doc, bodyText: validated.text, bodyHtml: renderBodyHtml(validated.doc) };
}
