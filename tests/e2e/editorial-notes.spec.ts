import { readFileSync } from "node:fs";
import { expect, expectNoAxeViolations, tabTo, test } from "./fixtures";

test.describe("the editor's notes (the editorial apparatus)", () => {
  test("a note's marker opens the note from the keyboard, and the note leads back; both print", async ({
    page,
    reader,
  }) => {
    await reader.goto("en", "kuty-directive");
    const apparatus = page.getByRole("region", { name: "Editor’s notes" });
    await expect(apparatus.getByRole("listitem")).toHaveCount(3);

    // Sentence 2's marker: the second note, lettered b, after the sentence it is about.
    const marker = reader.original(2).getByRole("link", { name: "Editor’s note b", exact: true });
    // From the sentence's number in the margin, the keyboard reaches the marker after the sentence.
    await reader.numberLink(2).focus();
    await tabTo(page, marker, { maxPresses: 10 });
    await page.keyboard.press("Enter");
    const note = apparatus.getByRole("listitem").nth(1);
    await expect(note).toBeFocused();
    await expect(note).toContainText("Sentence 2");
    await expect(note).toContainText(
      "Zadania Warszawy i miast które miały się bronić przed Niemcami – bez zmian",
    );
    await expectNoAxeViolations(page);

    await tabTo(page, note.getByRole("link", { name: "Back to the text at editor’s note b" }), {
      maxPresses: 3,
    });
    await page.keyboard.press("Enter");
    await expect(marker).toBeFocused();

    await page.emulateMedia({ media: "print" });
    await expect(marker).toBeVisible();
    await expect(note).toBeVisible();
    await expect(note.getByRole("link")).toBeHidden();
  });
});

test("the permalink page of a passage shows its sentence's editor's note", async ({ page }) => {
  const text = readFileSync(new URL("../../sources/kuty-directive/text.pl.txt", import.meta.url), "utf8");
  const quote = "Z bolszewikami nie walczyć";
  const start = text.indexOf(quote);
  const made = await page.request.post("/api/permalinks", {
    data: { source: "kuty-directive", editionNumber: 1, start, end: start + quote.length },
  });
  expect(made.ok()).toBe(true);
  await page.goto(`/en${((await made.json()) as { path: string }).path}`);
  await expect(page.getByRole("link", { name: "Editor’s note b", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Editor’s notes" })).toContainText("Sentence 2");
});
