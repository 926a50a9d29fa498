import { test, expect, expectNoAxeViolations, createReaderPage } from "./fixtures";

/**
 * Search: from the header box as one types (a combobox of suggestions), and the results page that
 * works without JavaScript and is shared by its address. Notes under the policy are covered by the
 * integration tests (tests/integration/search.test.ts, the authorization matrix).
 */
test.describe("search", () => {
  test("suggests sentences as one types in the header, and opens one in the reader", async ({ page }) => {
    await page.goto("/en");
    const box = page.getByRole("combobox", { name: "Search" });
    await box.fill("Smigly");
    const suggestions = page.getByRole("listbox", { name: "Suggestions" });
    await expect(suggestions).toBeVisible();
    const first = suggestions.getByRole("option").first();
    await expect(first).toContainText(/The Kuty directive/iu);
    await expect(first.locator("mark").first()).toHaveText("Śmigły");
    await expectNoAxeViolations(page);
    // Escape closes the list; the arrow opens it again and moves to the first suggestion.
    await box.press("Escape");
    await expect(suggestions).toBeHidden();
    await box.press("ArrowDown");
    await box.press("ArrowDown");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await box.press("Enter");
    await page.waitForURL(/\/en\/sources\/kuty-directive\/\d+$/u);
    const sentence = Number(new URL(page.url()).pathname.split("/").at(-1));
    // The sentence page marks the sentence it opened on.
    await expect(createReaderPage(page).original(sentence)).toHaveAttribute("aria-current", "true");
  });

  test("the header form leads to grouped results that link to the sentence", async ({ page }) => {
    await page.goto("/pl");
    await page.getByRole("combobox", { name: "Szukaj" }).fill("dyrektywa");
    await page.getByRole("button", { name: "Szukaj", exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname === "/pl/search" && url.searchParams.get("q") === "dyrektywa",
    );
    await expect(page.getByRole("heading", { level: 2, name: /Fragmenty/u })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /Notatki/u })).toBeVisible();
    await expect(page.getByText("Zaloguj się, aby przeszukiwać swoje notatki")).toBeVisible();
    await expect(page.getByRole("main").locator("mark", { hasText: "dyrektywę" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the results page works from its address, with filters in the URL", async ({
      page,
      browserErrors,
    }) => {
      // With scripting off, Chromium blocks the page's scripts (reported as "csp"): nothing is missed.
      browserErrors.expect({ message: /^csp GET \/_next\/static\/chunks\// });
      await page.goto("/en/search?q=Grzybowski&source=soviet-note");
      const passages = page.getByRole("region", { name: /Passages/u });
      await expect(passages.getByRole("heading", { level: 2 })).toContainText(/\d+ sentences?/u);
      await expect(passages.locator("mark", { hasText: "Grzybowskiemu" })).toBeVisible();
      await expect(page.getByRole("combobox", { name: "Source" })).toHaveValue("soviet-note");
      await page.getByRole("searchbox", { name: "Search for" }).fill('"rydz smigly"');
      await page.getByRole("combobox", { name: "Source" }).selectOption("");
      await page.getByRole("main").getByRole("button", { name: "Search" }).click();
      await page.waitForURL((url) => url.searchParams.get("q") === '"rydz smigly"');
      const link = page.getByRole("link", { name: /The Kuty directive, sentence 1/iu });
      await link.click();
      await page.waitForURL("**/en/sources/kuty-directive/1");
    });
  });
});
