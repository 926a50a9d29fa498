import { expect, LABELS, test } from "./fixtures";

test.describe("printing a source for a class handout", () => {
  test("leaves out the header, navigation and toggles and keeps the sentence numbers", async ({
    page,
    reader,
  }) => {
    await reader.goto("en", "kuty-directive");
    await reader.waitUntilReady();
    const banner = page.getByRole("banner").filter({ has: page.getByRole("link", { name: "Glossa home" }) });
    const navigation = page.getByRole("navigation", { name: LABELS.en.mainNavigation });
    const toggles = page.getByRole("group", { name: LABELS.en.textDisplay });
    const skipLink = page.getByRole("link", { name: LABELS.en.skipLink });
    // On screen all of it is there (the skip link until focused only for assistive technology).
    await expect(banner).toBeVisible();
    await expect(navigation).toBeVisible();
    await expect(toggles).toBeVisible();
    await expect(skipLink).toHaveCount(1);

    await page.emulateMedia({ media: "print" });

    await expect(banner).toBeHidden();
    await expect(navigation).toBeHidden();
    await expect(toggles).toBeHidden();
    await expect(reader.numbersToggle()).toBeHidden();
    await expect(skipLink).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: "The Kuty Directive" })).toBeVisible();
    for (let n = 1; n <= 6; n += 1) {
      await expect(reader.numberLink(n)).toBeVisible();
      await expect(reader.original(n)).toBeVisible();
    }
  });

  test("prints the sentence numbers even when they are hidden on screen", async ({ page, reader }) => {
    await reader.goto("en", "kuty-directive");
    await reader.waitUntilReady();
    await reader.numbersToggle().click();
    await expect(reader.numberLink(1)).toBeHidden();

    await page.emulateMedia({ media: "print" });
    for (let n = 1; n <= 6; n += 1) await expect(reader.numberLink(n)).toBeVisible();

    await page.emulateMedia({ media: "screen" });
    await expect(reader.numberLink(1)).toBeHidden();
  });

  test("prints a comparison without the form to change it", async ({ page, comparison }) => {
    await comparison.goto("en", ["soviet-note", "kuty-directive"]);
    const changeForm = page.getByRole("region", { name: "Change selection" });
    await expect(changeForm).toBeVisible();

    await page.emulateMedia({ media: "print" });
    await expect(changeForm).toBeHidden();
    await expect(comparison.columns()).toHaveCount(2);
    await expect(page.getByRole("banner").filter({ has: page.getByRole("navigation") })).toBeHidden();
  });
});
