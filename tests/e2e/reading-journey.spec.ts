import { expect, expectHighlighted, expectNotHighlighted, LABELS, test, titleOf } from "./fixtures";

/** How far apart (px) a sentence and its translation may start and still read as level. */
const ALIGNMENT_TOLERANCE_PX = 3;

test.describe("library → source → translation → compare → sentence link", () => {
  test("a source opens from the library with its six sentences and their six translations", async ({
    page,
    library,
    reader,
  }) => {
    await library.goto("en");
    await library.sourceLink("The Kuty Directive").click();

    await expect(page).toHaveURL("/en/sources/kuty-directive");
    await expect(page.getByRole("heading", { level: 1, name: "The Kuty Directive" })).toBeVisible();
    await expect(reader.originalSentences()).toHaveCount(6);
    await expect(reader.translatedSentences()).toHaveCount(6);
    for (let n = 1; n <= 6; n += 1) {
      await expect(reader.numberLink(n)).toHaveText(String(n));
      await expect(reader.numberLink(n)).toHaveAttribute("href", `/en/sources/kuty-directive/${n}`);
    }
    await expect(reader.original(1)).toContainText(
      "Marszałek Edward Rydz- Śmigły wydał 17 września w Kutach",
    );
    await expect(reader.translated(6)).toHaveText("This mass murder is known today as the Katyn Massacre.");
  });

  test("pointing at a sentence highlights its twin, in both directions", async ({ page, reader }) => {
    await reader.goto("en", "kuty-directive");
    await reader.waitUntilReady();

    await reader.original(3).hover();
    await expectHighlighted(reader.translated(3));
    await expectHighlighted(reader.original(3));
    await expectNotHighlighted(reader.translated(2));
    await expectNotHighlighted(reader.translated(4));

    await reader.translated(5).hover();
    await expectHighlighted(reader.original(5));
    await expectNotHighlighted(reader.original(3));
    await expectNotHighlighted(reader.translated(3));

    // Pointing away from the text clears the highlight.
    await page.getByRole("heading", { level: 1 }).hover();
    await expect(page.locator("[data-twin-active]")).toHaveCount(0);
  });

  test("focusing a sentence with the keyboard highlights its twin", async ({ page, reader }) => {
    await reader.goto("en", "kuty-directive");
    await reader.waitUntilReady();

    // Each sentence's number, then its "Cite sentence n" button (there once the page is hydrated);
    // sentences 3 and 4 have no editor's note, whose marker would come between.
    const citeThird = page.getByRole("button", { name: "Cite sentence 3" });
    await expect(citeThird).toBeAttached();
    await reader.numberLink(3).focus();
    await page.keyboard.press("Tab");
    await expect(citeThird).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(reader.numberLink(4)).toBeFocused();
    await expectHighlighted(reader.translated(4));
    await expectNotHighlighted(reader.translated(3));

    await page.keyboard.press("Shift+Tab");
    await expect(citeThird).toBeFocused();
    await expectHighlighted(reader.translated(3));
    await expectNotHighlighted(reader.translated(4));
  });

  test("each translated sentence starts level with its original on a desktop screen", async ({ reader }) => {
    await reader.goto("en", "kuty-directive");
    await expect(reader.translatedSentences()).toHaveCount(6);
    for (let n = 1; n <= 6; n += 1) {
      const original = await reader.original(n).boundingBox();
      const translated = await reader.translated(n).boundingBox();
      expect(original && translated, `sentence ${n} is laid out`).toBeTruthy();
      // Side by side: the translation is to the right of the original…
      expect(translated!.x).toBeGreaterThanOrEqual(original!.x + original!.width - ALIGNMENT_TOLERANCE_PX);
      // …and level with it.
      expect(Math.abs(translated!.y - original!.y), `sentence ${n}`).toBeLessThanOrEqual(
        ALIGNMENT_TOLERANCE_PX,
      );
    }
  });

  test("on a narrow screen each translated sentence follows its original", async ({ reader, page }) => {
    await page.setViewportSize({ width: 400, height: 800 });
    await reader.goto("en", "kuty-directive");
    for (let n = 1; n <= 6; n += 1) {
      const original = await reader.original(n).boundingBox();
      const translated = await reader.translated(n).boundingBox();
      expect(original && translated, `sentence ${n} is laid out`).toBeTruthy();
      expect(translated!.y, `translation ${n} below its original`).toBeGreaterThanOrEqual(
        original!.y + original!.height - ALIGNMENT_TOLERANCE_PX,
      );
      if (n < 6) {
        const next = await reader.original(n + 1).boundingBox();
        expect(next!.y, `original ${n + 1} below translation ${n}`).toBeGreaterThanOrEqual(
          translated!.y + translated!.height - ALIGNMENT_TOLERANCE_PX,
        );
      }
    }
  });

  test("a margin number opens the sentence's own page, marked and in view", async ({ page, reader }) => {
    await reader.goto("en", "kuty-directive");
    await reader.numberLink(3).click();

    await expect(page).toHaveURL("/en/sources/kuty-directive/3");
    await expect(page).toHaveTitle("The Kuty Directive, sentence 3 · Glossa");
    await expect(reader.original(3)).toHaveAttribute("aria-current", "true");
    await expect(page.locator('[aria-current="true"]')).toHaveCount(1);
    await expect(reader.original(3)).toBeInViewport();
  });

  test("a deep link to a late sentence scrolls it into view", async ({ page, reader }) => {
    // A small window, so the last sentence of the longest text starts below the fold.
    await page.setViewportSize({ width: 1280, height: 500 });
    await reader.goto("en", "soviet-note", 7);

    await expect(reader.original(7)).toHaveAttribute("aria-current", "true");
    await expect(reader.original(7)).toBeInViewport();
    await expect(page.getByRole("heading", { level: 1 })).not.toBeInViewport();
  });

  test("two sources chosen in the library open side by side in a shareable comparison", async ({
    page,
    library,
    comparison,
  }) => {
    await library.goto("en");
    await library.sourceLink("The Kuty Directive").click();
    await expect(page).toHaveURL("/en/sources/kuty-directive");
    await page
      .getByRole("navigation", { name: LABELS.en.mainNavigation })
      .getByRole("link", { name: LABELS.en.library })
      .click();
    await expect(page).toHaveURL("/en");

    await library.compareChoice(titleOf("soviet-note")).check();
    await library.compareChoice(titleOf("kuty-directive")).check();
    await library.compareButton().click();

    await expect(page).toHaveURL(/\/en\/compare\?/u);
    const chosen = () => new URL(page.url()).searchParams.getAll("s").sort();
    expect(chosen()).toEqual(["kuty-directive", "soviet-note"]);
    await expect(comparison.columns()).toHaveCount(2);
    await expect(comparison.columns().getByRole("heading", { level: 2 })).toHaveText([
      // Library order, which is the order of the form.
      titleOf("kuty-directive"),
      titleOf("soviet-note"),
    ]);

    await page.reload();
    expect(chosen()).toEqual(["kuty-directive", "soviet-note"]);
    await expect(comparison.column(titleOf("kuty-directive"))).toBeVisible();
    await expect(comparison.column(titleOf("soviet-note"))).toBeVisible();
  });

  test("each compared column scrolls on its own", async ({ page, comparison }) => {
    await comparison.goto("en", ["soviet-note", "kuty-directive"]);
    const first = comparison.column(titleOf("soviet-note"));
    const second = comparison.column(titleOf("kuty-directive"));
    await expect(second).toBeVisible();
    // Side by side on a desktop screen: level, the second to the right of the first.
    const [firstBox, secondBox] = [await first.boundingBox(), await second.boundingBox()];
    expect(Math.abs(secondBox!.y - firstBox!.y)).toBeLessThanOrEqual(ALIGNMENT_TOLERANCE_PX);
    expect(secondBox!.x).toBeGreaterThanOrEqual(firstBox!.x + firstBox!.width);

    const scrollTop = (column: typeof first) => column.evaluate((element) => element.scrollTop);
    const overflows = await first.evaluate((element) => element.scrollHeight > element.clientHeight);
    expect(overflows, "the first column holds more than it shows").toBe(true);
    const pageScroll = await page.evaluate(() => window.scrollY);

    await first.hover();
    await page.mouse.wheel(0, 400);
    await expect.poll(() => scrollTop(first)).toBeGreaterThan(0);
    expect(await scrollTop(second)).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(pageScroll);

    await second.hover();
    await page.mouse.wheel(0, 200);
    await expect.poll(() => scrollTop(second)).toBeGreaterThan(0);
    const firstAfter = await scrollTop(first);
    await page.mouse.wheel(0, 100);
    await expect.poll(() => scrollTop(second)).toBeGreaterThan(0);
    expect(await scrollTop(first)).toBe(firstAfter);
  });

  test("on a narrow screen the compared columns stack", async ({ page, comparison }) => {
    await page.setViewportSize({ width: 400, height: 800 });
    await comparison.goto("en", ["soviet-note", "kuty-directive"]);
    const first = await comparison.column(titleOf("soviet-note")).boundingBox();
    const second = await comparison.column(titleOf("kuty-directive")).boundingBox();
    expect(first && second, "both columns are laid out").toBeTruthy();
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    // Stacked columns take the width of the screen, not half of it.
    expect(first!.width).toBeGreaterThan(300);
    expect(second!.width).toBeGreaterThan(300);
  });
});
