/** Steps of the revising journeys (an instructor's group source with notes, a revision published), shared by their specs. */
import type { Page } from "@playwright/test";
import { describe as describeRange } from "../../lib/anchoring/describe.ts";
import { MINUTES_REVISED as REVISED, MINUTES_TEXT as TEXT } from "../support/revised-minutes.ts";
import { expect } from "./account-fixtures";
import { paragraph } from "./annotation-fixtures";

/** A group source with the instructor's notes on the second and third sentences; its slug. */
export async function sourceWithNotes(page: Page, groupId: string): Promise<string> {
  await page.goto(`/en/groups/${groupId}/sources/new`);
  await page.getByRole("textbox", { name: /^Text/ }).fill(TEXT);
  await page.getByRole("button", { name: "Preview the sentences" }).click();
  await expect(page.getByRole("heading", { name: "4 sentences" })).toBeVisible();
  await page.getByLabel("Title in Polish").fill("Protokół narady");
  await page.getByLabel("Title in English").fill(`Revised minutes ${Date.now().toString(36)}`);
  await page.getByLabel("Date of the document").fill("1939-09-20");
  await page.getByLabel("Language of the text").fill("pl");
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page).toHaveURL(/\/en\/sources\/revised-minutes-[a-z0-9]+$/u);
  const slug = new URL(page.url()).pathname.split("/").at(-1)!;
  for (const [quote, text] of [
    ["raport o stanie dróg", "On the deleted sentence"],
    ["plan ewakuacji urzędów", "On the kept sentence"],
  ]) {
    const start = TEXT.indexOf(quote!);
    const response = await page.request.post("/api/annotations", {
      data: {
        source: slug,
        editionNumber: 1,
        groupId,
        kind: "comment",
        visibility: "group",
        selectors: describeRange(TEXT, { start, end: start + quote!.length }),
        body: paragraph(text!),
        tags: [],
      },
    });
    expect(response.status()).toBe(201);
  }
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
