import { describe, expect, it } from "vitest";
import { decodePageCursor, encodePageCursor } from "../../lib/annotations/page-cursor";
import { isAppError } from "../../lib/http/errors";

describe("the annotation list's page cursor", () => {
  it("reads back what it wrote, to the millisecond, and tells clients nothing in plain text", () => {
    const cursor = { createdAt: new Date("2026-03-01T10:20:30.456Z"), id: "cm1abc_DEF-9" };
    const encoded = encodePageCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/u);
    expect(encoded).not.toContain(cursor.id);
    expect(decodePageCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ["empty", ""],
    ["not base64url", "a+b/c="],
    ["no id", Buffer.from("2026-03-01T10:20:30.456Z").toString("base64url")],
    ["not a time", Buffer.from("later|cm1abc").toString("base64url")],
    ["an impossible date", Buffer.from("2026-02-30T10:20:30.456Z|cm1abc").toString("base64url")],
    ["a bad id", Buffer.from("2026-03-01T10:20:30.456Z|'; drop").toString("base64url")],
    ["too long", "A".repeat(201)],
  ])("refuses %s as INVALID on after", (_what, value) => {
    let error: unknown;
    try {
      decodePageCursor(value);
    } catch (thrown) {
      error = thrown;
    }
    expect(isAppError(error, "INVALID")).toBe(true);
    expect((error as Error).message).toBe("pageCursorInvalid");
    expect((error as { details: unknown }).details).toEqual({
      problems: [{ field: "after", message: "pageCursorInvalid" }],
    });
  });
});
