/**
 * Texts as data and the DTS API, through the route handlers against the imported built-in sources:
 * each edition as plain text, TEI and JSON agrees with the database (every sentence, once, in order);
 * the DTS endpoints answer with DTS 1.0's shapes and media types, cite sentences by number with
 * edition-pinned identifiers, and refuse bad references with 400 and unknown ones with 404, never 5xx.
 */
import fc from "fast-check";
import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getDocument } from "@/app/api/dts/document/route";
import { GET as getNavigation } from "@/app/api/dts/navigation/route";
import { GET as getCollection } from "@/app/api/dts/collection/route";
import { GET as getEntry } from "@/app/api/dts/route";
import { GET as getTei } from "@/app/api/sources/[slug]/editions/[edition]/tei.xml/route";
import { GET as getJson } from "@/app/api/sources/[slug]/editions/[edition]/text.json/route";
import { GET as getTxt } from "@/app/api/sources/[slug]/editions/[edition]/text.txt/route";
import { publicUrl } from "@/lib/http/public-url";
import type { TextJson } from "@/lib/texts/build-text-json";
import { importedEdition } from "../support/annotation-factories";
import { parseXml } from "../support/parse-xml";
import { testDatabase } from "../support/test-database";

vi.mock("@/lib/auth/get-current-user", () => ({ getActor: () => Promise.resolve(null) }));

const TEI = "http://www.tei-c.org/ns/1.0";
const DTS = "https://w3id.org/api/dts#";
const ORIGIN = "https://glossa.example";
/** Where the app's absolute links point in tests (no reader origin is passed in-process). */
const SITE = new URL(publicUrl("/")).origin;
const SLUG = "kuty-directive";

interface Edition {
  number: number;
  text: string;
  passages: { number: number; start: number; end: number }[];
  translation: string[];
}
let edition: Edition;

beforeAll(async () => {
  await importedEdition(SLUG);
  const row = await testDatabase().prisma.edition.findFirstOrThrow({
    where: { source: { slug: SLUG } },
    orderBy: { number: "desc" },
    include: {
      passages: { orderBy: { number: "asc" } },
      translations: {
        orderBy: { number: "desc" },
        take: 1,
        include: { sentences: { orderBy: { number: "asc" } } },
      },
    },
  });
  edition = {
    number: row.number,
    text: row.text,
    passages: row.passages,
    translation: row.translations[0]!.sentences.map((s) => s.text),
  };
});

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

function fetchText(handler: Handler, slug: string, editionSegment: string) {
  return handler(new Request(`${ORIGIN}/api/sources/${slug}/editions/${editionSegment}/x`), {
    params: Promise.resolve({ slug, edition: editionSegment }),
  });
}

function dts(handler: Handler, path: string, query: string) {
  return handler(new Request(`${ORIGIN}${path}${query}`));
}

const teiSentences = (root: Element) =>
  Array.from(root.getElementsByTagNameNS(TEI, "s")).map((s) => [s.getAttribute("n"), s.textContent]);

describe("an edition as plain text, TEI and JSON", () => {
  it.each(["latest", "1"])(
    "gives edition %s in all three formats, each with every sentence once",
    async (segment) => {
      const sentences = edition.passages.map((p) => [String(p.number), edition.text.slice(p.start, p.end)]);

      const txt = await fetchText(getTxt, SLUG, segment);
      expect(txt.status).toBe(200);
      expect(txt.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      // Public texts, for other sites' scripts too (a browser-based DTS client), without credentials.
      expect(txt.headers.get("access-control-allow-origin")).toBe("*");
      expect(txt.headers.get("link")).toBe(
        `<${SITE}/api/sources/${SLUG}/editions/1/text.txt>; rel="canonical"`,
      );
      expect(await txt.text()).toBe(`${edition.text}\n`);

      const json = await fetchText(getJson, SLUG, segment);
      expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const data = (await json.json()) as TextJson;
      expect(data.id).toBe(`glossa:${SLUG}@1`);
      expect(data.title.pl).toBe("Dyrektywa z Kut");
      expect(data.sentences.map((s) => [String(s.number), s.text])).toEqual(sentences);
      expect(data.sentences.map((s) => s.translation)).toEqual(edition.translation);
      expect(data.sentences.every((s) => data.text.slice(s.start, s.end) === s.text)).toBe(true);

      const tei = await fetchText(getTei, SLUG, segment);
      expect(tei.headers.get("content-type")).toBe("application/tei+xml; charset=utf-8");
      expect(tei.headers.get("content-disposition")).toBe(`inline; filename="${SLUG}-1.tei.xml"`);
      const document = parseXml(await tei.text());
      const texts = Array.from(document.getElementsByTagNameNS(TEI, "text"));
      const original = texts.find((t) => t.getAttribute("type") === "original")!;
      const translation = texts.find((t) => t.getAttribute("type") === "translation")!;
      expect(teiSentences(original)).toEqual(sentences);
      expect(teiSentences(translation).map(([, words]) => words)).toEqual(edition.translation);
      expect(document.getElementsByTagNameNS(TEI, "titleStmt")[0]?.textContent).toContain(
        "The Kuty Directive",
      );
      expect(document.getElementsByTagNameNS(TEI, "sourceDesc")[0]?.textContent).toContain("Rydz-Śmigły");
    },
  );

  it.each([
    ["an unknown source", "no-such-source", "latest"],
    ["an edition the source lacks", SLUG, "2"],
    ["edition 0", SLUG, "0"],
    ["an edition that is not a number", SLUG, "abc"],
    ["an edition past the integers", SLUG, "99999999999999999999"],
    ["a malformed slug", "../etc", "1"],
  ])("answers 404 for %s", async (_case, slug, segment) => {
    for (const handler of [getTxt, getTei, getJson]) {
      const response = await fetchText(handler, slug, segment);
      expect(response.status).toBe(404);
    }
  });
});

it("never answers hostile URL segments of a download with a 5xx", async () => {
  const segment = fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
    fc.constantFrom("latest", "1", "0", SLUG, "\u0000", "\ud800", "../x", "%00"),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(getTxt, getTei, getJson),
      segment,
      segment,
      async (handler, slug, number) => {
        const response = await handler(new Request(`${ORIGIN}/api/sources/x/editions/y/z`), {
          params: Promise.resolve({ slug, edition: number }),
        });
        expect([200, 404]).toContain(response.status);
      },
    ),
    { numRuns: 100 },
  );
});

describe("DTS API", () => {
  it("gives the endpoints' URI templates at its entry", async () => {
    const response = await getEntry(new Request(`${ORIGIN}/api/dts`));
    expect(response.headers.get("content-type")).toBe("application/ld+json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({
      "@context": "https://dtsapi.org/context/v1.0.json",
      "@id": "/api/dts",
      "@type": "EntryPoint",
      dtsVersion: "1.0",
      collection: "/api/dts/collection{?id,nav}",
      navigation: "/api/dts/navigation{?resource,ref,start,end,down}",
      document: "/api/dts/document{?resource,ref,start,end,mediaType}",
    });
  });

  it("lists the library as a collection of one resource per source, pinned to its edition", async () => {
    const response = await dts(getCollection, "/api/dts/collection", "");
    expect(response.headers.get("content-type")).toBe("application/ld+json");
    const library = await response.json();
    expect(library).toMatchObject({
      "@id": "glossa:library",
      "@type": "Collection",
      totalParents: 0,
      totalChildren: 5,
    });
    const ids = library.member.map((m: { "@id": string }) => m["@id"]);
    expect(ids).toHaveLength(5);
    expect(ids).toContain(`glossa:${SLUG}@1`);
    const kuty = library.member.find((m: { "@id": string }) => m["@id"] === `glossa:${SLUG}@1`);
    expect(kuty).toMatchObject({
      "@type": "Resource",
      title: "The Kuty Directive",
      totalParents: 1,
      totalChildren: 0,
      document: `/api/dts/document?resource=glossa%3A${SLUG}%401{&ref,start,end,mediaType}`,
      citationTrees: [{ "@type": "CitationTree", citeStructure: [{ citeType: "sentence" }] }],
    });
    expect(kuty.dublinCore.title).toEqual([
      { lang: "pl", value: "Dyrektywa z Kut" },
      { lang: "en", value: "The Kuty Directive" },
    ]);
    expect(kuty.dublinCore.date).toBe("1939-09-17");
  });

  it("gives one resource by its identifier, the latest edition when none is named", async () => {
    for (const id of [`glossa:${SLUG}`, `glossa:${SLUG}@1`]) {
      const resource = await (
        await dts(getCollection, "/api/dts/collection", `?id=${encodeURIComponent(id)}`)
      ).json();
      expect(resource["@id"]).toBe(`glossa:${SLUG}@1`);
    }
    const parents = await (
      await dts(getCollection, "/api/dts/collection", `?id=glossa:${SLUG}&nav=parents`)
    ).json();
    expect(parents.member).toMatchObject([
      { "@id": "glossa:library", "@type": "Collection", totalChildren: 5 },
    ]);
  });

  it("navigates the sentences: the tree, one reference, and a range", async () => {
    const count = edition.passages.length;
    const base = `?resource=glossa:${SLUG}@1`;
    const tree = await dts(getNavigation, "/api/dts/navigation", `${base}&down=1`);
    expect(tree.headers.get("content-type")).toBe("application/ld+json");
    const whole = await tree.json();
    expect(whole).toMatchObject({ "@type": "Navigation", resource: { "@id": `glossa:${SLUG}@1` } });
    expect(whole["@id"]).toBe(`${SITE}/api/dts/navigation${base}&down=1`);
    expect(whole.member).toHaveLength(count);
    expect(whole.member[0]).toEqual({
      identifier: "1",
      "@type": "CitableUnit",
      level: 1,
      parent: null,
      citeType: "sentence",
    });

    const one = await (await dts(getNavigation, "/api/dts/navigation", `${base}&ref=2`)).json();
    expect(one.ref.identifier).toBe("2");
    expect(one.member).toBeUndefined();

    const range = await (
      await dts(getNavigation, "/api/dts/navigation", `${base}&start=2&end=4&down=1`)
    ).json();
    expect(range.member.map((m: { identifier: string }) => m.identifier)).toEqual(["2", "3", "4"]);
    const siblings = await (await dts(getNavigation, "/api/dts/navigation", `${base}&ref=2&down=0`)).json();
    expect(siblings.member).toHaveLength(count);
  });

  it("gives the document as TEI: whole, one sentence, or a range inside <dts:wrapper>", async () => {
    const base = `?resource=glossa:${SLUG}`;
    const whole = await dts(getDocument, "/api/dts/document", base);
    expect(whole.headers.get("content-type")).toBe("application/tei+xml; charset=utf-8");
    expect(whole.headers.get("access-control-expose-headers")).toBe("Link");
    expect(whole.headers.get("link")).toBe(
      `<${SITE}/api/dts/collection?id=glossa%3A${SLUG}%401>; rel="collection"`,
    );
    const document = parseXml(await whole.text());
    expect(document.getElementsByTagNameNS(DTS, "wrapper")).toHaveLength(0);
    expect(document.documentElement?.localName).toBe("TEI");

    for (const [query, expected] of [
      ["&ref=3", ["3"]],
      ["&start=2&end=4", ["2", "3", "4"]],
    ] as const) {
      const part = parseXml(await (await dts(getDocument, "/api/dts/document", `${base}${query}`)).text());
      const wrappers = part.getElementsByTagNameNS(DTS, "wrapper");
      expect(wrappers).toHaveLength(1);
      expect(teiSentences(wrappers[0]!).map(([n]) => n)).toEqual(expected);
      const p = edition.passages[Number(expected[0]) - 1]!;
      expect(teiSentences(wrappers[0]!)[0]![1]).toBe(edition.text.slice(p.start, p.end));
    }
  });

  const resource = `resource=glossa:${SLUG}@1`;
  it.each([
    ["navigation", "without a resource", "?down=1", 400],
    ["navigation", "ref=abc", `?${resource}&ref=abc`, 400],
    ["navigation", "ref=0", `?${resource}&ref=0`, 400],
    ["navigation", "a huge ref", `?${resource}&ref=99999999999999999999`, 400],
    ["navigation", "start after end", `?${resource}&start=4&end=2&down=1`, 400],
    ["navigation", "ref with a range", `?${resource}&ref=1&start=1&end=2`, 400],
    ["navigation", "start without end", `?${resource}&start=1`, 400],
    ["navigation", "neither ref nor down", `?${resource}`, 400],
    ["navigation", "down=0 without ref", `?${resource}&down=0`, 400],
    ["navigation", "a repeated ref", `?${resource}&ref=1&ref=2`, 400],
    ["navigation", "a NUL in ref", `?${resource}&ref=%00`, 400],
    ["navigation", "a sentence past the end", `?${resource}&ref=9999`, 404],
    ["navigation", "an unknown resource", "?resource=glossa:nowhere&down=1", 404],
    ["navigation", "an edition the source lacks", `?resource=glossa:${SLUG}@7&down=1`, 404],
    ["navigation", "a foreign identifier", "?resource=urn:cts:latinLit:phi1103&down=1", 404],
    ["navigation", "another citation tree", `?${resource}&down=1&tree=lines`, 404],
    ["document", "without a resource", "?ref=1", 400],
    ["document", "ref=abc", `?${resource}&ref=abc`, 400],
    ["document", "start after end", `?${resource}&start=3&end=1`, 400],
    ["document", "a huge end", `?${resource}&start=1&end=1e309`, 400],
    ["document", "a lone surrogate", `?${resource}&ref=%ED%A0%80`, 400],
    ["document", "a range past the end", `?${resource}&start=1&end=9999`, 404],
    ["document", "an unknown media type", `?${resource}&mediaType=text/html`, 404],
    ["collection", "an unknown resource", "?id=glossa:nowhere@1", 404],
    ["collection", "a bad nav", "?nav=sideways", 400],
  ])("%s, %s (%s): %i", async (endpoint, _case, query, status) => {
    const handler = { navigation: getNavigation, document: getDocument, collection: getCollection }[
      endpoint
    ]!;
    const response = await dts(handler, `/api/dts/${endpoint}`, query);
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error.message).toMatch(/^(dts|No source|text)/u);
  });

  it("never answers a hostile query with a 5xx", async () => {
    const value = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.integer().map(String),
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
      fc.constantFrom("", "-1", "0", "1", "abc", `glossa:${SLUG}`, `glossa:${SLUG}@1`, "\u0000", "\ud800"),
    );
    const query = fc.dictionary(
      fc.constantFrom("resource", "id", "ref", "start", "end", "down", "tree", "nav", "mediaType", "page"),
      value,
      { maxKeys: 5 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("collection", "navigation", "document"),
        query,
        async (endpoint, params) => {
          const handler = { navigation: getNavigation, document: getDocument, collection: getCollection }[
            endpoint
          ]!;
          const response = await dts(handler, `/api/dts/${endpoint}`, `?${new URLSearchParams(params)}`);
          expect([200, 400, 404]).toContain(response.status);
        },
      ),
      { numRuns: 150 },
    );
  });
});
