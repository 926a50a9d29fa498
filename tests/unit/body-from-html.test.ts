import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bodyFromHtml,
  bodyFromParts,
  MAX_BODY_HTML_CHARACTERS,
  MAX_BODY_HTML_DEPTH,
} from "@/lib/annotations/body/body-from-html";
import { renderBodyHtml } from "@/lib/annotations/body/render-body";
import { validateBody } from "@/lib/annotations/body/validate-body";

const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const text = (value: string, ...marks: string[]): JSONContent =>
  marks.length
    ? { type: "text", text: value, marks: marks.map((type) => ({ type })) }
    : { type: "text", text: value };
const checked = (html: string) => validateBody(bodyFromHtml(html)!);

describe("a body read from HTML", () => {
  it("keeps what the editor can write: paragraphs, bold, italic, lists, quotations, line breaks", () => {
    const read = checked(
      "<p>On the <b>border</b> &amp; <em>the date</em>.</p><ol type='i'><li>one</li><li><p>two</p></li></ol>" +
        "<ul><li>three</li></ul><blockquote><p>Quoted</p></blockquote><p>line<br>break</p>",
    );
    expect(read.doc).toEqual(
      doc(
        paragraph(
          text("On the "),
          text("border", "bold"),
          text(" & "),
          text("the date", "italic"),
          text("."),
        ),
        {
          type: "orderedList",
          attrs: { start: 1, type: "i" },
          content: [
            { type: "listItem", content: [paragraph(text("one"))] },
            { type: "listItem", content: [paragraph(text("two"))] },
          ],
        },
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("three"))] }] },
        { type: "blockquote", content: [paragraph(text("Quoted"))] },
        paragraph(text("line"), { type: "hardBreak" }, text("break")),
      ),
    );
  });

  it("keeps allowed links and the text of the others; scripts, styles and images give nothing", () => {
    const read = checked(
      '<p>a <a href="javascript:alert(1)">bad</a> <a href="https://example.org/x" onclick="x()">good</a> ' +
        '<a href="/relative">rel</a><script>alert(1)</script><style>p{color:red}</style>' +
        "<img src=x onerror=alert(1)></p>",
    );
    expect(read.text).toBe("a bad good rel");
    expect(renderBodyHtml(read.doc)).toBe(
      '<p>a bad <a href="https://example.org/x" rel="noopener nofollow ugc">good</a> rel</p>',
    );
  });

  it("reads other elements (headings, tables, spans) as their text, and character references decoded", () => {
    expect(checked("<h1>Head</h1><table><tr><td>cell</td></tr></table><span>&#261;&#x17C;</span>").text).toBe(
      "Head\ncell\nąż",
    );
  });

  it("does not read HTML over the limit or nested too deep, and refuses a NUL as a typed note would be", () => {
    expect(bodyFromParts([{ value: "x".repeat(MAX_BODY_HTML_CHARACTERS + 1), format: "html" }])).toBeNull();
    // ProseMirror's parser recurses: thousands of levels would exhaust the stack.
    for (const deep of [
      "<ul><li>".repeat(5_000),
      "<b>".repeat(10_000),
      "<div>".repeat(MAX_BODY_HTML_DEPTH + 1),
    ])
      expect(bodyFromHtml(deep)).toBeNull();
    expect(bodyFromHtml("<blockquote>".repeat(MAX_BODY_HTML_DEPTH - 1) + "deep")).not.toBeNull();
    expect(() => checked("a\u0000b")).toThrow();
    expect(checked("lone &#xD800; surrogate").text).toBe("lone \uFFFD surrogate");
  });

  it("reads Markdown (Hypothesis's notes) with its formatting, the HTML written in it as text", () => {
    const read = validateBody(
      bodyFromParts([
        {
          value:
            "A *fine* **point**\nnext line\n\n> quoted\n\n1. one\n2. two\n\nsee https://example.org <b>x</b>",
          format: "markdown",
        },
      ])!,
    );
    expect(renderBodyHtml(read.doc)).toBe(
      "<p>A <em>fine</em> <strong>point</strong><br/>next line</p><blockquote><p>quoted</p></blockquote>" +
        "<ol><li><p>one</p></li><li><p>two</p></li></ol>" +
        '<p>see <a href="https://example.org" rel="noopener nofollow ugc">https://example.org</a> &lt;b&gt;x&lt;/b&gt;</p>',
    );
  });

  it("joins several bodies, HTML or plain text, with an empty line between", () => {
    expect(
      bodyFromParts([
        { value: "<p><i>First</i></p>", format: "html" },
        { value: "  Second\n", format: "text" },
      ]),
    ).toEqual(doc(paragraph(text("First", "italic")), { type: "paragraph" }, paragraph(text("Second"))));
  });

  it("gives back the same body from the HTML Glossa renders for it, cross-references included", () => {
    // Words with single spaces: HTML reads a run of spaces as one, as a browser shows it.
    const word = fc.stringMatching(/^[a-ząęłńóśźż&<>"']{1,8}( [a-ząęłńóśźż&<>"']{1,8})?$/u);
    const inline = fc.oneof(
      word.map((value) => text(value)),
      fc
        .tuple(word, fc.subarray(["bold", "italic"], { minLength: 1 }))
        .map(([value, marks]) => text(value, ...marks)),
      word.map((value) => ({
        type: "text",
        text: value,
        marks: [{ type: "link", attrs: { href: "https://example.org/a?b=1&c=2" } }],
      })),
      fc.constant<JSONContent>({
        type: "passageReference",
        attrs: {
          permalinkId: "AbCdEf1234",
          label: "The Kuty Directive, sentence 2",
          quote: "Z bolszewikami",
        },
      }),
    );
    const block = fc.oneof(
      fc.array(inline, { minLength: 1, maxLength: 4 }).map((content) => paragraph(...content)),
      fc.array(word, { minLength: 1, maxLength: 3 }).map((items) => ({
        type: "bulletList",
        content: items.map((item) => ({ type: "listItem", content: [paragraph(text(item))] })),
      })),
      word.map((value) => ({ type: "blockquote", content: [paragraph(text(value))] })),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        const original = validateBody(doc(...blocks));
        const again = validateBody(bodyFromHtml(renderBodyHtml(original.doc))!);
        expect(again).toEqual(original);
      }),
      { numRuns: 150 },
    );
  });
});
