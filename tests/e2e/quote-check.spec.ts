import type { Page } from "@playwright/test";
import { test as base, expect, expectNoAxeViolations, LABELS, tabTo, type Locale } from "./fixtures";

/** The quote checker's words, in each language. */
const CHECK = {
  en: {
    navLink: "Check a quotation",
    field: "Quotation",
    submit: "Check the quotation",
    exact: "Found word for word",
    ellipsis: "Found word for word, with omissions",
    near: "Not exact",
    notFound: "Not found",
    cite: "Cite this passage",
    reader: "Open in the reader",
  },
  pl: {
    navLink: "Sprawdź cytat",
    field: "Cytat",
    submit: "Sprawdź cytat",
    exact: "Znaleziono – cytat dokładny",
    ellipsis: "Znaleziono – cytat dokładny, z pominięciami",
    near: "Cytat niedokładny",
    notFound: "Nie znaleziono",
    cite: "Zacytuj ten fragment",
    reader: "Otwórz w czytniku",
  },
} as const;

type Outcome = "exact" | "ellipsis" | "near" | "notFound";

/** The quote checker (`/{locale}/check`): the form, and the answer as a region named by its heading. */
function createQuoteCheckPage(page: Page) {
  let locale: Locale = "en";
  const words = () => CHECK[locale];
  return {
    async goto(to: Locale) {
      locale = to;
      await page.goto(`/${to}/check`);
      await expect(page.getByRole("heading", { level: 1, name: words().navLink })).toBeVisible();
    },
    /** Which language's words to use after arriving by a link rather than goto(). */
    useLocale(to: Locale) {
      locale = to;
    },
    field() {
      return page.getByRole("textbox", { name: words().field });
    },
    /** Types the quotation and submits the form with its button. */
    async check(quotation: string) {
      await this.field().fill(quotation);
      await page.getByRole("button", { name: words().submit }).click();
      await page.waitForURL((url) => url.pathname === `/${locale}/check` && url.searchParams.has("q"));
    },
    result(outcome: Outcome) {
      return page.getByRole("region", { name: words()[outcome], exact: true });
    },
    anyResult() {
      return page.getByRole("region").filter({ has: page.getByRole("heading", { level: 2 }) });
    },
    citeLink() {
      return page.getByRole("link", { name: words().cite });
    },
    readerLink() {
      return page.getByRole("link", { name: words().reader });
    },
  };
}

const test = base.extend<{ quoteCheck: ReturnType<typeof createQuoteCheckPage> }>({
  quoteCheck: async ({ page }, provide) => {
    await provide(createQuoteCheckPage(page));
  },
});

const KUTY_EXACT = "„Z bolszewikami nie walczyć”";
/** Sentence 2 of the Kuty directive with "natarcia" changed to "ataku" and "próby" dropped. */
const KUTY_ALTERED =
  "Z bolszewikami nie walczyć, chyba w razie ataku z ich strony lub rozbrojenia oddziałów.";
const KUTY_SOURCE =
  "Z bolszewikami nie walczyć, chyba w razie natarcia z ich strony lub próby rozbrojenia oddziałów.";
/** In no source and in no working translation (an English paraphrase would now match the translation). */
const FOREIGN = "The quick brown fox jumps over the lazy dog by the river bank.";
/** Sentence 4 of the Soviet note in the working translation. */
const SOVIET_TRANSLATED = "Potemkin presented the note to the ambassador just as hostilities were beginning.";
const PACT_ELLIPSIS = "Niemcom zabezpieczał front wschodni […] i ataku na Polskę.";
const PERMALINK = /^\/en\/p\/[0-9A-Za-z]{10}$/u;

test.describe("checking a quotation", () => {
  test("an exact quotation is found, with its sentence and a link to cite it", async ({
    page,
    quoteCheck,
  }) => {
    await quoteCheck.goto("en");
    await quoteCheck.check(KUTY_EXACT);

    const result = quoteCheck.result("exact");
    await expect(result).toBeVisible();
    await expect(result).toContainText("Found in The Kuty Directive, sentence 2, edition 1.");
    await expect(result.getByRole("blockquote")).toHaveText("“Z bolszewikami nie walczyć”");
    await expect(quoteCheck.citeLink()).toHaveAttribute("href", PERMALINK);
    await expect(quoteCheck.readerLink()).toHaveAttribute("href", "/en/sources/kuty-directive/2");
    // What was typed stays in the field, and the check is in the URL, to share.
    await expect(quoteCheck.field()).toHaveValue(KUTY_EXACT);
    expect(new URL(page.url()).searchParams.get("q")).toBe(KUTY_EXACT);
    await expectNoAxeViolations(page);

    // The same passage always gets the same permalink.
    const href = await quoteCheck.citeLink().getAttribute("href");
    await page.reload();
    await expect(quoteCheck.citeLink()).toHaveAttribute("href", href!);
  });

  test("an altered quotation is compared word by word, with the differences in words", async ({
    page,
    quoteCheck,
  }) => {
    await quoteCheck.goto("en");
    await quoteCheck.check(KUTY_ALTERED);

    const result = quoteCheck.result("near");
    await expect(result).toBeVisible();
    await expect(result).toContainText("Closest: The Kuty Directive, sentence 2, edition 1");
    // The marks say what changed to a screen reader too, not by colour or strike-through alone.
    const comparison = result.getByRole("paragraph").filter({ has: page.getByRole("deletion") });
    await expect(comparison.getByRole("deletion")).toHaveText("ataku");
    await expect(comparison.getByRole("insertion")).toHaveText(["natarcia", "próby"]);
    await expect(comparison).toContainText("changed from ataku to natarcia");
    await expect(comparison).toContainText("left out without an ellipsis mark: próby");

    await expect(result.getByRole("heading", { name: "2 differences" })).toBeVisible();
    await expect(result.getByRole("list").filter({ hasText: "Changed:" }).getByRole("listitem")).toHaveText([
      "Changed: your quotation has “ataku” where the source has “natarcia”.",
      "Left out without an ellipsis mark: “próby”. Put the words back, or mark the omission with […].",
    ]);
    await expect(result.getByRole("blockquote")).toHaveText(`“${KUTY_SOURCE}”`);
    await expect(quoteCheck.citeLink()).toHaveAttribute("href", PERMALINK);
    await expectNoAxeViolations(page);
  });

  test("an English quotation matches the working translation, and the original passage is beside it", async ({
    page,
    quoteCheck,
  }) => {
    await quoteCheck.goto("en");
    await quoteCheck.check(SOVIET_TRANSLATED);

    const result = quoteCheck.result("exact");
    await expect(result).toContainText("Matched the translation, not the original.");
    await expect(result).toContainText(
      /Glossa’s English working translation of .+, sentence 4, not from the source’s own text/u,
    );
    await expect(result.getByRole("figure", { name: "Original passage (Polish)" })).toContainText(
      "Potiomkin przedstawił notę ambasadorowi już w chwili rozpoczęcia działań wojennych.",
    );
    await expect(result.getByRole("figure", { name: "Working translation (English)" })).toContainText(
      SOVIET_TRANSLATED,
    );
    // What is cited is the original passage (its permalink), read at that sentence.
    await expect(quoteCheck.citeLink()).toHaveAttribute("href", PERMALINK);
    await expect(quoteCheck.readerLink()).toHaveAttribute("href", "/en/sources/soviet-note/4");
    await expectNoAxeViolations(page);
  });

  test("a quotation from elsewhere is not found, with the closest passages", async ({ page, quoteCheck }) => {
    await quoteCheck.goto("en");
    await quoteCheck.check(FOREIGN);

    const result = quoteCheck.result("notFound");
    await expect(result).toContainText("No source in the library contains this quotation");
    await expect(result.getByRole("heading", { name: "Closest passages" })).toBeVisible();
    const closest = result.getByRole("listitem");
    await expect(closest).toHaveCount(3);
    for (const item of await closest.all()) {
      await expect(item.getByRole("link")).toHaveAttribute("href", /^\/en\/sources\/[a-z-]+\/\d+$/u);
      await expect(item.getByRole("link")).toHaveText(/, sentence \d+$/u);
      await expect(item).toContainText(/\d+% similar/u);
      await expect(item.getByRole("blockquote")).not.toBeEmpty();
    }
    await expect(quoteCheck.citeLink()).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("an empty quotation is an error on the field, and nothing is checked", async ({
    page,
    quoteCheck,
  }) => {
    await quoteCheck.goto("en");
    await quoteCheck.check("  ");

    await expect(quoteCheck.field()).toHaveAttribute("aria-invalid", "true");
    await expect(quoteCheck.field()).toHaveAccessibleDescription(/Paste or type the quotation to check\./u);
    await expect(quoteCheck.anyResult()).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("a quotation too long to check is an error that keeps what was typed", async ({
    page,
    quoteCheck,
  }) => {
    const long = `${"Pakt miał duże znaczenie dla obu państw. ".repeat(60)}`.trim();
    await page.goto(`/en/check?${new URLSearchParams({ q: long })}`);
    quoteCheck.useLocale("en");
    await expect(quoteCheck.field()).toHaveAttribute("aria-invalid", "true");
    await expect(quoteCheck.field()).toHaveAccessibleDescription(/at most 2,000/u);
    await expect(quoteCheck.field()).toHaveValue(long);
    await expect(quoteCheck.anyResult()).toHaveCount(0);
  });

  test("in Polish, from the navigation: a quotation with an ellipsis is exact, the omission shown", async ({
    page,
    quoteCheck,
  }) => {
    await page.goto("/pl");
    await page
      .getByRole("navigation", { name: LABELS.pl.mainNavigation })
      .getByRole("link", { name: CHECK.pl.navLink })
      .click();
    await expect(page).toHaveURL("/pl/check");
    quoteCheck.useLocale("pl");
    await expect(page.getByRole("link", { name: CHECK.pl.navLink })).toHaveAttribute("aria-current", "page");
    await quoteCheck.check(PACT_ELLIPSIS);

    const result = quoteCheck.result("ellipsis");
    await expect(result).toContainText("Źródło: Pakt o nieagresji (streszczenie), zdanie 3, wydanie 1.");
    await expect(result.getByRole("blockquote")).toContainText("pominięto: podczas planowanej wojny");
    await expect(result.getByRole("heading", { name: "Pominięte (zaznaczone wielokropkiem)" })).toBeVisible();
    await expect(result.getByRole("listitem").filter({ hasText: "planowanej" })).toHaveText(
      "„podczas planowanej wojny”",
    );
    await expect(quoteCheck.citeLink()).toHaveAttribute("href", /^\/pl\/p\/[0-9A-Za-z]{10}$/u);
    await expect(quoteCheck.readerLink()).toHaveAttribute("href", "/pl/sources/pact-summary/3");
    await expectNoAxeViolations(page);
  });

  test("works from the keyboard alone", async ({ page, quoteCheck }) => {
    await quoteCheck.goto("en");
    await tabTo(page, quoteCheck.field());
    await page.keyboard.type(KUTY_ALTERED);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: CHECK.en.submit })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(quoteCheck.result("near")).toBeVisible();
    await tabTo(page, quoteCheck.citeLink());
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the form still checks, and the answer has the same address", async ({
      page,
      quoteCheck,
      browserErrors,
    }) => {
      // With scripting off, Chromium blocks the page's scripts (reported as "csp"): nothing the reader misses.
      browserErrors.expect({ message: /^csp GET \/_next\/static\/chunks\// });
      await quoteCheck.goto("en");
      await quoteCheck.check(KUTY_EXACT);
      await expect(quoteCheck.result("exact")).toContainText("sentence 2");
      expect(new URL(page.url()).hash).toBe("#result");
    });
  });

  test.describe("in the dark colour scheme", () => {
    test.use({ colorScheme: "dark" });

    test("an altered quotation", async ({ page, quoteCheck }) => {
      await quoteCheck.goto("pl");
      await quoteCheck.check(KUTY_ALTERED);
      await expect(quoteCheck.result("near")).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test("a quotation with an ellipsis, and an empty one", async ({ page, quoteCheck }) => {
      await quoteCheck.goto("en");
      await quoteCheck.check(PACT_ELLIPSIS);
      await expect(quoteCheck.result("ellipsis")).toBeVisible();
      await expectNoAxeViolations(page);
      await quoteCheck.check("");
      await expect(quoteCheck.field()).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page);
    });
  });
});
