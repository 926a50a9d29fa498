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
    await tabTo(page, marker);
    await page.keyboard.press("Enter");
    const note = apparatus.getByRole("listitem").nth(1);
    await expect(note).toBeFocused();
    await expect(note).toContainText("Sentence 2");
    await expect(note).toContainText(
      "Zadania Warszawy i miast które miały się bronić przed Niemcami – bez zmian",
    );
    await expectNoAxeViolations(page);

    await tabTo(page, note.getByRole("link", { name: "Back to the text at editor’s note b" }));
    await page.keyboard.press("Enter");
    await expect(marker).toBeFocused();

    await page.emulateMedia({ media: "print" });
    await expect(marker).toBeVisible();
    await expect(note).toBeVisible();
    await expect(note.getByRole("link")).toBeHidden();
  });
});
