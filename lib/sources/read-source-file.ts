import { invalidField } from "@/lib/http/errors";
import type { SourceFormat } from "./new-source-schema.ts";
import { MAX_SOURCE_FILE_BYTES } from "./source-draft.ts";

/** The format of a file by its name's ending: what the add-a-source form accepts. */
const FORMAT_OF_EXTENSION: Record<string, SourceFormat> = {
  txt: "text",
  md: "markdown",
  markdown: "markdown",
  xml: "tei",
  tei: "tei",
};

/**
 * An uploaded file's text and format: a `.txt`, `.md` or TEI `.xml` file of at most
 * MAX_SOURCE_FILE_BYTES, in UTF-8 (a byte-order mark is dropped). INVALID on the "file" field for
 * another kind of file, one too large, a binary one (it holds NUL bytes: also UTF-16 text) and one
 * that is not valid UTF-8 (say, Windows-1250: the user is told to save it as UTF-8).
 */
export function readSourceFile(name: string, bytes: Uint8Array): { format: SourceFormat; text: string } {
  const extension = name.toLowerCase().split(".").pop() ?? "";
  const format = name.includes(".") ? FORMAT_OF_EXTENSION[extension] : undefined;
  if (!format) throw invalidField("file", "sourceFileType");
  if (bytes.byteLength > MAX_SOURCE_FILE_BYTES) throw invalidField("file", "sourceFileTooLarge");
  if (bytes.includes(0)) throw invalidField("file", "sourceFileBinary");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidField("file", "sourceFileNotUtf8");
  }
  return { format, text };
}
