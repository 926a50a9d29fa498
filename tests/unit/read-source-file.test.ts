import { describe, expect, it } from "vitest";
import { isSiteAdministrator } from "@/lib/auth/policy";
import { readSourceFile } from "@/lib/sources/read-source-file";

const utf8 = (text: string) => new TextEncoder().encode(text);
const problem = (name: string, bytes: Uint8Array) => {
  try {
    readSourceFile(name, bytes);
    return "read";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("reading an uploaded source file", () => {
  it.each([
    ["text.txt", "text"],
    ["Notes.MD", "markdown"],
    ["edition.xml", "tei"],
  ])("takes %s as %s, in UTF-8 without its byte-order mark", (name, format) => {
    expect(readSourceFile(name, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Zażółć.")]))).toEqual({
      format,
      text: "Zażółć.",
    });
  });

  it.each([
    ["another kind of file", "scan.pdf", utf8("%PDF"), "sourceFileType"],
    ["a name without an ending", "txt", utf8("x"), "sourceFileType"],
    ["a binary file", "image.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), "sourceFileBinary"],
    ["UTF-16 text", "utf16.txt", new Uint8Array([0xff, 0xfe, 0x5a, 0x00, 0x61, 0x00]), "sourceFileBinary"],
    [
      "Windows-1250 text",
      "cp1250.txt",
      new Uint8Array([0x5a, 0x61, 0xbf, 0xf3, 0xb3, 0x74, 0x79]),
      "sourceFileNotUtf8",
    ],
    ["a file over 2 MB", "big.txt", new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61), "sourceFileTooLarge"],
  ])("refuses %s", (_name, fileName, bytes, message) => {
    expect(problem(fileName, bytes)).toBe(message);
  });
});

describe("site administrators", () => {
  it("are those whose address ADMIN_EMAILS lists, in any case", () => {
    expect(isSiteAdministrator("Admin@Example.org", ["admin@example.org"])).toBe(true);
    expect(isSiteAdministrator("other@example.org", ["admin@example.org"])).toBe(false);
    expect(isSiteAdministrator(null, ["admin@example.org"])).toBe(false);
    expect(isSiteAdministrator("admin@example.org", [])).toBe(false);
  });
});
