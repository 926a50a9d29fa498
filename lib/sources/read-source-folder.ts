import { createHash } from "node:crypto";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { NOTES_FILE, parseEditorialNotes, type EditorialNoteEntry } from "./parse-editorial-notes.ts";
import { parseYamlFile } from "./parse-yaml-file.ts";
import { segmentSentences, type SentenceRange } from "./segment-sentences.ts";
import { SourceFileError } from "./source-file-error.ts";
import { SourceMetadataSchema, type SourceMetadata } from "./source-metadata-schema.ts";

export interface SourceFolder {
  metadata: SourceMetadata;
  text: string;
  contentHash: string;
  sentences: SentenceRange[];
  translation: {
    language: string;
    label: string;
    /** The edition of the translation, who made it and when (ISO date), as source.yaml declares. */
    revision: number | null;
    revisedBy: { pl: string; en: string } | null;
    revisedOn: string | null;
    sentences: string[];
    contentHash: string;
  } | null;
  /** The editor's notes (notes.yaml), in the order of the apparatus; empty without the file. */
  notes: EditorialNoteEntry[];
}

export const METADATA_FILE = "source.yaml";

export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Reads and validates one source folder: `source.yaml` (metadata), `text.<language>.txt` (the text,
 * one trailing newline allowed), when the metadata names one, `translation.<language>.txt` (one
 * sentence per line, aligned with the text's sentences) and, if present, `notes.yaml` (the editor's
 * notes). Any problem throws a SourceFileError naming
 * the file (relative to `root`) and the line. Reads files only; never touches the database.
 */
export async function readSourceFolder(root: string, folder: string): Promise<SourceFolder> {
  const dir = path.join(root, folder);
  const metadataFile = path.join(dir, METADATA_FILE);
  const metadata = parseMetadata(relative(root, metadataFile), await readUtf8(root, metadataFile));
  if (metadata.slug !== folder) {
    throw new SourceFileError(
      relative(root, metadataFile),
      1,
      `slug "${metadata.slug}" must equal the folder name "${folder}"`,
    );
  }
  const textFile = path.join(dir, `text.${metadata.language}.txt`);
  const text = stripFinalNewline(await readUtf8(root, textFile));
  checkText(relative(root, textFile), text);
  const sentences = segmentSentences(text);

  let translation: SourceFolder["translation"] = null;
  if (metadata.translation) {
    const translationFile = path.join(dir, `translation.${metadata.translation.language}.txt`);
    const lines = parseTranslation(
      relative(root, translationFile),
      await readUtf8(root, translationFile),
      sentences.length,
    );
    const { language, label, edition, revised_by, revised_on } = metadata.translation;
    translation = {
      language,
      label,
      revision: edition ?? null,
      revisedBy: revised_by ?? null,
      revisedOn: revised_on ?? null,
      sentences: lines,
      contentHash: hashText(lines.join("\n")),
    };
  }
  const notesFile = path.join(dir, NOTES_FILE);
  const notesSource = await readOptionalUtf8(root, notesFile);
  const notes =
    notesSource === null ? [] : parseEditorialNotes(relative(root, notesFile), notesSource, text, sentences);
  return { metadata, text, contentHash: hashText(text), sentences, translation, notes };
}

function relative(root: string, file: string): string {
  return path.join(path.basename(root), path.relative(root, file));
}

async function readUtf8(root: string, file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceFileError(
      relative(root, file),
      0,
      code === "ENOENT" ? "file is missing" : `cannot be read (${code})`,
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = bytes.subarray(0, firstInvalidUtf8Offset(bytes)).toString("latin1").split("\n").length;
    throw new SourceFileError(relative(root, file), line, "is not valid UTF-8");
  }
}

function firstInvalidUtf8Offset(bytes: Buffer): number {
  for (let end = 1; end <= bytes.length; end++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    } catch {
      return end - 1;
    }
  }
  return bytes.length;
}

async function readOptionalUtf8(root: string, file: string): Promise<string | null> {
  try {
    await access(file);
  } catch {
    return null;
  }
  return readUtf8(root, file);
}

function stripFinalNewline(text: string): string {
  return text.endsWith("\n") ? text.slice(0, -1) : text;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

function checkText(file: string, text: string): void {
  if (text.trim() === "") throw new SourceFileError(file, 1, "the text is empty");
  const cr = text.indexOf("\r");
  if (cr >= 0)
    throw new SourceFileError(
      file,
      lineAt(text, cr),
      "contains a carriage return; save the file with Unix line endings",
    );
  const control = text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u);
  if (control >= 0) throw new SourceFileError(file, lineAt(text, control), "contains a control character");
}

function parseMetadata(file: string, source: string): SourceMetadata {
  return parseYamlFile(file, source, SourceMetadataSchema).data;
}

function parseTranslation(file: string, source: string, expected: number): string[] {
  const lines = stripFinalNewline(source).split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "")
      throw new SourceFileError(file, i + 1, "blank line: write one translated sentence per line");
    if (line.includes("\r"))
      throw new SourceFileError(
        file,
        i + 1,
        "contains a carriage return; save the file with Unix line endings",
      );
  });
  if (lines.length !== expected) {
    throw new SourceFileError(
      file,
      Math.min(lines.length, expected + 1),
      `has ${lines.length} sentences but the text has ${expected}: write one translated sentence per line, in order`,
    );
  }
  return lines.map((line) => line.trim());
}
