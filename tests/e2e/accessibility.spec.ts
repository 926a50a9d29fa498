import { expect, expectNoAxeViolations, LABELS, test } from "./fixtures";

test.describe("no axe violations (WCAG 2.1 A/AA and best practices)", () => {
  test("Polish library", async ({ page, library }) => {
    await library.goto("pl");
    await expectNoAxeViolations(page);
  });

  test("English library", async ({ page, library }) => {
    await library.goto("en");
    await expectNoAxeViolations(page);
  });

  test("source page", async ({ page, reader }) => {
    await reader.goto("en", "kuty-directive");
    await reader.waitUntilReady();
    await expectNoAxeViolations(page);
  });

  test("source page with a twin highlighted and the numbers hidden", async ({ page, reader }) => {
    await reader.goto("pl", "soviet-note");
    await reader.waitUntilReady();
    await reader.numbersToggle().click();
    await expect(reader.numberLink(1)).toBeHidden();
    await reader.original(2).hover();
    await expect(reader.translated(2)).toHaveAttribute("data-twin-active", "");
    await expectNoAxeViolations(page);
  });

  test("sentence page", async ({ page, reader }) => {
    await reader.goto("en", "kuty-directive", 3);
    await reader.waitUntilReady();
    await expect(reader.original(3)).toHaveAttribute("aria-current", "true");
    await expectNoAxeViolations(page);
  });

  test("compare page", async ({ page, comparison }) => {
    await comparison.goto("en", ["pact-summary", "soviet-note", "kuty-directive"]);
    await expect(comparison.columns()).toHaveCount(3);
    await expectNoAxeViolations(page);
  });

  test("compare page on a narrow screen", async ({ page, comparison }) => {
    await page.setViewportSize({ width: 400, height: 800 });
    await comparison.goto("pl", ["soviet-note", "kuty-directive"]);
    await expect(comparison.columns()).toHaveCount(2);
    await expectNoAxeViolations(page);
  });

  test("compare page with an error", async ({ page, comparison }) => {
    await comparison.goto("en", ["kuty-directive", "no-such-source"]);
    await expect(comparison.problem()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("404 page", async ({ page, browserErrors }) => {
    browserErrors.expect({ status: 404, path: "/en/sources/no-such-source" });
    await page.goto("/en/sources/no-such-source");
    await expect(page.getByRole("heading", { level: 1, name: LABELS.en.notFound })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("Polish 404 page", async ({ page, browserErrors }) => {
    browserErrors.expect({ status: 404, path: "/pl/no/such/page" });
    await page.goto("/pl/no/such/page");
    await expect(page.getByRole("heading", { level: 1, name: LABELS.pl.notFound })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test.describe("in the dark colour scheme", () => {
    test.use({ colorScheme: "dark" });

    test("source page", async ({ page, reader }) => {
      await reader.goto("en", "kuty-directive", 2);
      await reader.waitUntilReady();
      await expectNoAxeViolations(page);
    });

    test("compare page with an error", async ({ page, comparison }) => {
      await comparison.goto("pl", ["kuty-directive"]);
      await expect(comparison.problem()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
});
