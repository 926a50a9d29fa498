/**
 * What is wrong with an annotation or reply form, from the server's refusal or from the checks made
 * before sending: messages (keys under "errors") by field, and the whole list for the summary. Pure.
 */
import type { JSONContent } from "@tiptap/core";
import { PASSAGE_REFERENCE } from "@/lib/annotations/body/passage-reference";
import { type AnnotationKind, type AnnotationVisibility, MAX_BODY_CHARACTERS } from "@/lib/annotations/types";
import { ApiError } from "../data/api-client";
import { addTags } from "./tags";

/** The fields of the forms (reason: of the hide form); a problem about anything else is shown in the summary only. */
export const FORM_FIELDS = ["kind", "visibility", "tags", "body", "selectors", "reason"] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface FormProblem {
  /** The field it is about, or null for the form as a whole. */
  field: FormField | null;
  /** A key under "errors". */
  message: string;
}

export const NO_PROBLEMS: FormProblem[] = [];

/** What the annotation form holds: the tag field's unfinished text too (it is added when saving). */
export interface AnnotationFieldValues {
  kind: AnnotationKind;
  visibility: AnnotationVisibility;
  tags: string[];
  tagText: string;
  body: JSONContent | null;
}

/** The field a server problem's path names: "tags.0" → tags, "selectors.quote.exact" → selectors. */
export function fieldOf(path: string): FormField | null {
  const head = path.split(/[.[]/)[0] ?? "";
  return (FORM_FIELDS as readonly string[]).includes(head) ? (head as FormField) : null;
}

/** The problems a failed request reports; one general message when it names none. */
export function problemsFrom(error: unknown): FormProblem[] {
  if (!(error instanceof ApiError)) return [{ field: null, message: "generic" }];
  if (error.problems.length === 0) return [{ field: null, message: error.message }];
  return error.problems.map((problem) => ({ field: fieldOf(problem.field), message: problem.message }));
}

/** The messages about one field, without repeats. */
export function messagesFor(problems: FormProblem[], field: FormField): string[] {
  return [...new Set(problems.filter((p) => p.field === field).map((p) => p.message))];
}

/**
 * The text of a Tiptap document, without markup: what the character limit counts. A cited passage
 * (a chip) counts as its label, as on the server.
 */
export function bodyText(body: JSONContent | null | undefined): string {
  if (!body) return "";
  const own = body.type === PASSAGE_REFERENCE ? String(body.attrs?.label ?? "") : (body.text ?? "");
  return own + (body.content ?? []).map((child) => bodyText(child)).join("");
}

/**
 * Checks made before sending, with the same message keys the server uses: a comment or question
 * needs some text, the text has a length limit, and unfinished tag text must be valid tags.
 * `withKindAndTags` false: a reply, only the body counts.
 */
export function checkFields(values: AnnotationFieldValues, withKindAndTags: boolean): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!withKindAndTags || values.kind !== "highlight") {
    const text = bodyText(values.body);
    if (text.trim() === "") problems.push({ field: "body", message: "bodyRequired" });
    else if (text.length > MAX_BODY_CHARACTERS) problems.push({ field: "body", message: "bodyTooLong" });
  }
  if (withKindAndTags) {
    const { problem } = addTags(values.tags, values.tagText);
    if (problem) problems.push({ field: "tags", message: problem });
  }
  return problems;
}
