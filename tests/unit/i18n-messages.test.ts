import { describe, expect, it } from "vitest";
import en from "../../lib/i18n/messages/en.json";
import pl from "../../lib/i18n/messages/pl.json";

type Messages = { [key: string]: string | Messages };

/** Every leaf of a message tree as [dotted key, value]. */
function leaves(messages: Messages, prefix = ""): [string, unknown][] {
  return Object.entries(messages).flatMap(([key, value]): [string, unknown][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === "object" ? leaves(value, path) : [[path, value]];
  });
}

const catalogues = { pl: pl as Messages, en: en as Messages };

describe("interface messages", () => {
  it("has exactly the same keys in Polish and English", () => {
    const plKeys = leaves(catalogues.pl)
      .map(([key]) => key)
      .sort();
    const enKeys = leaves(catalogues.en)
      .map(([key]) => key)
      .sort();
    expect(enKeys).toEqual(plKeys);
  });

  it.each(Object.entries(catalogues))("has no empty or non-text message in %s", (_locale, messages) => {
    const bad = leaves(messages).filter(([, value]) => typeof value !== "string" || value.trim() === "");
    expect(bad).toEqual([]);
  });

  it("gives every Polish plural the one, few and many forms", () => {
    const plurals = leaves(catalogues.pl).filter(
      ([, value]) => typeof value === "string" && value.includes(", plural,"),
    );
    expect(plurals.length).toBeGreaterThan(0);
    for (const [key, value] of plurals) {
      for (const form of ["one {", "few {", "many {", "other {"]) {
        expect(value, `${key} lacks ${form}`).toContain(form);
      }
    }
  });
});
