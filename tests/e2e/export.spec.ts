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

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the CSV link downloads the file itself", async ({ page, auth, browserErrors }) => {
    // With scripting off, Chromium blocks the page's scripts (reported as "csp"): nothing is missed.
    browserErrors.expect({ message: /^csp GET \/_next\/static\/chunks\// });
    await auth.register(person("Edward Bezskryptowy"));
    const created = await page.request.post("/api/annotations", {
      data: annotationRequest("soviet-note", "Potiomkina", {
        groupId: null,
        visibility: "private",
        text: "=SUM(A1) stays text",
      }),
    });
    expect(created.status()).toBe(201);
    await page.goto("/en/account");
    const downloading = page.waitForEvent("download");
    await page
      .getByRole("region", { name: "Export" })
      .getByRole("link", { name: "CSV (spreadsheet)" })
      .click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^glossa-notes-\d{4}-\d{2}-\d{2}\.csv$/u);
    const rows = (await readFile((await download.path())!, "utf8")).split("\r\n");
    expect(rows[0]).toBe(
      "\ufeffAnnotation,Reply to,Motivation,Author,Group,Source,Edition,Sentences,Quotation,Text,Tags,Created,Modified,Link",
    );
    expect(rows[1]).toContain(",commenting,Edward Bezskryptowy,,");
    expect(rows[1]).toContain(",'=SUM(A1) stays text,");
  });
});
