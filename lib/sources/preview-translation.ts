import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import {
  alignTranslation,
  insertEmptySegment,
  joinSegments,
  removeEmptySegment,
  splitSegment,
  type TranslationAlignment,
} from "./align-translation.ts";
import { getTranslatableSource } from "./get-translatable-source.ts";
import { previewDraft } from "./preview-source.ts";
import { AlignmentStepSchema } from "./translation-schema.ts";

/**
 * One step of aligning a translation before anything is saved, for those who may attach one to
 * `slug` (getTranslatableSource): "read" cuts a pasted or uploaded text into sentences exactly as
 * when a source is added (previewDraft, with its checks and messages: empty, too long, a binary or
 * non-UTF-8 file) and pairs them in order; "join", "split", "insert" and "remove" correct the
 * alignment the form sent back (AlignmentStepSchema; a split after no word of the segment is INVALID
 * on "split.<index>"). Writes nothing.
 */
export async function previewTranslation(
  actor: Actor,
  slug: string,
  input: unknown,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<TranslationAlignment> {
  await getTranslatableSource(actor, slug, adminEmails);
  if ((input as { op?: unknown } | null)?.op === "read") {
    const { draft } = previewDraft(input);
    return alignTranslation(draft.text, draft.sentences);
  }
  const step = parseInput(AlignmentStepSchema, input);
  switch (step.op) {
    case "join":
      return joinSegments(step.alignment, step.index);
    case "insert":
      return insertEmptySegment(step.alignment, step.index);
    case "remove":
      return removeEmptySegment(step.alignment, step.index);
    case "split":
      return splitSegment(step.alignment, step.index, step.words) ?? failSplit(step.index);
  }
}

function failSplit(index: number): never {
  throw invalidField(`split.${index}`, "splitWordInvalid");
}
