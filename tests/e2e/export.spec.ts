import { readFile } from "node:fs/promises";
import { expect, person, test } from "./account-fixtures";
import { annotationRequest } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * Exporting one's notes from the account page: the JSON-LD download, fetched by the page with its
 * progress line, is a W3C AnnotationCollection holding the note.
 */
test("export one's own notes as JSON-LD from the account page", async ({ page, auth }) => {
  await auth.register(person("Ewa Eksportująca"));
  const created = await page.request.post("/api/annotations", {
    data: annotationRequest("soviet-note", "Potiomkina", {
      groupId: null,
      visibility: "private",
      text: "A note to take home",
      tags: ["archive"],
    }),
  });
  expect(created.status()).toBe(201);

  await page.goto("/en/account");
  const section = page.getByRole("region", { name: "Export" });
  await expect(section).toBeVisible();
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await section.getByRole("link", { name: "JSON-LD (W3C Web Annotation)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^glossa-notes-\d{4}-\d{2}-\d{2}\.jsonld$/u);
  await expect(section.getByRole("status")).toHaveText(/^Downloaded: 1 annotation, \d+ kB\.$/u);

  const doc = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    "@context": string;
    type: string;
    total: number;
    first: { items: { type: string; body: { value: string; purpose: string }[] }[] };
  };
  expect(Object.keys(doc)[0]).toBe("@context");
  expect(doc).toMatchObject({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationCollection",
    total: 1,
  });
  expect(doc.first.items[0]!.type).toBe("Annotation");
  expect(doc.first.items[0]!.body).toEqual([
    expect.objectContaining({ value: "<p>A note to take home</p>", purpose: "commenting" }),
    expect.objectContaining({ value: "archive", purpose: "tagging" }),
  ]);
});
