import { expect, LABELS, test, type Locale } from "./fixtures";

const MISSING: { path: string; locale: Locale }[] = [
  { path: "/en/sources/no-such-source", locale: "en" },
  { path: "/en/sources/no-such-source/1", locale: "en" },
  { path: "/en/sources/kuty-directive/99", locale: "en" },
  { path: "/en/sources/kuty-directive/0", locale: "en" },
  { path: "/en/sources/kuty-directive/abc", locale: "en" },
  { path: "/en/sources/kuty-directive/03", locale: "en" },
  { path: "/en/sources/kuty-directive/3/extra", locale: "en" },
  { path: "/pl/no/such/page", locale: "pl" },
  { path: "/pl/sources/no-such-source", locale: "pl" },
  { path: "/pl/sources/kuty-directive/7", locale: "pl" },
];

test.describe("a page that does not exist", () => {
  for (const { path, locale } of MISSING) {
    test(`${path} answers 404 with the ${locale} “not found” page and a way back`, async ({
      page,
      browserErrors,
    }) => {
      browserErrors.expect({ status: 404, path });
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);

      await expect(page.getByRole("heading", { level: 1, name: LABELS[locale].notFound })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page).toHaveTitle(`${LABELS[locale].notFound} · Glossa`);
      const back = page.getByRole("main").getByRole("link", { name: LABELS[locale].backToLibrary });
      await expect(back).toHaveAttribute("href", `/${locale}`);

      await back.click();
      await expect(page).toHaveURL(`/${locale}`);
      await expect(
        page.getByRole("heading", { level: 1, name: LABELS[locale].libraryHeading }),
      ).toBeVisible();
    });
  }

  test("a path under no known language answers 404 in the browser's language, Polish here", async ({
    page,
    browserErrors,
  }) => {
    browserErrors.expect({ status: 404, path: "/pl/xx/sources/kuty-directive" });
    const response = await page.goto("/xx/sources/kuty-directive");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: LABELS.pl.notFound })).toBeVisible();
    await expect(page.getByRole("link", { name: LABELS.pl.backToLibrary })).toHaveAttribute("href", "/pl");
  });
});
