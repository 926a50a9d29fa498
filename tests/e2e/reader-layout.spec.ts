import { annotate, card, createSeminar, openSource, panel } from "./annotation-fixtures";
import { expect, test } from "./account-fixtures";
import { expectNoAxeViolations, expectVisibleFocus, tabTo } from "./fixtures";

/**
 * The source page's layout on the screens readers use: a 1366×768 laptop, a large monitor, a phone.
 * The text comes first (the source's record folded beside the title), and on a phone the notes are
 * in a drawer opened from a button that stays on screen, not under a text thousands of pixels long.
 */

const LAPTOP = { width: 1366, height: 768 };
const LARGE = { width: 2560, height: 1440 };
const PHONE = { width: 390, height: 844 };

test.describe("the source page's layout", () => {
  test("on a 1366×768 laptop the text starts on the first screen, the record folded", async ({ page }) => {
    await page.setViewportSize(LAPTOP);
    await page.goto("/en/sources/soviet-note");
    await expect(page.getByRole("heading", { level: 2, name: "About this source" })).toBeVisible();
    // The first sentence and its translation are there without scrolling, not under the record.
    await expect(page.locator('[lang="pl"] > [data-sentence="1"]')).toBeInViewport();
    await expect(page.locator('[lang="en"] > [data-sentence="1"]')).toBeInViewport();
    await expect(page.getByText("Licence", { exact: true })).toBeHidden();

    // The full record opens with the keyboard.
    const record = page.getByText("The full record: publication, licence, edition");
    await tabTo(page, record);
    await expectVisibleFocus(record);
    await page.keyboard.press("Enter");
    await expect(page.getByText("Licence", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a large screen gives the text and the panel more of its width", async ({ page }) => {
    await page.setViewportSize(LARGE);
    await page.goto("/en/sources/soviet-note");
    const main = await page.getByRole("main").boundingBox();
    expect(main!.width).toBeGreaterThan(1700);
    const text = await page.locator('[lang="pl"] > [data-sentence="1"]').boundingBox();
    const panelBox = await panel(page).boundingBox();
    // Beside the text, not under it.
    expect(panelBox!.x).toBeGreaterThan(text!.x + text!.width);
    expect(panelBox!.y).toBeLessThan(text!.y + text!.height);
  });

  test("on a phone the notes are a drawer: reached at once, by keyboard, Escape closes it", async ({
    newVisitor,
  }) => {
    test.setTimeout(90_000);
    const seminar = await createSeminar(newVisitor, { students: ["Fela Telefon"] });
    const { page } = seminar.students[0]!;
    await openSource(page);
    await annotate(page, "rozpadzie państwa", "A pretext, not a fact");

    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.locator('[data-annotations-ready="true"]')).toHaveCount(1);
    // The panel is not laid out under the text; its button is on the first screen.
    await expect(panel(page)).toBeHidden();
    const open = page.getByRole("button", { name: "Annotations (1)" });
    await expect(open).toBeInViewport();

    await tabTo(page, open, { maxPresses: 120 });
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog", { name: "Annotations" });
    await expect(drawer).toBeVisible();
    await expect(open).toHaveAttribute("aria-expanded", "true");
    // Focus moves into the drawer (its heading) and Tab stays inside it.
    await expect(drawer.getByRole("heading", { level: 2, name: "Annotations" })).toBeFocused();
    await expect(card(page, "A pretext, not a fact")).toBeInViewport();
    for (let presses = 0; presses < 25; presses += 1) {
      await page.keyboard.press("Tab");
      expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await expectNoAxeViolations(page);

    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(open).toBeFocused();
    await expect(open).toHaveAttribute("aria-expanded", "false");

    // A sentence's count opens the drawer on that sentence's notes; Close gives focus back to it.
    const count = page.getByRole("button", { name: "Sentence 2: 1 annotation" });
    await count.click();
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole("heading", { name: /Sentence 2/ })).toBeVisible();
    await drawer.getByRole("button", { name: "Close annotations" }).click();
    await expect(drawer).toBeHidden();
    await expect(count).toBeFocused();
    await expectNoAxeViolations(page);
  });
});
