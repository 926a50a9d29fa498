import type { Response } from "@playwright/test";
import { expect, test, titleOf } from "./fixtures";

/** A bad comparison is the reader's mistake, answered with a page that explains it, never a crash. */
function expectAnsweredWithoutServerError(response: Response | null) {
  expect(response, "the page answered").not.toBeNull();
  const status = response!.status();
  expect(status === 200 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
}

test.describe("a comparison that cannot be shown explains why", () => {
  test("one source only", async ({ page, comparison }) => {
    expectAnsweredWithoutServerError(await comparison.goto("en", ["kuty-directive"]));
    await expect(comparison.problem()).toContainText("Choose at least two sources.");
    await expect(comparison.columnsGroup()).toHaveCount(0);
    // The form to choose again is there, with the one choice kept.
    await expect(page.getByRole("heading", { name: "Choose sources to compare" })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: titleOf("kuty-directive") })).toBeChecked();
  });

  test("no source at all", async ({ page, comparison }) => {
    expectAnsweredWithoutServerError(await page.goto("/en/compare"));
    await expect(comparison.problem()).toContainText("Choose at least two sources.");
  });

  test("the same source twice is one source", async ({ comparison }) => {
    expectAnsweredWithoutServerError(await comparison.goto("en", ["kuty-directive", "kuty-directive"]));
    await expect(comparison.problem()).toContainText("Choose at least two sources.");
  });

  test("four sources", async ({ page, comparison }) => {
    const four = ["pact-summary", "secret-protocol", "soviet-note", "kuty-directive"] as const;
    expectAnsweredWithoutServerError(await comparison.goto("en", [...four]));
    await expect(comparison.problem()).toContainText("Choose at most three sources.");
    await expect(comparison.columnsGroup()).toHaveCount(0);
    for (const slug of four) {
      await expect(page.getByRole("checkbox", { name: titleOf(slug) })).toBeChecked();
    }
  });

  test("the form in the library reports four ticked sources the same way", async ({
    page,
    library,
    comparison,
  }) => {
    await library.goto("en");
    for (const slug of ["pact-summary", "secret-protocol", "soviet-note", "kuty-directive"] as const) {
      await library.compareChoice(titleOf(slug)).check();
    }
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === "/en/compare"),
      library.compareButton().click(),
    ]);
    expectAnsweredWithoutServerError(response);
    await expect(comparison.problem()).toContainText("Choose at most three sources.");
  });

  test("an unknown source is named", async ({ comparison }) => {
    expectAnsweredWithoutServerError(await comparison.goto("en", ["kuty-directive", "no-such-source"]));
    await expect(comparison.problem()).toContainText(
      "There is no source with the identifier “no-such-source”.",
    );
    await expect(comparison.columnsGroup()).toHaveCount(0);
  });

  test("two unknown sources are both named, in Polish too", async ({ comparison }) => {
    expectAnsweredWithoutServerError(
      await comparison.goto("pl", ["kuty-directive", "first-fake", "second-fake"]),
    );
    await expect(comparison.problem()).toContainText("Nie ma źródeł o identyfikatorach:");
    await expect(comparison.problem()).toContainText("„first-fake”");
    await expect(comparison.problem()).toContainText("„second-fake”");
  });

  test("a slug with markup or Polish letters is shown as text, not run", async ({ page, comparison }) => {
    const odd = "<img src=x onerror=alert(1)>źródło";
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    expectAnsweredWithoutServerError(await comparison.goto("en", ["kuty-directive", odd]));
    await expect(comparison.problem()).toContainText(`“${odd}”`);
    await expect(page.locator("main img")).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test("an address that is not a list of sources", async ({ page, comparison }) => {
    expectAnsweredWithoutServerError(await page.goto(`/en/compare?s=kuty-directive&s=${"x".repeat(300)}`));
    await expect(comparison.problem()).toContainText(
      "The comparison address is not valid. Please choose the sources again.",
    );
  });

  test("a single overlong slug is an invalid address, not too many sources", async ({ page, comparison }) => {
    expectAnsweredWithoutServerError(await page.goto(`/en/compare?s=${"x".repeat(300)}`));
    await expect(comparison.problem()).toContainText("The comparison address is not valid.");
  });
});
