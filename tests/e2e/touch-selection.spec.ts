import { devices, type BrowserContext, type Page } from "@playwright/test";
import {
  createAuthPages,
  createGroupPages,
  expect,
  person,
  test as accountTest,
  type Visitor,
} from "./account-fixtures";
import { card, createSeminar, openSource, panel } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * Selecting words on a phone: a long press selects a word (Chromium's own touch gesture, not a
 * script), the floating "Annotate" button appears under it and survives the tap that presses it, and
 * a tap anywhere else dismisses it. Everyone here uses a Pixel 7's screen, touch and user agent, in
 * the project's Chromium.
 */

/** A Pixel 7 in Chromium: the device's viewport, scale, touch and mobile flags (not its browser type). */
const { defaultBrowserType: _browserType, ...PHONE } = devices["Pixel 7"];

const test = accountTest.extend<{
  /**
   * Opens a new phone context (another person, no cookies), watched for errors like every context
   * (fixtures.ts, `browserErrors`); closed after the test.
   */
  newPhoneVisitor: () => Promise<Visitor>;
}>({
  newPhoneVisitor: async ({ browser, browserErrors }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext({ ...PHONE, hasTouch: true, isMobile: true });
      contexts.push(context);
      browserErrors.watch(context);
      const page = await context.newPage();
      return { page, context, auth: createAuthPages(page), groups: createGroupPages(page) };
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

/**
 * Where `word` (its first occurrence in the original's sentence text) is on screen: the centre of
 * its box, in CSS pixels of the viewport, after scrolling it to the middle of the screen.
 */
async function wordOnScreen(page: Page, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate((word) => {
    for (const element of document.querySelectorAll<HTMLElement>("[lang='pl'] [data-start]")) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(word);
        if (at < 0) continue;
        element.scrollIntoView({ block: "center", behavior: "instant" });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    throw new Error(`"${word}" is not in the original`);
  }, word);
}

/**
 * Long-presses `word` with a finger, as a phone's reader does to select it. Playwright's touchscreen
 * can only tap, and a touch held through Input.dispatchTouchEvent never becomes a long press in
 * headless Chromium (its gesture timers do not fire for injected touches). Chromium's touch emulator
 * does it whole: with Emulation.setEmitTouchEventsForMouse on, a held mouse button becomes a real
 * touch sequence (pointerType "touch") that the emulator's own gesture detector turns into a long
 * press, and Blink selects the word under the finger (firing contextmenu and selectionchange) as it
 * does on Android. The finger is lifted once the word is selected.
 */
async function longPress(page: Page, word: string): Promise<void> {
  const { x, y } = await wordOnScreen(page, word);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setEmitTouchEventsForMouse", { enabled: true, configuration: "mobile" });
  // The emulator takes the mouse events over and never answers them: send them without waiting.
  const mouse = (type: "mouseMoved" | "mousePressed" | "mouseReleased") =>
    void cdp
      .send("Input.dispatchMouseEvent", { type, x, y, button: "left", clickCount: 1 })
      .catch(() => undefined);
  const lifted = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const done = (event: PointerEvent) => resolve(`${event.type}:${event.pointerType}`);
        document.addEventListener("pointerup", done, { once: true, capture: true });
        document.addEventListener("pointercancel", done, { once: true, capture: true });
      }),
  );
  // Awaited below; a test failing before then closes the page under it.
  lifted.catch(() => undefined);
  mouse("mouseMoved");
  mouse("mousePressed");
  // Held until the long press has selected something, then lifted.
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.isCollapsed === false), {
      message: "a long press selects a word",
    })
    .toBe(true);
  mouse("mouseReleased");
  expect(await lifted).toBe("pointerup:touch");
  await cdp.send("Emulation.setEmitTouchEventsForMouse", { enabled: false });
  await cdp.detach();
}

function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? "");
}

/**
 * Starts recording the pointer events and clicks that reach the floating buttons; the returned
 * function reads them, each as `type:pointerType` (so a tap shows as touch from start to click). With
 * `dropSelection`, the finger landing on a button also takes the text selection away.
 */
async function recordAdderEvents(
  page: Page,
  { dropSelection = false } = {},
): Promise<() => Promise<string[]>> {
  await page.evaluate((dropSelection) => {
    const seen: string[] = [];
    (window as unknown as { adderEvents: string[] }).adderEvents = seen;
    const adder = document.querySelector("[data-selection-adder]");
    if (!adder) throw new Error("no floating buttons");
    for (const type of ["pointerdown", "pointerup", "click"]) {
      adder.addEventListener(type, (event) => seen.push(`${type}:${(event as PointerEvent).pointerType}`));
    }
    if (dropSelection) {
      adder.addEventListener("pointerdown", () => window.getSelection()?.removeAllRanges());
    }
  }, dropSelection);
  return () => page.evaluate(() => (window as unknown as { adderEvents: string[] }).adderEvents);
}

/** What a tap with a finger delivers to the button it lands on. */
const TAP = ["pointerdown:touch", "pointerup:touch", "click:touch"];

test.describe("selecting text by touch on a phone", () => {
  test("a long-pressed word is annotated with a tap on the floating button", async ({ newPhoneVisitor }) => {
    test.setTimeout(90_000);
    const seminar = await createSeminar(newPhoneVisitor, { students: ["Tosia Dotykowa"] });
    const { page } = seminar.students[0]!;
    await openSource(page);

    await longPress(page, "oświadczenie");
    expect(await selectedText(page)).toBe("oświadczenie");
    const adder = page.getByRole("button", { name: "Annotate", exact: true });
    await expect(adder).toBeVisible();
    const adderEvents = await recordAdderEvents(page);
    await adder.tap();
    expect(await adderEvents()).toEqual(TAP);

    const composer = panel(page).getByRole("region", { name: "New annotation" });
    await expect(composer.getByRole("blockquote")).toHaveText("oświadczenie");
    await expect(composer).toBeInViewport();
    await expect(adder).toHaveCount(0);
    await expectNoAxeViolations(page);

    await composer.getByRole("radio", { name: "Whole group" }).check();
    await composer.getByRole("textbox", { name: "Comment" }).fill("Whose statement, and to whom?");
    await composer.getByRole("button", { name: "Save annotation" }).tap();
    const saved = card(page, "Whose statement, and to whom?");
    await expect(saved).toBeVisible();
    await expect(saved.getByRole("blockquote")).toHaveText("oświadczenie");
    // Highlighted in the text exactly over the pressed word.
    await expect(page.locator("#s-2 mark")).toHaveText(["oświadczenie"]);
    await expect(page.getByRole("button", { name: "Sentence 2: 1 annotation" })).toBeVisible();

    // Still there for the rest of the seminar (on a phone, in the drawer its button opens).
    await openSource(seminar.instructor.page);
    await seminar.instructor.page.getByRole("button", { name: "Annotations (1)" }).tap();
    await expect(card(seminar.instructor.page, "Whose statement, and to whom?")).toBeVisible();
  });

  test("the floating button survives a tap that takes the selection away", async ({ newPhoneVisitor }) => {
    const reader = await newPhoneVisitor();
    await reader.auth.register(person("Ewa Ekran"));
    const { page } = reader;
    await openSource(page);

    await longPress(page, "ucieczce");
    const adder = page.getByRole("button", { name: "Annotate", exact: true });
    await expect(adder).toBeVisible();
    // Chromium keeps the selection when a finger lands on a button; other phone browsers (Safari on
    // iOS) drop it as the finger comes down, before the click. The button must still be there for the
    // click, and annotate the words that were selected.
    const adderEvents = await recordAdderEvents(page, { dropSelection: true });
    await adder.tap();
    expect(await adderEvents()).toEqual(TAP);
    expect(await selectedText(page)).toBe("");

    const composer = panel(page).getByRole("region", { name: "New annotation" });
    await expect(composer.getByRole("blockquote")).toHaveText("ucieczce");
  });

  test("a tap elsewhere dismisses the floating button without annotating", async ({ newPhoneVisitor }) => {
    const reader = await newPhoneVisitor();
    await reader.auth.register(person("Dominik Dotyk"));
    const { page } = reader;
    await openSource(page);

    await longPress(page, "nieobowiązujące");
    expect(await selectedText(page)).toBe("nieobowiązujące");
    const adder = page.getByRole("button", { name: "Annotate", exact: true });
    await expect(adder).toBeVisible();

    // A tap on another sentence's words, away from the button.
    const elsewhere = await wordOnScreen(page, "przedstawił");
    await page.touchscreen.tap(elsewhere.x, elsewhere.y);
    await expect(adder).toHaveCount(0);
    expect(await selectedText(page)).toBe("");
    await expect(panel(page).getByRole("region", { name: "New annotation" })).toHaveCount(0);

    // Nothing was made: not in the panel or the text, now or after a reload.
    for (const reload of [false, true]) {
      if (reload) await openSource(page);
      // On a phone the panel is a drawer, opened by its button.
      await page.getByRole("button", { name: "Annotations (0)" }).tap();
      await expect(panel(page)).toContainText("No annotations yet.");
      await expect(panel(page).getByRole("article")).toHaveCount(0);
      await expect(page.locator("[lang='pl'] mark")).toHaveCount(0);
    }
  });
});
