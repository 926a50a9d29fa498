import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { draftFromPlainText } from "./draft-from-plain-text.ts";
import { joinSentences } from "./join-sentences.ts";
import { PreviewStepSchema } from "./new-source-schema.ts";
import { readSourceFile } from "./read-source-file.ts";
import { parseTei, type TeiMetadata } from "./parse-tei.ts";
import { requireLibraryPermission, type Library } from "./require-library-permission.ts";
import { MAX_SOURCE_CHARACTERS, type SourceDraft } from "./source-draft.ts";
import { offsetAfterWord, splitSentence } from "./split-sentence.ts";

export interface SourcePreview {
  draft: SourceDraft;
  /** What a TEI header said, to fill the form's empty fields with (a read TEI document only). */
  metadata: TeiMetadata | null;
}

/**
 * One step of adding a source before anything is saved (PreviewStepSchema): read pasted or uploaded
 * text into a draft cut into sentences (plain text, Markdown, or TEI with its header's metadata), or
 * join or split a sentence of a draft the form sent back. Only those who may add to `library` may
 * use it. A bad input is INVALID on its field ("file" for an uploaded file: see readSourceFile for
 * its own checks; else "text"): an empty text, one over the limit, TEI that
 * is not well-formed (with `details.line`, the line where it fails) or has no body; "split.<index>"
 * for a split after no word of the sentence. Writes nothing.
 */
export async function previewSource(
  actor: Actor,
  library: Library,
  input: unknown,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<SourcePreview> {
  await requireLibraryPermission(db, actor, library, adminEmails);
  return previewDraft(input);
}

/**
 * A preview step (PreviewStepSchema) as previewSource makes it, once the caller was checked (adding a
 * source, or revising one: lib/revisions/preview-revision.ts). Writes nothing.
 */
export function previewDraft(input: unknown): SourcePreview {
  const step = parseInput(PreviewStepSchema, input);
  if (step.op === "join") {
    return {
      draft: { ...step.draft, sentences: joinSentences(step.draft.sentences, step.index) },
      metadata: null,
    };
  }
  if (step.op === "split") {
    const sentence = step.draft.sentences[step.index];
    if (!sentence) throw invalidField("form", "draftInvalid");
    const offset = offsetAfterWord(step.draft.text.slice(sentence.start, sentence.end), step.words);
    if (offset === null) throw invalidField(`split.${step.index}`, "splitWordInvalid");
    const sentences = splitSentence(step.draft.text, step.draft.sentences, step.index, offset);
    return { draft: { ...step.draft, sentences }, metadata: null };
  }
  const { format, text } = step.file ? readSourceFile(step.file.name, step.file.bytes) : step;
  const field = step.file ? "file" : "text";
  if (text.trim() === "") throw invalidField(field, "sourceTextEmpty");
  let preview: SourcePreview;
  if (format === "tei") {
    const result = parseTei(text);
    if (!result.ok) {
      const line = result.problem === "xmlMalformed" ? result.line : undefined;
      throw new AppError("INVALID", result.problem, {
        problems: [{ field, message: result.problem }],
        values: line === undefined ? undefined : { line },
      });
    }
    preview = { draft: result.draft, metadata: result.metadata };
  } else {
    preview = { draft: draftFromPlainText(text, format === "markdown"), metadata: null };
  }
  if (preview.draft.text.length > MAX_SOURCE_CHARACTERS) throw invalidField(field, "sourceTooLong");
  if (preview.draft.sentences.length === 0) throw invalidField(field, "sourceTextEmpty");
  return preview;
}
