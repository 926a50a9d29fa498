import type { Page } from "@playwright/test";
import { expect, LABELS, test, type Locale } from "./fixtures";

/**
 * Pages named without a language, as people type or share them, and where an anonymous visitor
 * lands in each language: the page itself, or the sign-in page that brings them back to it.
 */
const LOCALELESS_PAGES: { path: string; landsOn: string; heading: Record<Locale, string> }[] = [
  { path: "/join", landsOn: "/sign-in?next=%2F{locale}%2Fjoin", heading: { en: "Sign in", pl: "Logowanie" } },
  {
    path: "/check?q=Kuty",
    landsOn: "/check?q=Kuty",
    heading: { en: "Check a quotation", pl: "Sprawdź cytat" },
  },
  {
    path: "/groups",
    landsOn: "/sign-in?next=%2F{locale}%2Fgroups",
    heading: { en: "Sign in", pl: "Logowanie" },
  },
  { path: "/sign-up", landsOn: "/sign-up", heading: { en: "Create an account", pl: "Zakładanie konta" } },
  {
    path: "/account",
    landsOn: "/sign-in?next=%2F{locale}%2Faccount",
    heading: { en: "Sign in", pl: "Logowanie" },
  },
];

/** Opens each page without a language, and checks it is shown in `locale`, not a 404. */
async function expectLocalelessPagesIn(page: Page, locale: Locale) {
  for (const { path, landsOn, heading } of LOCALELESS_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page).toHaveURL(`/${locale}${landsOn.replaceAll("{locale}", locale)}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1, name: heading[locale] })).toBeVisible();
  }
}

test.describe("choosing the interface language", () => {
  test("the English switch on a Polish source page shows it in English and is remembered", async ({
    page,
  }) => {
    await page.goto("/pl/sources/soviet-note");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("heading", { level: 1, name: "Nota ZSRR z 17 września 1939" })).toBeVisible();

    await page.getByRole("link", { name: LABELS.pl.switchLanguage }).click();

    await expect(page).toHaveURL("/en/sources/soviet-note");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(
      page.getByRole("heading", { level: 1, name: "The Soviet Note of 17 September 1939" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "About this source" })).toBeVisible();
    await expect(page.getByRole("link", { name: LABELS.en.library, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: LABELS.en.switchLanguage })).toBeVisible();

    // The browser asks for Polish (the project's default locale is pl-PL), but the choice wins.
    await page.goto("/");
    await expect(page).toHaveURL("/en");
    await expect(page.getByRole("heading", { level: 1, name: LABELS.en.libraryHeading })).toBeVisible();
    await page.goto("/sources/kuty-directive/2");
    await expect(page).toHaveURL("/en/sources/kuty-directive/2");
  });

  test("switching back to Polish is remembered too", async ({ page }) => {
    await page.goto("/en/sources/kuty-directive/3");
    await page.getByRole("link", { name: LABELS.en.switchLanguage }).click();
    await expect(page).toHaveURL("/pl/sources/kuty-directive/3");
    await expect(page.getByRole("heading", { level: 1, name: "Dyrektywa z Kut" })).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL("/pl");
  });

  test("the switch on a comparison keeps the selection", async ({ page }) => {
    await page.goto("/pl/compare?s=soviet-note&s=kuty-directive");
    await page.getByRole("link", { name: LABELS.pl.switchLanguage }).click();
    await expect(page).toHaveURL("/en/compare?s=soviet-note&s=kuty-directive");
    await expect(
      page.getByRole("group", { name: LABELS.en.comparedColumns }).getByRole("region"),
    ).toHaveCount(2);
  });

  test("a switch link pointing at another site goes to the library instead", async ({ page }) => {
    await page.goto("/locale?to=en&next=//example.com/");
    await expect(page).toHaveURL("/en");
  });

  test("a switch link to a path with Polish letters redirects rather than failing", async ({ request }) => {
    const response = await request.get("/locale?to=en&next=/en/sources/źródło", { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()["location"]).toBe("/en/sources/%C5%BAr%C3%B3d%C5%82o");
  });

  test("an unknown language in a switch link is refused with a message", async ({ request }) => {
    const response = await request.get("/locale?to=de&next=/de", { maxRedirects: 0 });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("Choose pl or en");
  });

  test.describe("a browser that prefers English", () => {
    test.use({ locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } });

    test("lands on the English library", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL("/en");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1, name: LABELS.en.libraryHeading })).toBeVisible();
    });

    test("follows a sentence link without a language to the English sentence page", async ({ page }) => {
      await page.goto("/sources/kuty-directive/2");
      await expect(page).toHaveURL("/en/sources/kuty-directive/2");
      await expect(page.getByRole("link", { name: "Sentence 2", exact: true })).toBeVisible();
    });

    test("follows a source link without a language to the English reader", async ({ page }) => {
      await page.goto("/sources/kuty-directive");
      await expect(page).toHaveURL("/en/sources/kuty-directive");
    });

    test("follows a comparison link without a language, selection kept", async ({ page }) => {
      await page.goto("/compare?s=soviet-note&s=kuty-directive");
      await expect(page).toHaveURL("/en/compare?s=soviet-note&s=kuty-directive");
    });

    test("gets the join, check, groups, sign-up and account pages without a language in English", async ({
      page,
    }) => {
      await expectLocalelessPagesIn(page, "en");
    });

    test("gets a path no page has in English: the English 404", async ({ page, browserErrors }) => {
      browserErrors.expect({ status: 404, path: "/en/no-such-page" });
      const response = await page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await expect(page).toHaveURL("/en/no-such-page");
      await expect(page.getByRole("heading", { level: 1, name: LABELS.en.notFound })).toBeVisible();
    });
  });

  test.describe("a browser that prefers Polish", () => {
    test.use({ locale: "pl", extraHTTPHeaders: { "Accept-Language": "pl" } });

    test("lands on the Polish library", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL("/pl");
      await expect(page.getByRole("heading", { level: 1, name: LABELS.pl.libraryHeading })).toBeVisible();
    });

    test("follows a sentence link without a language to the Polish sentence page", async ({ page }) => {
      await page.goto("/sources/kuty-directive/2");
      await expect(page).toHaveURL("/pl/sources/kuty-directive/2");
      await expect(page.getByRole("link", { name: "Zdanie 2", exact: true })).toBeVisible();
    });

    test("gets the join, check, groups, sign-up and account pages without a language in Polish", async ({
      page,
    }) => {
      await expectLocalelessPagesIn(page, "pl");
    });
  });

  test.describe("a browser that prefers neither language", () => {
    test.use({ locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9,fr;q=0.5" } });

    test("gets Polish, the default", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL("/pl");
    });
  });
});
