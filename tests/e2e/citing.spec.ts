import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./account-fixtures";
import { annotate, card, createSeminar, openSource, selectText, sourceText } from "./annotation-fixtures";
import { expectNoAxeViolations, expectVisibleFocus, LABELS } from "./fixtures";

/**
 * Citing exact passages of the Kuty directive: from a selection, a sentence or an annotation, the cite
 * dialog shows the quotation, its sentences and its citation in every style, copies it and downloads
 * it; the permalink opens the reader on the passage, highlighted and verified, for anyone.
 */
const SOURCE = "/en/sources/kuty-directive";
/** In sentence 2 of the Kuty directive. */
const QUOTE = "Z bolszewikami nie walczyć";

function citeDialog(page: Page, name = "Cite this passage"): Locator {
  return page.getByRole("dialog", { name });
}

function citation(dialog: Locator, style: string): Locator {
  return dialog.locator(`[data-style="${style}"]`);
}

/** The texts of the ranges painted as the cited passage (null: no such highlight). */
function citedHighlight(page: Page): Promise<string[] | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get("glossa-cited");
    return highlight ? [...highlight].map((range) => (range as Range).toString()) : null;
  });
}

/** The absolute permalink the dialog offers. */
async function permalinkOf(dialog: Locator): Promise<string> {
  const link = dialog.getByRole("link", { name: /\/en\/p\/[0-9A-Za-z]{10}$/u });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^https?:\/\/[^/]+\/en\/p\/[0-9A-Za-z]{10}$/u);
  return href!;
}

test.describe("citing a passage", () => {
  test("an anonymous reader cites a selection, copies and downloads it, and anyone opens its permalink", async ({
    page,
    context,
    newVisitor,
  }) => {
    test.setTimeout(60_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openSource(page, SOURCE);

    // Signed out: the selection offers "Cite" only.
    await selectText(page, QUOTE);
    const cite = page.getByRole("button", { name: "Cite", exact: true });
    await expect(cite).toBeVisible();
    await expect(page.getByRole("button", { name: "Annotate", exact: true })).toHaveCount(0);
    await cite.click();

    const dialog = citeDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.locator("blockquote")).toHaveText(`“${QUOTE}”`);
    await expect(dialog).toContainText("The Kuty Directive, edition 1, sentence 2");
    for (const guide of ["Chicago (notes and bibliography)", "MLA (9th edition)", "APA (7th edition)"]) {
      await expect(dialog.getByRole("heading", { name: guide })).toBeVisible();
    }
    await expect(citation(dialog, "chicago-note")).toContainText(
      "“Dyrektywa z Kut” [The Kuty directive: a modern summary], Glossa, 1st ed., sentence 2,",
    );
    await expect(citation(dialog, "chicago-short-note")).toContainText("“Dyrektywa z Kut,” sentence 2.");
    await expect(citation(dialog, "mla")).toContainText(
      "[The Kuty Directive: A Modern Summary]. Glossa, 1st ed.,",
    );
    await expect(citation(dialog, "apa")).toContainText(
      "Dyrektywa z Kut [The Kuty directive: a modern summary] (1st ed.). (n.d.). Glossa.",
    );
    // The note cites the passage's permalink, the reference entry the source's page.
    await expect(citation(dialog, "chicago-note")).toContainText(/, \S+\/en\/p\/[0-9A-Za-z]{10}\./u);
    await expect(citation(dialog, "apa")).toContainText(/from \S+\/en\/sources\/kuty-directive(?!\/)/u);
    await expectNoAxeViolations(page);

    // Copy: the note as plain text (rich text goes beside it).
    await dialog.getByRole("button", { name: "Copy Chicago note" }).click();
    await expect(citation(dialog, "chicago-note").getByRole("status")).toHaveText("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("“Dyrektywa z Kut” [The Kuty directive: a modern summary]");
    expect(copied).toContain("1st ed., sentence 2");
    expect(copied).not.toContain("<");

    // BibTeX, named after the source and the sentence.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByRole("button", { name: "Download BibTeX (.bib)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("kuty-directive-2.bib");
    expect((await readFile(await download.path(), "utf8")).trimStart()).toMatch(
      /^@online\{kuty_directive_ed1_[0-9A-Za-z]{10},\n\turldate = \{\d{4}-\d{2}-\d{2}\},/u,
    );

    const permalink = await permalinkOf(dialog);
    await expect(dialog.getByRole("link", { name: /#:~:text=/u })).toHaveAttribute(
      "href",
      /\/en\/sources\/kuty-directive#:~:text=/u,
    );
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // Someone else, signed out, follows the permalink: the passage is highlighted and verified.
    const other = await newVisitor();
    await other.page.goto(permalink);
    const banner = other.page.getByRole("region", { name: "Cited passage" });
    await expect(banner).toContainText("Verified against edition 1");
    await expect(banner.locator("blockquote")).toHaveText(`“${QUOTE}”`);
    await expect(banner).toContainText("The Kuty Directive, edition 1, sentence 2");
    await expect(other.page.locator("#s-2")).toBeInViewport();
    await banner.getByText("Cite this passage").click();
    await expect(citation(banner, "chicago-note")).toBeVisible();
    await expect(citation(banner, "chicago-note")).toContainText("1st ed., sentence 2");
    await expect(banner.getByRole("link", { name: permalink })).toBeVisible();
    await expect.poll(() => citedHighlight(other.page)).toEqual([QUOTE]);
    await expect(other.page.locator("#s-2")).toHaveAttribute("data-cited", "");
    await expect(other.page.locator("#s-3")).not.toHaveAttribute("data-cited");
    await expectNoAxeViolations(other.page);
  });

  test("a student cites a sentence with the keyboard and an annotation from its card", async ({
    newVisitor,
  }) => {
    test.setTimeout(120_000);
    const seminar = await createSeminar(newVisitor, { students: ["Cyprian Cytujący"] });
    const { page } = seminar.students[0]!;
    await openSource(page, SOURCE);

    // "Cite sentence 3" follows "Annotate sentence 3", shows when focused, and opens the dialog.
    await page.getByRole("button", { name: "Annotate sentence 3" }).focus();
    await page.keyboard.press("Tab");
    const citeSentence = page.getByRole("button", { name: "Cite sentence 3" });
    await expectVisibleFocus(citeSentence);
    await expect.poll(() => citeSentence.evaluate((button) => getComputedStyle(button).opacity)).toBe("1");
    await page.keyboard.press("Enter");
    const dialog = citeDialog(page);
    await expect(dialog).toContainText("The Kuty Directive, edition 1, sentence 3");
    await expect(citation(dialog, "chicago-note")).toContainText("sentence 3");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(citeSentence).toBeFocused();

    // Signed in, the selection offers both; the annotation's card cites its passage.
    await selectText(page, QUOTE);
    await expect(page.getByRole("button", { name: "Cite", exact: true })).toBeVisible();
    await annotate(page, QUOTE, "Why not fight the Soviets?");
    const cardCite = card(page, "Why not fight the Soviets?").getByRole("button", {
      name: "Cite",
      exact: true,
    });
    await cardCite.click();
    await expect(dialog.locator("blockquote")).toHaveText(`“${QUOTE}”`);
    await expect(dialog).toContainText("sentence 2");
    const permalink = await permalinkOf(dialog);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    await expect(cardCite).toBeFocused();

    // On the permalink the highlight survives the annotation marks drawn over the same words.
    await page.goto(permalink);
    await expect(page.locator('[data-annotations-ready="true"]')).toHaveCount(1, { timeout: 15_000 });
    await expect(page.locator("#s-2 mark")).not.toHaveCount(0);
    await expect.poll(() => citedHighlight(page)).toEqual([QUOTE]);
  });

  test("the Polish interface cites “zd. 2”", async ({ page }) => {
    await openSource(page, "/pl/sources/kuty-directive");
    await page.getByRole("button", { name: "Cytuj zdanie 2" }).click();
    const dialog = citeDialog(page, "Zacytuj ten fragment");
    await expect(dialog).toContainText("Dyrektywa z Kut, wydanie 1, zd. 2");
    await expect(dialog.locator("blockquote")).toHaveText(/^„.*”$/u);
    await expect(citation(dialog, "chicago-note")).toContainText(
      "„Dyrektywa z Kut” [omówienie], Glossa, wyd. 1, zd. 2,",
    );
    await expect(dialog.getByRole("button", { name: "Pobierz BibTeX (.bib)" })).toBeVisible();
  });

  test("a selection cut mid-word is cited as whole words, and the dialog says so", async ({ page }) => {
    await openSource(page, SOURCE);
    await selectText(page, "olszewikami nie walcz");
    await page.getByRole("button", { name: "Cite", exact: true }).click();
    const dialog = citeDialog(page);
    await expect(dialog.locator("blockquote")).toHaveText("“bolszewikami nie walczyć”");
    await expect(
      dialog.getByText("The selection cut a word: it was widened to whole words, as quoted above."),
    ).toBeVisible();
  });

  test("the same passage asked again keeps its link, answered with 200", async ({ page }) => {
    await openSource(page, SOURCE);
    const quote = "nakazał wycofanie do Rumunii";
    const start = sourceText("kuty-directive").indexOf(quote);
    const passage = { source: "kuty-directive", editionNumber: 1, start, end: start + quote.length };
    const first = await page.request.post("/api/permalinks", { data: passage });
    // 201 when this made it (tests/integration/rate-limits.test.ts pins that), 200 on a rerun.
    expect([200, 201]).toContain(first.status());
    const again = await page.request.post("/api/permalinks", { data: passage });
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual(await first.json());
  });

  for (const path of ["/en/p/AAAAAAAAAA", "/en/p/x"]) {
    test(`${path} answers 404`, async ({ page, browserErrors }) => {
      browserErrors.expect({ status: 404, path });
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: LABELS.en.notFound })).toBeVisible();
    });
  }

  test.describe("in the dark colour scheme", () => {
    test.use({ colorScheme: "dark" });

    test("the cite dialog", async ({ page }) => {
      await openSource(page, SOURCE);
      await page.getByRole("button", { name: "Cite sentence 4" }).click();
      const dialog = citeDialog(page);
      await expect(citation(dialog, "apa-in-text")).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test("the permalink page", async ({ page }) => {
      // The passage's permalink made through the API, as the dialog makes it.
      const quote = "Z bolszewikami nie walczyć";
      const start = sourceText("kuty-directive").indexOf(quote);
      const made = await page.request.post("/api/permalinks", {
        data: { source: "kuty-directive", editionNumber: 1, start, end: start + quote.length },
      });
      expect(made.ok()).toBe(true);
      await page.goto(`/en${((await made.json()) as { path: string }).path}`);
      const banner = page.getByRole("region", { name: "Cited passage" });
      await expect(banner).toContainText("Verified against edition 1");
      await expect.poll(() => citedHighlight(page)).not.toBeNull();
      await banner.getByText("Cite this passage").click();
      await expect(citation(banner, "apa-in-text")).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
});
