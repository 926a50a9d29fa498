/** Steps of the revising journeys (an instructor's group source with notes, a revision published), shared by their specs. */
import type { Page } from "@playwright/test";
import { describe as describeRange } from "../../lib/anchoring/describe.ts";
import { MINUTES_REVISED as REVISED, MINUTES_TEXT as TEXT } from "../support/revised-minutes.ts";
import { expect } from "./account-fixtures";
import { paragraph } from "./annotation-fixtures";

/**
 * Adds a group source of `text` through the form (its preview splits it into `sentences`), in
 * Polish, titled `title` in English; its slug.
 */
export async function addGroupSource(
  page: Page,
  groupId: string,
  source: { text: string; sentences: number; title: string },
): Promise<string> {
  await page.goto(`/en/groups/${groupId}/sources/new`);
  await page.getByRole("textbox", { name: /^Text/ }).fill(source.text);
  await page.getByRole("button", { name: "Preview the sentences" }).click();
  await expect(page.getByRole("heading", { name: `${source.sentences} sentences` })).toBeVisible();
  await page.getByLabel("Title in Polish").fill("Protokół narady");
  await page.getByLabel("Title in English").fill(source.title);
  await page.getByLabel("Date of the document").fill("1939-09-20");
  await page.getByLabel("Language of the text").fill("pl");
  await page.getByRole("button", { name: "Save the source" }).click();
  // Saving hundreds of sentences took over 5 s in CI beside another worker on 2 cores.
  await expect(page.getByRole("heading", { level: 1, name: source.title })).toBeVisible({
    timeout: 30_000,
  });
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

/** Posts the instructor's group note `note` on the first `quote` in the source's first edition. */
export async function postGroupNote(
  page: Page,
  target: { slug: string; groupId: string; text: string },
  quote: string,
  note: string,
) {
  const start = target.text.indexOf(quote);
  const response = await page.request.post("/api/annotations", {
    data: {
      source: target.slug,
      editionNumber: 1,
      groupId: target.groupId,
      kind: "comment",
      visibility: "group",
      selectors: describeRange(target.text, { start, end: start + quote.length }),
      body: paragraph(note),
      tags: [],
    },
  });
  expect(response.status()).toBe(201);
}

/** A group source with the instructor's notes on the second and third sentences; its slug. */
export async function sourceWithNotes(page: Page, groupId: string): Promise<string> {
  const title = `Revised minutes ${Date.now().toString(36)}`;
  const slug = await addGroupSource(page, groupId, { text: TEXT, sentences: 4, title });
  expect(slug).toMatch(/^revised-minutes-[a-z0-9]+$/u);
  const target = { slug, groupId, text: TEXT };
  await postGroupNote(page, target, "raport o stanie dróg", "On the deleted sentence");
  await postGroupNote(page, target, "plan ewakuacji urzędów", "On the kept sentence");
  return slug;
}

/** Revises the text on the revise page (open, in English), publishes it and waits for the review list it leads to. */
export async function publishRevision(page: Page, groupId: string, slug: string) {
  await page.getByRole("textbox", { name: "Text" }).fill(REVISED);
  await page.getByRole("button", { name: "Show the sentences" }).click();
  await expect(page.getByRole("heading", { name: "3 sentences" })).toBeFocused();
  await page.getByRole("button", { name: "Publish the new edition" }).click();
  // Publishing is done only when the review list opens; leaving earlier would abandon it.
  await expect(page).toHaveURL(new RegExp(`/en/groups/${groupId}/sources/${slug}/review$`, "u"), {
    timeout: 20_000,
  });
}
