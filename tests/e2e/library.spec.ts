import { expect, SOURCES, test, type Locale } from "./fixtures";

const KIND_LINE: Record<Locale, string> = { en: "Summary · Polish", pl: "Streszczenie · polski" };
const FIELDS: Record<Locale, { date: string; place: string; issuer: string; length: string }> = {
  en: { date: "Date", place: "Place", issuer: "Issued by", length: "Length" },
  pl: { date: "Data", place: "Miejsce", issuer: "Wystawca", length: "Długość" },
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
        [fields.issuer, source.issuer[locale]],
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
