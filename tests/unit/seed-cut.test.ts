import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cutSeed, SEED_CUTS } from "@/lib/sources/cut-seed";

const seedUrl = new URL("../fixtures/seed-text.pl.txt", import.meta.url);
const seedBytes = readFileSync(seedUrl);
const seed = seedBytes.toString("utf8");

/** The five sections as shared/corpus/README.md gives them: 0-based start and length in characters. */
const EXPECTED_SECTIONS = [
  { slug: "pact-summary", start: 0, length: 477 },
  { slug: "secret-protocol", start: 478, length: 545 },
  { slug: "soviet-note", start: 1024, length: 1057 },
  { slug: "moscicki-address", start: 2082, length: 587 },
  { slug: "kuty-directive", start: 2670, length: 1018 },
];

function shippedText(slug: string): string {
  return readFileSync(new URL(`../../sources/${slug}/text.pl.txt`, import.meta.url), "utf8");
}

describe("cutSeed", () => {
  it("reads the seed as the commissioned text: one line of 3,688 characters, no trailing newline", () => {
    expect(seed).toHaveLength(3688);
    expect(seed).not.toMatch(/\n/);
  });

  it("cuts the seed into the five sources in order, at the documented offsets", () => {
    const sections = cutSeed(seed);
    expect(sections.map(({ slug, start, end }) => ({ slug, start, length: end - start }))).toEqual(
      EXPECTED_SECTIONS,
    );
    for (const section of sections) {
      expect(section.body).toBe(seed.slice(section.start, section.end));
      expect(section.body.length).toBe(section.end - section.start);
    }
  });

  it("starts each section with its phrase and leaves no white space at either end", () => {
    const sections = cutSeed(seed);
    sections.forEach((section, k) => {
      expect(section.body.startsWith(SEED_CUTS[k]!.startsWith)).toBe(true);
      expect(section.body).toBe(section.body.trim());
    });
  });

  it("gives the seed back byte for byte when the bodies are joined with one space", () => {
    const joined = cutSeed(seed)
      .map((section) => section.body)
      .join(" ");
    expect(Buffer.from(joined, "utf8").equals(seedBytes)).toBe(true);
  });

  it.each(EXPECTED_SECTIONS.map((s) => s.slug))(
    "ships sources/%s/text.pl.txt as exactly the cut body plus one trailing newline",
    (slug) => {
      const body = cutSeed(seed).find((section) => section.slug === slug)!.body;
      const file = shippedText(slug);
      expect(file.endsWith("\n")).toBe(true);
      expect(file.endsWith("\n\n")).toBe(false);
      expect(Buffer.from(file.slice(0, -1), "utf8").equals(Buffer.from(body, "utf8"))).toBe(true);
    },
  );

  it("throws an error naming the phrase when a section's start phrase is missing", () => {
    const withoutKuty = seed.replace("Marszałek Edward Rydz- Śmigły wydał", "Marszałek wydał");
    expect(() => cutSeed(withoutKuty)).toThrow(
      'The seed text has no section starting with "Marszałek Edward Rydz- Śmigły wydał"',
    );
  });

  it("throws when two sections are not separated by exactly one space", () => {
    const glued = seed.replace(" W myśl paktu", "W myśl paktu");
    expect(() => cutSeed(glued)).toThrow(/"pact-summary" is not followed by one separating space/);
  });
});
