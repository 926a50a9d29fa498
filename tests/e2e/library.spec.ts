import { expect, SOURCES, test, type Locale } from "./fixtures";

const KIND_LINE: Record<Locale, string> = { en: "Summary · Polish", pl: "Streszczenie · polski" };
const FIELDS: Record<Locale, { date: string; place: string; length: string }> = {
  en: { date: "Date", place: "Place", length: "Length" },
  pl: { date: "Data", place: "Miejsce", length: "Długość" },
};

for (const locale of ["en", "pl"] as const) {
  test(`the ${locale} library lists the five sources with what each is`, async ({ page, library }) => {
    await library.goto(locale);
    await expect(page).toHaveTitle(
      locale === "en" ? "Source library · Glossa" : "Biblioteka źródeł · Glossa",
    );

    const cards = page
      .getByRole("list", { name: locale === "en" ? "Sources" : "Źródła" })
      .getByRole("article");
    await expect(cards).toHaveCount(SOURCES.length);
    await expect(cards.getByRole("heading", { level: 2 })).toHaveText(SOURCES.map((s) => s.title[locale]));

    for (const source of SOURCES) {
      const card = library.sourceCard(source.title[locale]);
      await expect(card.getByText(KIND_LINE[locale], { exact: true })).toBeVisible();
      await expect(card).toContainText(source.about[locale]);
      // Each fact sits beside its label in the card's description list.
      const fields = FIELDS[locale];
      for (const [field, value] of [
        [fields.date, source.date[locale]],
        [fields.place, source.place[locale]],
        // "Issued by", or who signed it (the pact, the protocol, the Soviet note).
        [source.issuerLabel[locale], source.issuer[locale]],
        [fields.length, source.length[locale]],
      ] as const) {
        await expect(card.locator("dt", { hasText: field }).locator("+ dd")).toHaveText(value);
      }
      await expect(library.sourceLink(source.title[locale])).toHaveAttribute(
        "href",
        `/${locale}/sources/${source.slug}`,
      );
      await expect(library.compareChoice(source.title[locale])).not.toBeChecked();
    }
  });
}

test("the reader's full record is in the interface language: signatories, publication and licence", async ({
  page,
}) => {
  await page.goto("/pl/sources/moscicki-address");
  await page.getByText("Pełny opis: publikacja, licencja, wydanie").click();
  const value = (label: string) => page.locator("dt", { hasText: label }).locator("+ dd");
  await expect(value("Publikacja i pochodzenie")).toContainText(
    "Tekst źródłowy Glossy, część 4 (współczesne polskie omówienie dokumentu, nie jego słowa); pierwodruk orędzia niezweryfikowany",
  );
  await expect(value("Licencja")).toHaveText(
    "Rozpowszechniany z Glossą jako część zamówionego przez nią tekstu źródłowego",
  );

  await page.goto("/en/sources/soviet-note");
  await page.getByText("The full record: publication, licence, edition").click();
  await expect(value("Signatory")).toHaveText(
    "Vyacheslav Molotov, People's Commissar for Foreign Affairs of the USSR",
  );
  await expect(value("Licence")).toHaveText("Distributed with Glossa as part of its commissioned seed text");
});
