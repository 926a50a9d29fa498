import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { MAX_REFERENCE_QUOTE } from "@/lib/annotations/body/passage-reference";
import { renderBodyHtml } from "@/lib/annotations/body/render-body";
import {
  isEmptyBody,
  MAX_REFERENCES,
  validateBody,
  type BodyProblem,
} from "@/lib/annotations/body/validate-body";
import { MAX_BODY_CHARACTERS } from "@/lib/annotations/types";
import { isAppError } from "@/lib/http/errors";

const text = (value: string, marks?: JSONContent["marks"]): JSONContent =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const paragraph = (...content: JSONContent[]): JSONContent =>
  content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const link = (href: string, attrs: Record<string, unknown> = {}) => ({
  type: "link",
  attrs: { href, ...attrs },
});

/** The body's HTML after validation, as the server stores and shows it. */
const rendered = (body: unknown) => renderBodyHtml(validateBody(body).doc);

/** The i18n key a refused body is reported with, checking the error's shape on the way. */
function problemOf(body: unknown): string {
  try {
    validateBody(body);
  } catch (error) {
    if (!isAppError(error, "INVALID")) throw error;
    expect(error.details).toEqual({ problems: [{ field: "body", message: error.message }] });
    return error.message;
  }
  return "accepted";
}

describe("a body with every allowed node and mark", () => {
  const everything = doc(
    paragraph(
      text("Plain, "),
      text("bold", [{ type: "bold" }]),
      text(", "),
      text("italic", [{ type: "italic" }]),
      text(", "),
      text("both", [{ type: "bold" }, { type: "italic" }]),
      { type: "hardBreak" },
      text("a link", [link("https://example.org/a?b=1&c=2")]),
      text(" and "),
      text("mail", [link("mailto:someone@example.org")]),
    ),
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [paragraph(text("one"))] },
        {
          type: "listItem",
          content: [
            paragraph(text("two")),
            {
              type: "orderedList",
              attrs: { start: 3 },
              content: [{ type: "listItem", content: [paragraph(text("three"))] }],
            },
          ],
        },
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 1, type: "a" },
      content: [{ type: "listItem", content: [paragraph(text("first"))] }],
    },
    { type: "blockquote", content: [paragraph(text("quoted"))] },
    paragraph(),
  );

  it("is accepted and keeps its content", () => {
    const { doc: normalized } = validateBody(everything);
    expect(validateBody(normalized).doc).toEqual(normalized);
    expect(renderBodyHtml(normalized)).toBe(rendered(everything));
  });

  it("gives its text with blocks and line breaks as new lines", () => {
    expect(validateBody(everything).text).toBe(
      "Plain, bold, italic, both\na link and mail\none\ntwo\nthree\nfirst\nquoted\n",
    );
  });

  it("renders the expected HTML", () => {
    expect(rendered(everything)).toBe(
      "<p>Plain, <strong>bold</strong>, <em>italic</em>, <em><strong>both</strong></em><br/>" +
        '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener nofollow ugc">a link</a> and ' +
        '<a href="mailto:someone@example.org" rel="noopener nofollow ugc">mail</a></p>' +
        '<ul><li><p>one</p></li><li><p>two</p><ol start="3"><li><p>three</p></li></ol></li></ul>' +
        '<ol type="a"><li><p>first</p></li></ol>' +
        "<blockquote><p>quoted</p></blockquote><p></p>",
    );
  });
});

describe("refused bodies", () => {
  const cases: { name: string; body: unknown; problem: BodyProblem }[] = [
    {
      name: "an image",
      body: doc({ type: "image", attrs: { src: "https://example.org/x.png" } }),
      problem: "bodyInvalid",
    },
    {
      name: "a heading (disabled)",
      body: doc({ type: "heading", attrs: { level: 1 }, content: [text("Title")] }),
      problem: "bodyInvalid",
    },
    {
      name: "a code block",
      body: doc({ type: "codeBlock", content: [text("x = 1")] }),
      problem: "bodyInvalid",
    },
    { name: "a horizontal rule", body: doc({ type: "horizontalRule" }), problem: "bodyInvalid" },
    { name: "a code mark", body: doc(paragraph(text("x", [{ type: "code" }]))), problem: "bodyInvalid" },
    { name: "a strike mark", body: doc(paragraph(text("x", [{ type: "strike" }]))), problem: "bodyInvalid" },
    {
      name: "the same mark twice",
      body: doc(paragraph(text("x", [{ type: "bold" }, { type: "bold" }]))),
      problem: "bodyInvalid",
    },
    { name: "text directly in the doc", body: doc(text("loose")), problem: "bodyInvalid" },
    { name: "a text node as the whole body", body: text("loose"), problem: "bodyInvalid" },
    { name: "a paragraph as the whole body", body: paragraph(text("x")), problem: "bodyInvalid" },
    {
      name: "a list item outside a list",
      body: doc({ type: "listItem", content: [paragraph(text("x"))] }),
      problem: "bodyInvalid",
    },
    {
      name: "a paragraph inside a paragraph",
      body: doc(paragraph(paragraph(text("x")))),
      problem: "bodyInvalid",
    },
    { name: "an empty text node", body: doc(paragraph(text(""))), problem: "bodyInvalid" },
    {
      name: "text that is not a string",
      body: doc(paragraph({ type: "text", text: 42 } as unknown as JSONContent)),
      problem: "bodyInvalid",
    },
    {
      name: "content that is not an array",
      body: { type: "doc", content: { type: "paragraph" } },
      problem: "bodyInvalid",
    },
    {
      name: "marks that are not an array",
      body: doc(paragraph({ type: "text", text: "x", marks: "bold" } as unknown as JSONContent)),
      problem: "bodyInvalid",
    },
    { name: "a node without a type", body: doc({ content: [text("x")] }), problem: "bodyInvalid" },
    { name: "a string", body: "<p>hello</p>", problem: "bodyInvalid" },
    { name: "an array", body: [doc(paragraph(text("x")))], problem: "bodyInvalid" },
    { name: "null", body: null, problem: "bodyInvalid" },
    { name: "a number", body: 42, problem: "bodyInvalid" },
    { name: "undefined", body: undefined, problem: "bodyInvalid" },
    {
      name: "a javascript: link",
      body: doc(paragraph(text("x", [link("javascript:alert(1)")]))),
      problem: "linkNotAllowed",
    },
    {
      name: "a JaVaScRiPt: link",
      body: doc(paragraph(text("x", [link("JaVaScRiPt:alert(1)")]))),
      problem: "linkNotAllowed",
    },
    {
      name: "a link with a space before javascript:",
      body: doc(paragraph(text("x", [link(" javascript:alert(1)")]))),
      problem: "linkNotAllowed",
    },
    {
      name: "a link with a tab inside javascript:",
      body: doc(paragraph(text("x", [link("java\tscript:alert(1)")]))),
      problem: "linkNotAllowed",
    },
    {
      name: "a data: link",
      body: doc(paragraph(text("x", [link("data:text/html,<script>alert(1)</script>")]))),
      problem: "linkNotAllowed",
    },
    {
      name: "a vbscript: link",
      body: doc(paragraph(text("x", [link("vbscript:msgbox(1)")]))),
      problem: "linkNotAllowed",
    },
    { name: "a relative link", body: doc(paragraph(text("x", [link("/admin")]))), problem: "linkNotAllowed" },
    {
      name: "a protocol-relative link",
      body: doc(paragraph(text("x", [link("//evil.example/")]))),
      problem: "linkNotAllowed",
    },
    {
      name: "a link without href",
      body: doc(paragraph(text("x", [{ type: "link" }]))),
      problem: "linkNotAllowed",
    },
    {
      name: "a very long link",
      body: doc(paragraph(text("x", [link(`https://example.org/${"a".repeat(3000)}`)]))),
      problem: "linkNotAllowed",
    },
    {
      name: "20,001 characters",
      body: bodyFromPlainText("x".repeat(MAX_BODY_CHARACTERS + 1)),
      problem: "bodyTooLong",
    },
    {
      name: "20,000 characters and a paragraph break",
      body: bodyFromPlainText(
        `${"x".repeat(MAX_BODY_CHARACTERS / 2)}\n${"x".repeat(MAX_BODY_CHARACTERS / 2)}`,
      ),
      problem: "bodyTooLong",
    },
  ];

  it.each(cases)("$name → $problem", ({ body, problem }) => {
    expect(problemOf(body)).toBe(problem);
  });

  it("refuses nesting deeper than 20 levels, before ProseMirror sees it", () => {
    const nested = (levels: number): JSONContent => {
      let node = paragraph(text("deep"));
      for (let level = 0; level < levels; level++) node = { type: "blockquote", content: [node] };
      return node;
    };
    // doc + 17 quotations + paragraph + text = 20 levels
    expect(problemOf(doc(nested(17)))).toBe("accepted");
    expect(problemOf(doc(nested(18)))).toBe("bodyInvalid");
    expect(problemOf(doc(nested(100_000)))).toBe("bodyInvalid");
  });

  it("refuses more than 5,000 nodes", () => {
    expect(problemOf(doc(...Array.from({ length: 2_499 }, () => paragraph(text("x")))))).toBe("accepted");
    expect(problemOf(doc(...Array.from({ length: 2_500 }, () => paragraph(text("x")))))).toBe("bodyInvalid");
    expect(problemOf(doc(...Array.from({ length: 5_000 }, () => paragraph())))).toBe("bodyInvalid");
  });
});

describe("accepted bodies", () => {
  const cases: { name: string; body: unknown; text: string }[] = [
    {
      name: "exactly 20,000 characters",
      body: bodyFromPlainText("x".repeat(MAX_BODY_CHARACTERS)),
      text: "x".repeat(MAX_BODY_CHARACTERS),
    },
    { name: "an empty paragraph", body: doc(paragraph()), text: "" },
    { name: "only spaces and empty paragraphs", body: bodyFromPlainText("  \n\n \t"), text: "" },
    { name: "a doc without content", body: { type: "doc" }, text: "" },
    { name: "an http link", body: doc(paragraph(text("x", [link("http://example.org")]))), text: "x" },
    { name: "lines", body: bodyFromPlainText("one\r\ntwo\n\nthree"), text: "one\ntwo\n\nthree" },
  ];

  it.each(cases)("$name", ({ body, text: expected }) => {
    expect(validateBody(body).text).toBe(expected);
    expect(isEmptyBody(validateBody(body).doc)).toBe(expected === "");
  });

  it("drops attributes the schema does not know", () => {
    const { doc: normalized } = validateBody({
      type: "doc",
      attrs: { id: "x" },
      content: [
        { type: "paragraph", attrs: { onclick: "alert(1)", style: "color:red" }, content: [text("x")] },
      ],
      extra: "field",
    });
    expect(normalized).toEqual(doc(paragraph(text("x"))));
  });

  it("keeps only the href of a link", () => {
    const { doc: normalized } = validateBody(
      doc(
        paragraph(
          text("x", [
            link("https://example.org", { target: "_blank", rel: "opener", class: "big", title: "t" }),
          ]),
        ),
      ),
    );
    const [mark] = normalized.content?.[0]?.content?.[0]?.marks ?? [];
    expect(mark?.attrs).toEqual({
      href: "https://example.org",
      target: null,
      rel: "noopener nofollow ugc",
      class: null,
      title: null,
    });
  });

  it("sanitizes list numbering", () => {
    const list = (attrs: Record<string, unknown>): JSONContent => ({
      type: "orderedList",
      attrs,
      content: [{ type: "listItem", content: [paragraph(text("x"))] }],
    });
    expect(validateBody(doc(list({ start: "3", type: 'a" onclick="x' }))).doc).toEqual(
      doc(list({ start: 1, type: null })),
    );
    expect(validateBody(doc(list({ start: 3, type: "I" }))).doc).toEqual(doc(list({ start: 3, type: "I" })));
  });
});

describe("the rendered HTML is safe", () => {
  const cases: { name: string; body: JSONContent; html: string }[] = [
    {
      name: "an img tag in text",
      body: doc(paragraph(text("<img src=x onerror=alert(1)>"))),
      html: "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
    },
    {
      name: "a script tag in text",
      body: doc(paragraph(text("<script>alert(1)</script>"))),
      html: "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    },
    {
      name: "an ampersand entity in text",
      body: doc(paragraph(text("&lt;b&gt; & ok"))),
      html: "<p>&amp;lt;b&amp;gt; &amp; ok</p>",
    },
    {
      name: "event and style attributes",
      body: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            attrs: { onclick: "alert(1)", style: "background:url(javascript:alert(1))", class: "x" },
            content: [text("x")],
          },
          { type: "blockquote", attrs: { onmouseover: "alert(1)" }, content: [paragraph(text("y"))] },
        ],
      },
      html: "<p>x</p><blockquote><p>y</p></blockquote>",
    },
    {
      name: "a quote in an href",
      body: doc(paragraph(text("x", [link('https://example.org/?q="><script>alert(1)</script>')]))),
      html: '<p><a href="https://example.org/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rel="noopener nofollow ugc">x</a></p>',
    },
    {
      name: "an event handler in an href",
      body: doc(paragraph(text("x", [link('https://example.org/" onmouseover="alert(1)')]))),
      html: '<p><a href="https://example.org/&quot; onmouseover=&quot;alert(1)" rel="noopener nofollow ugc">x</a></p>',
    },
    {
      name: "a link that asks for another rel and a target",
      body: doc(
        paragraph(text("x", [link("https://example.org", { rel: "opener", target: "_blank", class: "c" })])),
      ),
      html: '<p><a href="https://example.org" rel="noopener nofollow ugc">x</a></p>',
    },
    {
      name: "a link whose JSON has no rel",
      body: doc(paragraph(text("x", [link("https://example.org", { rel: null })]))),
      html: '<p><a href="https://example.org" rel="noopener nofollow ugc">x</a></p>',
    },
    {
      name: "an ordered list with a crafted type",
      body: doc({
        type: "orderedList",
        attrs: { start: '2" onclick="x', type: '1" onclick="x' },
        content: [{ type: "listItem", content: [paragraph(text("x"))] }],
      }),
      html: "<ol><li><p>x</p></li></ol>",
    },
  ];

  it.each(cases)("$name, through validation", ({ body, html }) => {
    expect(rendered(body)).toBe(html);
  });

  it.each(cases)("$name, rendered without validation", ({ body, html }) => {
    expect(renderBodyHtml(body)).toBe(html);
  });

  it("drops a link that is not allowed from stored JSON, keeping its text", () => {
    for (const href of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "/relative"]) {
      expect(renderBodyHtml(doc(paragraph(text("click", [link(href), { type: "bold" }]))))).toBe(
        "<p><strong>click</strong></p>",
      );
    }
  });

  it("never renders a target or a foreign rel", () => {
    const html = rendered(
      doc(paragraph(text("x", [link("https://example.org", { target: "_blank", rel: "opener" })]))),
    );
    expect(html).not.toContain("target");
    expect(html).not.toContain('rel="opener"');
  });

  it("renders nothing for no body", () => {
    expect(renderBodyHtml(null)).toBe("");
  });

  it("refuses to render stored JSON that does not fit the schema", () => {
    expect(() => renderBodyHtml(doc({ type: "image" }))).toThrow();
    expect(() => renderBodyHtml(doc(text("loose")))).toThrow();
  });
});

describe("cross-references to passages", () => {
  const reference = (attrs: Record<string, unknown>): JSONContent => ({ type: "passageReference", attrs });
  const kuty = {
    permalinkId: "AbCdEf1234",
    label: "The Kuty Directive, sentence 2",
    quote: "Z bolszewikami",
  };
  const chip = (id: string, label: string, quote: string) =>
    `<a href="/p/${id}" class="passage-ref" data-passage-ref="${id}" title="${quote}">${label}` +
    `<span class="passage-ref-quote"> <q>${quote}</q></span></a>`;

  it("renders a chip linking to the permalink, its quotation hidden inside for screen readers", () => {
    expect(rendered(doc(paragraph(text("See "), reference(kuty), text("."))))).toBe(
      `<p>See ${chip("AbCdEf1234", "The Kuty Directive, sentence 2", "Z bolszewikami")}.</p>`,
    );
  });

  it("carries its label in each interface language and its quotation's language, for the page to show one", () => {
    const both = reference({
      ...kuty,
      labels: { pl: "Dyrektywa z Kut, zd. 2", en: "The Kuty Directive, sentence 2" },
      language: "pl",
    });
    expect(rendered(doc(paragraph(both)))).toBe(
      '<p><a href="/p/AbCdEf1234" class="passage-ref" data-passage-ref="AbCdEf1234" title="Z bolszewikami">' +
        '<span class="passage-ref-label" lang="pl">Dyrektywa z Kut, zd. 2</span>' +
        '<span class="passage-ref-label" lang="en">The Kuty Directive, sentence 2</span>' +
        '<span class="passage-ref-quote"> <q lang="pl">Z bolszewikami</q></span></a></p>',
    );
    // Its plain text stays the author's label.
    expect(validateBody(doc(paragraph(both))).text).toBe("The Kuty Directive, sentence 2");
  });

  it("drops labels and a language that are not what the server writes", () => {
    const odd = reference({ ...kuty, labels: { pl: 3, en: "<b>x</b>" }, language: 'pl" onclick="x' });
    expect(rendered(doc(paragraph(odd)))).toBe(
      `<p>${chip("AbCdEf1234", "The Kuty Directive, sentence 2", "Z bolszewikami")}</p>`,
    );
  });

  it("counts as the text of its label: a note of one chip is not empty", () => {
    const body = doc(paragraph(reference(kuty)));
    expect(validateBody(body).text).toBe("The Kuty Directive, sentence 2");
    expect(isEmptyBody(body)).toBe(false);
    expect(validateBody(doc(paragraph(text("See "), reference(kuty)))).text).toBe(
      "See The Kuty Directive, sentence 2",
    );
  });

  it("escapes a hostile label and quote, through validation and straight from stored JSON", () => {
    const hostile = reference({
      permalinkId: "AbCdEf1234",
      label: '<img src=x onerror="alert(1)">',
      quote: '"><script>alert(1)</script><a title="',
    });
    // In the text of the link and inside <q>, a double quote needs no escaping; in title it does.
    const expected =
      '<a href="/p/AbCdEf1234" class="passage-ref" data-passage-ref="AbCdEf1234" ' +
      'title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a title=&quot;">' +
      '&lt;img src=x onerror="alert(1)"&gt;<span class="passage-ref-quote"> ' +
      '<q>"&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a title="</q></span></a>';
    expect(rendered(doc(paragraph(hostile)))).toBe(`<p>${expected}</p>`);
    expect(renderBodyHtml(doc(paragraph(hostile)))).toBe(`<p>${expected}</p>`);
    expect(expected).not.toMatch(/<(?:img|script)/u);
  });

  it("passes nothing else through: no other attribute, class or href", () => {
    const crafted = reference({
      ...kuty,
      href: "javascript:alert(1)",
      class: "x",
      onclick: "alert(1)",
      target: "_blank",
      style: "color:red",
    });
    const expected = `<p>${chip("AbCdEf1234", "The Kuty Directive, sentence 2", "Z bolszewikami")}</p>`;
    expect(rendered(doc(paragraph(crafted)))).toBe(expected);
    expect(renderBodyHtml(doc(paragraph(crafted)))).toBe(expected);
    expect(validateBody(doc(paragraph(crafted))).doc).toEqual(
      doc(paragraph(reference({ ...kuty, labels: null, language: null }))),
    );
  });

  const badIds: { name: string; id: unknown }[] = [
    { name: "an id that breaks out of the attribute", id: 'AbCdEf1234" onclick="alert(1)' },
    { name: "a path", id: "../../api/me" },
    { name: "a URL", id: "https://evil.example/p/AbCdEf1234" },
    { name: "too short", id: "AbCdEf123" },
    { name: "too long", id: "AbCdEf12345" },
    { name: "a character outside base 62", id: "AbCdEf123-" },
    { name: "empty", id: "" },
    { name: "a number", id: 1234567890 },
    { name: "missing", id: undefined },
  ];

  it.each(badIds)("refuses $name as a permalink id (referenceInvalid)", ({ id }) => {
    expect(problemOf(doc(paragraph(reference({ ...kuty, permalinkId: id }))))).toBe("referenceInvalid");
  });

  it.each(badIds)("renders only the escaped label for $name in stored JSON", ({ id }) => {
    const label = "<b>label</b>";
    expect(renderBodyHtml(doc(paragraph(reference({ ...kuty, label, permalinkId: id }))))).toBe(
      "<p>&lt;b&gt;label&lt;/b&gt;</p>",
    );
  });

  it("refuses a chip with content, or used as a block", () => {
    expect(problemOf(doc({ ...reference(kuty), content: [text("x")] }))).toBe("bodyInvalid");
    expect(problemOf(doc(reference(kuty)))).toBe("bodyInvalid");
  });

  it("drops a link mark on a chip (links cannot nest) but keeps bold", () => {
    const marked = { ...reference(kuty), marks: [link("https://example.org"), { type: "bold" }] };
    expect(rendered(doc(paragraph(marked)))).toBe(
      `<p><strong>${chip("AbCdEf1234", "The Kuty Directive, sentence 2", "Z bolszewikami")}</strong></p>`,
    );
  });

  it("cuts a long quotation, and refuses more than MAX_REFERENCES chips", () => {
    const long = validateBody(doc(paragraph(reference({ ...kuty, quote: "x".repeat(5_000) })))).doc;
    const quote = long.content?.[0]?.content?.[0]?.attrs?.quote as string;
    expect([...quote]).toHaveLength(MAX_REFERENCE_QUOTE);
    expect(quote.endsWith("…")).toBe(true);
    const chips = (count: number) => doc(paragraph(...Array.from({ length: count }, () => reference(kuty))));
    expect(problemOf(chips(MAX_REFERENCES))).toBe("accepted");
    expect(problemOf(chips(MAX_REFERENCES + 1))).toBe("tooManyReferences");
  });
});

describe("isEmptyBody", () => {
  it.each([
    { body: null, empty: true },
    { body: undefined, empty: true },
    { body: doc(paragraph()), empty: true },
    { body: doc(paragraph(text(" \u00a0\t")), paragraph({ type: "hardBreak" })), empty: true },
    { body: doc(paragraph(), paragraph(text("x"))), empty: false },
    {
      body: doc({ type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("x"))] }] }),
      empty: false,
    },
  ])("$body → $empty", ({ body, empty }) => {
    expect(isEmptyBody(body)).toBe(empty);
  });
});
