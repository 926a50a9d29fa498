import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, person, test } from "./account-fixtures";
import { annotationRequest, paragraph } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

interface ExportedItem {
  motivation: string;
  created: string;
  modified: string;
  body?: { value: string; purpose: string }[];
  target: string | { source: string; selector: unknown[] };
}

/** The group's export as JSON-LD, downloaded from its page's Export section as a member does. */
async function downloadGroupExport(page: Page, groupPath: string, count: string) {
  await page.goto(groupPath);
  const section = page.getByRole("region", { name: "Export" });
  const downloading = page.waitForEvent("download");
  await section.getByRole("link", { name: "JSON-LD (W3C Web Annotation)" }).click();
  const download = await downloading;
  await expect(section.getByRole("status")).toHaveText(new RegExp(`^Downloaded: ${count}, \\d+ kB\\.$`, "u"));
  const text = await readFile((await download.path())!, "utf8");
  return { text, items: (JSON.parse(text) as { first: { items: ExportedItem[] } }).first.items };
}

/** What an item says, without what names the copy (its id, a reply's target thread's id). */
function content(item: ExportedItem) {
  return {
    motivation: item.motivation,
    created: item.created,
    modified: item.modified,
    body: item.body,
    target: typeof item.target === "string" ? "a thread" : item.target,
  };
}

/**
 * Carrying a term's notes into a new group: the instructor downloads the old group's export from its
 * page and imports it into the new group from the account page; the new group's own export then
 * says the same, note and reply, text, tags, selectors and dates.
 */
test("carry a group's notes into another group: export from its page, import, the same notes there", async ({
  page,
  auth,
  groups,
}) => {
  await auth.register(person("Irena Przenosząca"));
  const springName = `Spring term ${Date.now().toString(36)}`;
  const autumn = await groups.createQuickly({ name: `Autumn term ${Date.now().toString(36)}` });
  const spring = await groups.createQuickly({ name: springName });
  const created = await page.request.post("/api/annotations", {
    data: annotationRequest("soviet-note", "Władimira Potiomkina", {
      groupId: autumn.split("/").at(-1)!,
      visibility: "group",
      text: "Who handed the note over?",
      tags: ["dyplomacja"],
    }),
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const replied = await page.request.post(`/api/annotations/${id}/replies`, {
    data: { body: paragraph("The ambassador refused it.") },
  });
  expect(replied.status()).toBe(201);

  // The group page with its Export section is axe-checked in accessibility-accounts.spec.ts.
  const before = await downloadGroupExport(page, autumn, "2 annotations");

  await page.goto("/en/account");
  const section = page.getByRole("region", { name: "Import notes" });
  await section.getByLabel("File (JSON or JSON-LD, at most 20 MB)").setInputFiles({
    name: "autumn.jsonld",
    mimeType: "application/ld+json",
    buffer: Buffer.from(before.text),
  });
  await section.getByLabel("Import into").selectOption({ label: springName });
  await section.getByLabel("Who reads them").selectOption({ label: "The whole group" });
  await section.getByRole("button", { name: "Import" }).click();
  const report = section.getByRole("region", { name: "Import report" });
  await expect(report).toContainText("1 note imported and 1 reply.");
  await expect(report).toContainText("Placed on their quotation: 1");
  await expectNoAxeViolations(page);

  const after = await downloadGroupExport(page, spring, "2 annotations");
  expect(after.items.map(content)).toEqual(before.items.map(content));
});
