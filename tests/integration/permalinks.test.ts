/**
 * Permalinks: one stable id per passage, bad requests refused with nothing saved, and what the page
 * learns when it opens one: the passage, whether the quote is verified against its edition, and where
 * it is in a newer edition.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { citePassage } from "@/lib/citations/cite-passage";
import { createPermalink } from "@/lib/permalinks/create-permalink";
import { resolvePermalink } from "@/lib/permalinks/resolve-permalink";
import { importedEdition, type TestEdition } from "../support/annotation-factories";
import { label, outcome } from "../support/factories";
import { testDatabase } from "../support/test-database";

let edition: TestEdition;
beforeAll(async () => {
  edition = await importedEdition("kuty-directive");
});

const rangeOf = (quote: string) => {
  const start = edition.text.indexOf(quote);
  return { start, end: start + quote.length };
};

describe("permalinks", () => {
  it("gives the same short id for the same passage, and opens on it, verified", async () => {
    const passage = rangeOf("Z bolszewikami nie walczyć");
    const first = await createPermalink(
      {
        source: "kuty-directive",
        editionNumber: edition.number,
        ...passage,
      },
      null,
    );
    const again = await createPermalink(
      {
        source: "kuty-directive",
        editionNumber: edition.number,
        ...passage,
      },
      null,
    );
    expect(first.id).toMatch(/^[0-9A-Za-z]{10}$/u);
    expect(again).toEqual({ ...first, created: false });
    const resolved = await resolvePermalink(first.id, null);
    expect(resolved).toMatchObject({
      slug: "kuty-directive",
      verified: true,
      movedToNewer: false,
      notInNewer: false,
      pinned: {
        editionNumber: edition.number,
        quote: "Z bolszewikami nie walczyć",
        firstSentence: 2,
        lastSentence: 2,
      },
      shown: { editionNumber: edition.number, ...passage },
    });
  });

  it.each([
    [
      "an unknown source",
      { source: "nowhere", editionNumber: 1, start: 0, end: 5 },
      "INVALID sourceNotFound",
    ],
    [
      "an edition the source lacks",
      { source: "kuty-directive", editionNumber: 9, start: 0, end: 5 },
      "INVALID editionNotFound",
    ],
    [
      "an empty range",
      { source: "kuty-directive", editionNumber: 1, start: 5, end: 5 },
      "INVALID selectorOutOfRange",
    ],
    [
      "a range past the text",
      { source: "kuty-directive", editionNumber: 1, start: 0, end: 99_999 },
      "INVALID selectorOutOfRange",
    ],
    [
      "offsets that are not whole numbers",
      { source: "kuty-directive", editionNumber: 1, start: 0.5, end: 5 },
      "INVALID selectorInvalid",
    ],
    ["no object at all", "kuty", "INVALID invalidRequest"],
  ])("refuses %s and saves nothing", async (_name, input, expected) => {
    const before = await testDatabase().prisma.permalink.count();
    expect(label(await outcome(() => createPermalink(input, null)))).toBe(expected);
    expect(await testDatabase().prisma.permalink.count()).toBe(before);
  });

  it.each([
    ["a start inside a word", "olszewikami nie", "bolszewikami nie"],
    ["an end inside a word", "Rumunii i Wę", "Rumunii i Węgier"],
    ["both ends inside words", "umunii i Węg", "Rumunii i Węgier"],
    ["whole words", "Rumunii i Węgier", "Rumunii i Węgier"],
  ])("widens %s to whole words", async (_name, selected, expected) => {
    const { start, end } = rangeOf(selected);
    const link = await createPermalink(
      {
        source: "kuty-directive",
        editionNumber: edition.number,
        start,
        end,
      },
      null,
    );
    expect(edition.text.slice(link.start, link.end)).toBe(expected);
    expect((await resolvePermalink(link.id, null)).pinned.quote).toBe(expected);
  });

  it("is NOT_FOUND for unknown and malformed ids", async () => {
    for (const id of ["AAAAAAAAAA", "short", "'; DROP--x", "a".repeat(200)]) {
      expect(label(await outcome(() => resolvePermalink(id, null)))).toBe("NOT_FOUND permalinkNotFound");
    }
  });

  it("says when the quote no longer matches its stored hash", async () => {
    const { id } = await createPermalink(
      {
        source: "kuty-directive",
        editionNumber: 1,
        ...rangeOf("Rumunii i Węgier"),
      },
      null,
    );
    await testDatabase().prisma.permalink.update({ where: { id }, data: { quoteHash: "0".repeat(64) } });
    expect((await resolvePermalink(id, null)).verified).toBe(false);
  });

  it("shows the passage in a newer edition when it is found there, else in its own edition", async () => {
    const prisma = testDatabase().prisma;
    const kept = await createPermalink(
      {
        source: "kuty-directive",
        editionNumber: 1,
        ...rangeOf("dezorientacji wojska"),
      },
      null,
    );
    const lost = await createPermalink(
      {
        source: "kuty-directive",
        editionNumber: 1,
        ...rangeOf("Zbrodni Katyńskiej"),
      },
      null,
    );
    const source = await prisma.source.findUniqueOrThrow({
      where: { slug: "kuty-directive" },
      select: { id: true },
    });
    const text = `Wstęp. ${edition.text.replace("Zbrodni Katyńskiej", "zbrodni")}`;
    await prisma.edition.create({
      data: {
        sourceId: source.id,
        number: 2,
        contentHash: "test",
        text,
        passages: {
          create: [
            { number: 1, start: 0, end: 6 },
            { number: 2, start: 7, end: text.length },
          ],
        },
      },
    });
    try {
      const moved = await resolvePermalink(kept.id, null);
      const at = text.indexOf("dezorientacji wojska");
      expect(moved).toMatchObject({
        movedToNewer: true,
        latestEditionNumber: 2,
        shown: { editionNumber: 2, start: at, end: at + 20, firstSentence: 2, lastSentence: 2 },
        pinned: { editionNumber: 1 },
      });
      const stayed = await resolvePermalink(lost.id, null);
      expect(stayed).toMatchObject({ movedToNewer: false, notInNewer: true, shown: { editionNumber: 1 } });
    } finally {
      await prisma.edition.deleteMany({ where: { sourceId: source.id, number: 2 } });
    }
  });
});

describe("citing a passage", () => {
  it("gives the quotation, its locator, its permalink and every style, in the interface language", async () => {
    const passage = rangeOf("Z bolszewikami nie walczyć");
    const input = { source: "kuty-directive", editionNumber: edition.number, ...passage };
    const cited = await citePassage(input, "en", "https://glossa.example", null);
    const { id } = await createPermalink(input, null);
    expect(cited).toMatchObject({
      quote: "Z bolszewikami nie walczyć",
      locator: "sentence 2",
      permalink: { id, url: `https://glossa.example/en/p/${id}` },
    });
    expect(cited.textFragmentUrl).toMatch(
      /^https:\/\/glossa\.example\/en\/sources\/kuty-directive#:~:text=/u,
    );
    expect(cited.styles["mla-in-text"].text).toContain("sentence 2");
    expect(cited.styles["chicago-note"].text).toContain(`https://glossa.example/en/p/${id}`);
    expect(cited.exports.bibtex).toMatch(/^@/u);
    expect(JSON.parse(cited.exports.cslJson)).toBeTruthy();
    expect(cited.widened).toBe(false);
    const polish = await citePassage(input, "pl", "https://glossa.example", null);
    expect(polish.locator).toBe("zd. 2");
    expect(polish.styles["chicago-note"].text).toContain("zd. 2");
  });

  it("cites a selection cut mid-word as the whole words, and says it was widened", async () => {
    const { start, end } = rangeOf("olszewikami nie walcz");
    const cited = await citePassage(
      { source: "kuty-directive", editionNumber: edition.number, start, end },
      "pl",
      "https://glossa.example",
      null,
    );
    expect(cited).toMatchObject({ quote: "bolszewikami nie walczyć", widened: true, locator: "zd. 2" });
    const note = cited.styles["chicago-note"].text;
    expect(note.replace(/dostęp \d{1,2} \p{L}+ \d{4}/u, "dostęp …")).toBe(
      `„Dyrektywa z Kut” [omówienie], Glossa, wyd. 1, zd. 2, dostęp …, https://glossa.example/pl/p/${cited.permalink.id}.`,
    );
    expect(cited.styles.apa.text).toContain("z https://glossa.example/pl/sources/kuty-directive");
  });
});
