import { expect, test } from "./account-fixtures";
import { annotate, card, createSeminar, openSource, panel } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * A seminar annotating the Soviet note together, in the browser: two students and their instructor
 * annotate, reply, filter, edit, delete and hide; a private note never shows for the others; and a
 * student annotates with the keyboard alone.
 */
test.describe("annotating together", () => {
  test("two students and an instructor annotate, reply, filter, edit, delete and hide", async ({
    newVisitor,
  }) => {
    test.setTimeout(120_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [(typeof seminar.students)[0], (typeof seminar.students)[0]];
    const instructor = seminar.instructor;

    await openSource(ala.page);
    await annotate(ala.page, "Władimira Potiomkina", "Who was Potemkin?", {
      kind: "Question",
      tags: "people",
    });
    await annotate(ala.page, "Wacławowi Grzybowskiemu", "My private reminder", { visibility: "Only me" });
    await annotate(ala.page, "rozpadzie państwa", "The pretext of a collapsed state");
    // Highlights are drawn, and sentence 1 counts its two annotations.
    await expect(ala.page.locator("#s-1 mark")).not.toHaveCount(0);
    await expect(ala.page.getByRole("button", { name: "Sentence 1: 2 annotations" })).toBeVisible();

    // Bartek sees the group's work but not Ala's private note, and replies.
    await openSource(bartek.page);
    await expect(card(bartek.page, "Who was Potemkin?")).toBeVisible();
    await expect(card(bartek.page, "The pretext of a collapsed state")).toBeVisible();
    await expect(panel(bartek.page)).not.toContainText("My private reminder");
    await expect(bartek.page.getByRole("button", { name: "Sentence 1: 1 annotation" })).toBeVisible();
    const question = card(bartek.page, "Who was Potemkin?");
    await question.getByRole("button", { name: "Reply" }).click();
    await question.getByRole("textbox", { name: "Reply" }).fill("Deputy foreign commissar.");
    await question.getByRole("button", { name: "Post reply" }).click();
    await expect(question.getByRole("button", { name: "Post reply" })).toHaveCount(0);
    await expect(question).toContainText("Deputy foreign commissar.");

    // Filters: questions only, then by tag.
    await panel(bartek.page)
      .getByRole("radio", { name: /Questions/ })
      .check();
    await expect(card(bartek.page, "Who was Potemkin?")).toBeVisible();
    await expect(card(bartek.page, "The pretext of a collapsed state")).toHaveCount(0);
    await panel(bartek.page).getByRole("radio", { name: /All/ }).check();
    await panel(bartek.page).getByRole("radio", { name: /Mine/ }).check();
    await expect(panel(bartek.page).getByRole("article")).toHaveCount(0);
    await panel(bartek.page).getByRole("radio", { name: /All/ }).check();

    // Ala edits her comment: the others see it marked edited, with the earlier version.
    await ala.page.reload();
    await expect(ala.page.locator('[data-annotations-ready="true"]')).toHaveCount(1);
    // Found by its quote, which stays while the note's text changes.
    const comment = card(ala.page, "rozpadzie państwa");
    await comment.getByRole("button", { name: "Edit" }).click();
    await comment
      .getByRole("textbox", { name: "Comment" })
      .fill("The pretext: a state said to have collapsed");
    await comment.getByRole("button", { name: "Save changes" }).click();
    // Saved once the edit form has closed (its editor also holds the new text while it is open).
    await expect(comment.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(card(ala.page, "The pretext: a state said to have collapsed")).toBeVisible();
    await bartek.page.reload();
    const edited = card(bartek.page, "The pretext: a state said to have collapsed");
    await expect(edited).toContainText("edited");

    // The instructor sees the group's annotations (not the private one) and hides the edited one.
    await openSource(instructor.page);
    await expect(panel(instructor.page)).not.toContainText("My private reminder");
    const toHide = card(instructor.page, "The pretext: a state said to have collapsed");
    await toHide.getByRole("button", { name: "Hide" }).click();
    await toHide.getByRole("textbox", { name: "Reason" }).fill("Please cite the text");
    await toHide.getByRole("button", { name: "Hide", exact: true }).last().click();
    await expect(card(instructor.page, "Please cite the text")).toBeVisible();
    await bartek.page.reload();
    await expect(panel(bartek.page).getByRole("article").first()).toBeVisible();
    await expect(panel(bartek.page)).not.toContainText("a state said to have collapsed");
    await ala.page.reload();
    await expect(card(ala.page, "Please cite the text")).toContainText("a state said to have collapsed");

    // Ala deletes her private note; her question keeps its thread as a tombstone when deleted.
    const reminder = card(ala.page, "My private reminder");
    await reminder.getByRole("button", { name: "Delete" }).click();
    await reminder.getByRole("button", { name: "Delete", exact: true }).last().click();
    await expect(card(ala.page, "My private reminder")).toHaveCount(0);
    const withReply = card(ala.page, "Who was Potemkin?");
    await withReply.getByRole("button", { name: "Delete" }).first().click();
    await withReply.getByRole("button", { name: "Delete", exact: true }).last().click();
    await expect(card(ala.page, "This annotation was deleted.")).toContainText("Deputy foreign commissar.");

    await expectNoAxeViolations(ala.page);
  });

  test("a student annotates a sentence with the keyboard alone", async ({ newVisitor }) => {
    test.setTimeout(90_000);
    const seminar = await createSeminar(newVisitor, { students: ["Kasia Klawiatura"] });
    const { page } = seminar.students[0]!;
    await openSource(page);
    await page.getByRole("button", { name: "Annotate sentence 2" }).focus();
    await page.keyboard.press("Enter");
    const composer = panel(page).getByRole("region", { name: "New annotation" });
    await expect(composer).toContainText("Zamieszczono tam");
    // Shrink the end by two words with the keyboard.
    await composer.getByRole("button", { name: "Shrink the end by one word" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect(composer).not.toContainText("od wojny.");
    await composer.getByRole("textbox", { name: "Comment" }).focus();
    await page.keyboard.type("Three claims in one sentence.");
    await page.keyboard.press("Control+Enter");
    await expect(card(page, "Three claims in one sentence.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sentence 2: 1 annotation" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
