import { expect, expectVisibleFocus, LABELS, tabTo, test, titleOf } from "./fixtures";

test.describe("keyboard only", () => {
  test("the skip link is the first stop and moves focus to the main content", async ({ page, library }) => {
    await library.goto("en");
    const skipLink = page.getByRole("link", { name: LABELS.en.skipLink });

    await page.keyboard.press("Tab");
    await expectVisibleFocus(skipLink);
    await expect(skipLink).toBeInViewport();

    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
    // The next Tab goes on inside the main content, past the header's links.
    await page.keyboard.press("Tab");
    const focusedInMain = await page
      .getByRole("main")
      .evaluate((main) => main !== document.activeElement && main.contains(document.activeElement));
    expect(focusedInMain).toBe(true);
  });

  test("a source can be opened, its translation hidden and a sentence followed", async ({
    page,
    library,
    reader,
  }) => {
    await library.goto("en");

    const sourceLink = library.sourceLink(titleOf("kuty-directive"));
    await tabTo(page, sourceLink);
    await expectVisibleFocus(sourceLink);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/en/sources/kuty-directive");
    await reader.waitUntilReady();

    // Forwards to the translation toggle, one step too far, then back.
    await tabTo(page, reader.translationToggle());
    await page.keyboard.press("Tab");
    await expect(reader.translationToggle()).not.toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expectVisibleFocus(reader.translationToggle());
    await page.keyboard.press("Space");
    await expect(reader.translationToggle()).toHaveAttribute("aria-pressed", "false");
    await expect(reader.translated(1)).toBeHidden();

    await tabTo(page, reader.numberLink(3));
    await expectVisibleFocus(reader.numberLink(3));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/en/sources/kuty-directive/3");
    await expect(reader.original(3)).toHaveAttribute("aria-current", "true");
    await expect(reader.original(3)).toBeInViewport();
    // The translation stays hidden on the next page.
    await expect(reader.translated(3)).toBeHidden();
  });

  test("two sources can be compared with the keyboard", async ({ page, library, comparison }) => {
    await library.goto("pl");
    comparison.useLocale("pl");

    for (const slug of ["soviet-note", "kuty-directive"] as const) {
      const choice = library.compareChoice(titleOf(slug, "pl"));
      await tabTo(page, choice);
      await expectVisibleFocus(choice);
      await page.keyboard.press("Space");
      await expect(choice).toBeChecked();
    }
    await tabTo(page, library.compareButton());
    await expectVisibleFocus(library.compareButton());
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/pl\/compare\?/u);
    await expect(comparison.columns()).toHaveCount(2);
    // Each column takes focus, so its text can be scrolled with the arrow keys.
    const column = comparison.column(titleOf("kuty-directive", "pl"));
    await tabTo(page, column);
    await expectVisibleFocus(column);
  });

  test("the language switch is reachable and focus stays visible on it", async ({ page, library }) => {
    await library.goto("pl");
    const switchLink = page.getByRole("link", { name: LABELS.pl.switchLanguage });
    await tabTo(page, switchLink);
    await expectVisibleFocus(switchLink);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/en");
  });
});
