import { describe, expect, it } from "vitest";
import { readSourceFolder } from "@/lib/sources/read-source-folder";

const SOURCES = new URL("../../sources/", import.meta.url).pathname;

/**
 * The lines of the English working translation corrected in its second edition (issue 12), as the
 * reader numbers them (the Polish text's sentences, lib/sources/segment-sentences): before → after.
 */
const CORRECTIONS = [
  {
    slug: "soviet-note",
    sentence: 3,
    before:
      "The USSR also declared all its agreements with Poland void, as concluded with a state that no longer existed.",
    after:
      "The USSR also declared all its agreements with Poland no longer binding, as concluded with a state that no longer existed.",
  },
  {
    slug: "soviet-note",
    sentence: 4,
    before: "Potemkin presented the note to the ambassador when hostilities had already begun.",
    after: "Potemkin presented the note to the ambassador just as hostilities were beginning.",
  },
  {
    slug: "secret-protocol",
    sentence: 1,
    before:
      "Under the pact the Baltic countries, Estonia, Latvia and Finland, became a sphere of influence and future territory of the USSR, while the northern border of Lithuania (with Latvia) was to be the boundary between the German and Soviet spheres of interest.",
    after:
      "Under the pact the Baltic countries: Estonia, Latvia and Finland became a sphere of influence and future territory of the USSR, while the northern border of Lithuania (with Latvia) was to be the boundary between the German and Soviet spheres of interest.",
  },
  {
    slug: "secret-protocol",
    sentence: 2,
    before: "On Polish territory this boundary ran along the line of the Narew, Vistula and San rivers.",
    after: "On Polish territory this zone ran along the line of the Narew, Vistula and San.",
  },
  {
    slug: "pact-summary",
    sentence: 4,
    before:
      "For the USSR it bought time to prepare for a possible confrontation with Hitler, and it enlarged Soviet territory.",
    after:
      "For the USSR it bought time to prepare for a possible confrontation with Hitler, and it enlarged [its] territory.",
  },
  {
    slug: "kuty-directive",
    sentence: 2,
    before:
      '"Do not fight the Bolsheviks, unless they attack or try to disarm our units. Towns approached by the Bolsheviks should negotiate with them for the withdrawal of the garrisons to Hungary or Romania," wrote Rydz-Śmigły.',
    after:
      '"Do not fight the Bolsheviks, unless they attack or try to disarm [our] units. Towns approached by the Bolsheviks should negotiate with them for the withdrawal of the garrisons to Hungary or Romania," wrote Rydz-Śmigły.',
  },
  {
    slug: "kuty-directive",
    sentence: 5,
    before:
      "Under a decree of the Soviet authorities signed by Stalin on 5 March 1940, they were shot by the NKVD between April and May 1940 at Katyn, Kharkiv and Tver, and buried at Mednoye.",
    after:
      "Under a decree of the Soviet authorities signed by Stalin on 5 March 1940, they were shot by the NKVD from April to May 1940 at Katyn, Kharkov and Kalinin (today Tver), and buried at Mednoye.",
  },
];

describe("the English working translation, second edition", () => {
  it.each(CORRECTIONS)(
    "reads as corrected in $slug, sentence $sentence",
    async ({ slug, sentence, after }) => {
      const folder = await readSourceFolder(SOURCES, slug);
      expect(folder.translation!.sentences[sentence - 1]).toBe(after);
    },
  );

  it.each(["soviet-note", "secret-protocol", "pact-summary", "kuty-directive"])(
    "declares the revision of %s: its edition, who revised it and when, still labelled a working translation",
    async (slug) => {
      const { translation } = await readSourceFolder(SOURCES, slug);
      expect(translation).toMatchObject({
        label: "Glossa working translation",
        revision: 2,
        revisedBy: {
          pl: "redakcja Glossy, po recenzji historyka",
          en: "Glossa's editors, after a historian's review",
        },
        revisedOn: "2026-12-05",
      });
    },
  );

  it("keeps none of the corrected lines anywhere in the translation", async () => {
    for (const { slug, sentence, before } of CORRECTIONS) {
      const { translation } = await readSourceFolder(SOURCES, slug);
      expect(translation!.sentences).not.toContain(before);
      expect(translation!.sentences[sentence - 1]).not.toBe(before);
    }
  });
});
