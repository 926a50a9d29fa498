import { expect, test } from "./fixtures";

test.describe("reading toggles, remembered across visits", () => {
  test("sentence numbers can be hidden, stay hidden after a reload, and come back", async ({
    page,
    reader,
  }) => {
    await reader.goto("en", "kuty-directive");
    await reader.waitUntilReady();
    await expect(reader.numbersToggle()).toHaveAttribute("aria-pressed", "true");
    await expect(reader.numberLink(1)).toBeVisible();

    await reader.numbersToggle().click();
    await expect(reader.numbersToggle()).toHaveAttribute("aria-pressed", "false");
    for (let n = 1; n <= 6; n += 1) await expect(reader.numberLink(n)).toBeHidden();
    // Only the numbers go: the text and its translation stay.
    await expect(reader.original(3)).toBeVisible();
    await expect(reader.translated(3)).toBeVisible();

    await page.reload();
    await reader.waitUntilReady();
    await expect(reader.numbersToggle()).toHaveAttribute("aria-pressed", "false");
    await expect(reader.numberLink(1)).toBeHidden();

    // Remembered on every source, not just this one.
    await reader.goto("en", "soviet-note");
    await reader.waitUntilReady();
    await expect(reader.numberLink(7)).toBeHidden();

    await reader.numbersToggle().click();
    await expect(reader.numbersToggle()).toHaveAttribute("aria-pressed", "true");
    await expect(reader.numberLink(7)).toBeVisible();
    await page.reload();
    await reader.waitUntilReady();
    await expect(reader.numberLink(7)).toBeVisible();
    await expect(reader.numbersToggle()).toHaveAttribute("aria-pressed", "true");
  });

  test("the translation can be hidden, stays hidden after a reload, and comes back", async ({
    page,
    reader,
  }) => {
    const translationHeading = page.getByRole("heading", { name: "Glossa working translation (English)" });
    await reader.goto("en", "kuty-directive");
    await reader.waitUntilReady();
    await expect(reader.translationToggle()).toHaveAttribute("aria-pressed", "true");
    await expect(translationHeading).toBeVisible();
    await expect(reader.translated(1)).toBeVisible();

    await reader.translationToggle().click();
    await expect(reader.translationToggle()).toHaveAttribute("aria-pressed", "false");
    await expect(translationHeading).toBeHidden();
    for (let n = 1; n <= 6; n += 1) await expect(reader.translated(n)).toBeHidden();
    await expect(reader.original(1)).toBeVisible();
    await expect(reader.numberLink(1)).toBeVisible();

    await page.reload();
    await reader.waitUntilReady();
    await expect(reader.translationToggle()).toHaveAttribute("aria-pressed", "false");
    await expect(reader.translated(1)).toBeHidden();
    await expect(translationHeading).toBeHidden();

    await reader.translationToggle().click();
    await expect(reader.translationToggle()).toHaveAttribute("aria-pressed", "true");
    await expect(reader.translated(1)).toBeVisible();
    await expect(translationHeading).toBeVisible();
    await page.reload();
    await reader.waitUntilReady();
    await expect(reader.translated(1)).toBeVisible();
  });

  test("a hidden translation gives the original the full reading width", async ({ reader }) => {
    await reader.goto("en", "kuty-directive");
    await reader.waitUntilReady();
    const before = await reader.original(3).boundingBox();
    await reader.translationToggle().click();
    await expect(reader.translated(3)).toBeHidden();
    await expect
      .poll(async () => (await reader.original(3).boundingBox())?.width)
      .toBeGreaterThan(before!.width);
  });
});
