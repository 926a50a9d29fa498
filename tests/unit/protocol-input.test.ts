import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/http/errors";
import { containerPreference, requireJsonLdAccepted, requireJsonLdBody } from "@/lib/protocol/negotiation";
import { ProtocolAnnotationSchema } from "@/lib/protocol/protocol-annotation-schema";
import { editionOfTarget, placeSelectors, readContent } from "@/lib/protocol/read-protocol-input";

const TEXT = "Rząd polski przestał istnieć. Rząd polski uciekł. Państwo polskie przestało istnieć.";

/** The error code (and message) a call throws, or "ok". */
function refusal(call: () => unknown): string {
  try {
    call();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return `${error.code} ${error.message}`;
    throw error;
  }
}

describe("content negotiation", () => {
  it.each([
    [null, "ok"],
    ["application/ld+json", "ok"],
    ['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', "ok"],
    ["application/json", "ok"],
    ["text/html, */*;q=0.8", "ok"],
    ["text/turtle", "NOT_ACCEPTABLE jsonLdOnly"],
    ["text/html", "NOT_ACCEPTABLE jsonLdOnly"],
    ["application/ld+json;q=0", "NOT_ACCEPTABLE jsonLdOnly"],
  ])("Accept %s → %s", (accept, expected) => {
    expect(refusal(() => requireJsonLdAccepted(accept))).toBe(expected);
  });

  it.each([
    ["application/ld+json", "ok"],
    ['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', "ok"],
    ["application/json; charset=utf-8", "ok"],
    ["text/plain", "UNSUPPORTED_MEDIA_TYPE jsonLdRequired"],
    [null, "UNSUPPORTED_MEDIA_TYPE jsonLdRequired"],
  ])("Content-Type %s → %s", (type, expected) => {
    expect(refusal(() => requireJsonLdBody(type))).toBe(expected);
  });

  it.each([
    [null, "descriptions", false],
    ['return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"', "minimal", true],
    ['return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs"', "iris", true],
    [
      'return=representation;include="http://www.w3.org/ns/oa#PreferContainedDescriptions"',
      "descriptions",
      true,
    ],
    ["return=minimal", "descriptions", false],
  ])("Prefer %s → %s", (prefer, preference, applied) => {
    expect(containerPreference(prefer)).toEqual({ preference, applied });
  });
});

describe("placing a client's selectors", () => {
  const quote = (exact: string, extra: object = {}) => ({ type: "TextQuoteSelector", exact, ...extra });
  const position = (start: number, end: number) => ({ type: "TextPositionSelector", start, end });

  it("takes a quote found once, or made unique by its context, and describes it afresh", () => {
    const found = placeSelectors(TEXT, [quote("uciekł")]);
    expect(found.position).toMatchObject({ start: TEXT.indexOf("uciekł"), end: TEXT.indexOf("uciekł") + 6 });
    expect(found.quote.prefix).toBe(TEXT.slice(0, TEXT.indexOf("uciekł")).slice(-32));
    const second = TEXT.lastIndexOf("Rząd polski");
    const byContext = placeSelectors(TEXT, [
      quote("Rząd polski", { prefix: "istnieć. ", suffix: " uciekł" }),
    ]);
    expect(byContext.position.start).toBe(second);
  });

  it("takes a position alone inside the text", () => {
    expect(placeSelectors(TEXT, [position(0, 4)]).quote.exact).toBe("Rząd");
  });

  it.each([
    ["no selector", [], "INVALID selectorRequired"],
    ["a quote not in the text", [quote("Mościcki")], "INVALID selectorMismatch"],
    ["a quote found twice, without context", [quote("Rząd polski")], "INVALID selectorMismatch"],
    ["a position past the end", [position(0, TEXT.length + 1)], "INVALID selectorOutOfRange"],
    ["an empty position", [position(3, 3)], "INVALID selectorOutOfRange"],
  ])("refuses %s", (_name, selectors, expected) => {
    expect(refusal(() => placeSelectors(TEXT, selectors as never))).toBe(expected);
  });
});

describe("a target's source", () => {
  const origin = "https://glossa.example";
  it.each([
    [`${origin}/sources/soviet-note?edition=2`, "2"],
    [`${origin}/sources/soviet-note`, "null"],
    [`${origin}/en/sources/soviet-note`, "null"],
    [`${origin}/sources/other`, "INVALID targetNotThisSource"],
    ["https://elsewhere.example/sources/soviet-note", "INVALID targetNotThisSource"],
    [`${origin}/sources/soviet-note?edition=0`, "INVALID editionNotFound"],
    [`${origin}/sources/soviet-note?edition=99999999999`, "INVALID editionNotFound"],
  ])("%s → %s", (source, expected) => {
    let got = "";
    const result = refusal(() => {
      got = String(editionOfTarget(source, "soviet-note", origin));
    });
    expect(result === "ok" ? got : result).toBe(expected);
  });
});

describe("a client's annotation read as Glossa's", () => {
  const parse = (value: unknown) => ProtocolAnnotationSchema.parse(value);
  const target = "https://glossa.example/sources/soviet-note";

  it.each([
    ["a quote that is not text", { type: "TextQuoteSelector", exact: [] }],
    ["a quote whose context is not text", { type: "TextQuoteSelector", exact: "Rząd", prefix: { a: 1 } }],
    ["a position that is not a number", { type: "TextPositionSelector", start: "0", end: 4 }],
  ])("refuses %s, rather than taking it for a selector of another type", (_name, selector) => {
    const parsed = ProtocolAnnotationSchema.safeParse({
      type: "Annotation",
      target: { source: target, selector },
    });
    expect(parsed.success).toBe(false);
  });

  it.each([
    [{ body: { type: "TextualBody", value: "Why?" }, motivation: "questioning" }, "question", "Why?", []],
    [{ body: { type: "TextualBody", value: "Note" } }, "comment", "Note", []],
    [{ motivation: "highlighting" }, "highlight", "", []],
    [
      { motivation: "tagging", body: { type: "TextualBody", value: "border", purpose: "tagging" } },
      "highlight",
      "",
      ["border"],
    ],
  ])("%j → %s", (extra, kind, text, tags) => {
    const content = readContent(parse({ type: "Annotation", target, ...extra }), false);
    expect(content.kind).toBe(kind);
    expect(content.body?.content?.[0]?.content?.[0]?.text ?? "").toBe(text);
    expect(content.tags).toEqual(tags);
  });

  it("refuses two text bodies and a motivation Glossa does not keep", () => {
    const two = parse({
      type: "Annotation",
      target,
      body: [
        { type: "TextualBody", value: "a" },
        { type: "TextualBody", value: "b" },
      ],
    });
    expect(refusal(() => readContent(two, false))).toBe("INVALID oneTextBodyOnly");
    expect(
      ProtocolAnnotationSchema.safeParse({ type: "Annotation", target, motivation: "bookmarking" }).success,
    ).toBe(false);
    expect(ProtocolAnnotationSchema.safeParse({ type: "Annotation", target: "not a url" }).success).toBe(
      false,
    );
  });
});
