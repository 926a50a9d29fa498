import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("texts as data", () => {
  for (const [locale, label, tei] of [
    ["en", "Download this text", "TEI (TEI P5 XML of edition 1)"],
    ["pl", "Pobierz ten tekst", "TEI (TEI P5 XML wydania 1)"],
  ] as const) {
    test(`the reader links its edition as TXT, TEI and JSON (${locale})`, async ({ page, reader }) => {
      await reader.goto(locale, "kuty-directive");
      const downloads = page.getByText(`${label}:`);
      await expect(downloads).toBeVisible();
      const link = page.getByRole("link", { name: tei });
      await expect(link).toHaveAttribute("href", "/api/sources/kuty-directive/editions/1/tei.xml");
      await expectNoAxeViolations(page);

      // What the link gives: TEI whose first sentence is the reader's first sentence.
      const response = await page.request.get((await link.getAttribute("href"))!);
      expect(response.headers()["content-type"]).toBe("application/tei+xml; charset=utf-8");
      expect(await response.text()).toContain(`<s n="1" xml:id="s-1">Marszałek Edward Rydz- Śmigły`);
      await expect(reader.original(1)).toContainText("Marszałek Edward Rydz- Śmigły");
      for (const name of ["TXT", "JSON"]) {
        const other = page.getByRole("link", { name: new RegExp(`^${name} `, "u") });
        expect((await page.request.get((await other.getAttribute("href"))!)).ok()).toBe(true);
      }
    });
  }

  test("the DTS entry point leads to a passage by its sentence number", async ({ page }) => {
    const entry = await (await page.request.get("/api/dts")).json();
    const document = entry.document.replace(/\{.*\}$/u, "");
    const passage = await page.request.get(`${document}?resource=glossa:kuty-directive@1&ref=2`);
    expect(passage.status()).toBe(200);
    expect(await passage.text()).toContain(`<s n="2" xml:id="s-2">`);
    expect((await page.request.get(`${document}?resource=glossa:kuty-directive@1&ref=abc`)).status()).toBe(
      400,
    );
  });
});
