import { expect, person, test } from "./account-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/** A W3C Web Annotation on the Soviet note, as another Glossa (or tool) exports it. */
function webAnnotation(id: string, exact: string, text: string) {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `https://elsewhere.example/api/annotations/${id}/jsonld`,
    type: "Annotation",
    motivation: "commenting",
    creator: { type: "Person", name: "Zofia Łęcka" },
    body: [{ type: "TextualBody", value: text, format: "text/plain" }],
    target: {
      source: "https://elsewhere.example/sources/soviet-note?edition=1",
      selector: [{ type: "TextQuoteSelector", exact }],
    },
  };
}

/**
 * Importing notes from the account page: a file of W3C annotations, one placed on its quotation and
 * one whose quotation is not in the text (kept without a place and listed); the report, and a second
 * import of the same file adding nothing.
 */
test("import notes from a file on the account page and read the report, in both languages", async ({
  page,
  auth,
}) => {
  await auth.register(person("Igor Importujący"));
  const file = {
    name: "notes.jsonld",
    mimeType: "application/ld+json",
    buffer: Buffer.from(
      JSON.stringify([
        webAnnotation("a1", "Władimira Potiomkina", "Who signed it?"),
        webAnnotation("a2", "Zdanie, którego w nocie nie ma.", "Lost"),
      ]),
    ),
  };
  await page.goto("/en/account");
  const section = page.getByRole("region", { name: "Import notes" });
  await section.getByLabel("File (JSON or JSON-LD, at most 20 MB)").setInputFiles(file);
  await section.getByRole("button", { name: "Import" }).click();
  const report = section.getByRole("region", { name: "Import report" });
  await expect(report).toContainText("2 notes imported and no replies.");
  await expect(report).toContainText("Placed on their quotation: 1");
  await expect(report.getByRole("heading", { name: "Kept without a place (1)" })).toBeVisible();
  await expect(report).toContainText("“Zdanie, którego w nocie nie ma.” (not found in the text)");
  await expectNoAxeViolations(page);

  await page.goto("/pl/account");
  const again = page.getByRole("region", { name: "Import notatek" });
  await again.getByLabel("Plik (JSON lub JSON-LD, najwyżej 20 MB)").setInputFiles(file);
  await again.getByRole("button", { name: "Importuj" }).click();
  await expect(again.getByRole("region", { name: "Raport z importu" })).toContainText(
    "2 pozycje zaimportowano już wcześniej: nic nie dodano.",
  );
  await expectNoAxeViolations(page);
});
