import { expect, test } from "./account-fixtures";
import { annotate, card, createSeminar, openSource, panel } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * Who reads what after a thread changes hands: widening a question with a confidential reply asks the
 * author first and leaves the reply with the instructors; a removed student keeps reading their own
 * note, marked as from a group they left, with nothing left to change.
 */
test.describe("audiences", () => {
  test("widening a thread asks first, and its replies keep their audience", async ({ newVisitor }) => {
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [(typeof seminar.students)[0], (typeof seminar.students)[0]];
    const instructor = seminar.instructor;

    await openSource(ala.page);
    await annotate(ala.page, "Władimira Potiomkina", "Just between us", { visibility: "Instructors and me" });
    await openSource(instructor.page);
    const question = card(instructor.page, "Just between us");
    await question.getByRole("button", { name: "Reply" }).click();
    await question.getByRole("textbox", { name: "Reply" }).fill("A confidential answer.");
    await question.getByRole("button", { name: "Post reply" }).click();
    await expect(question).toContainText("A confidential answer.");

    // Ala shows her question to the whole group: the reader asks first, and "Go back" keeps the form.
    await ala.page.reload();
    await expect(ala.page.locator('[data-annotations-ready="true"]')).toHaveCount(1);
    const mine = card(ala.page, "Just between us");
    await mine.getByRole("button", { name: "Edit" }).click();
    await mine.getByRole("radio", { name: "Whole group" }).check();
    await mine.getByRole("button", { name: "Save changes" }).click();
    const confirm = mine.getByRole("group", { name: "Show this annotation to the whole group?" });
    await expect(confirm).toContainText("Its reply keeps the audience it was written for");
    await expect(confirm).toBeFocused();
    await expectNoAxeViolations(ala.page);
    await confirm.getByRole("button", { name: "Go back" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(mine.getByRole("radio", { name: "Whole group" })).toBeChecked();
    await mine.getByRole("button", { name: "Save changes" }).click();
    await mine.getByRole("button", { name: "Save and share" }).click();
    await expect(mine.getByRole("button", { name: "Save changes" })).toHaveCount(0);

    // Bartek now reads the question, not the answer written for the instructors.
    await openSource(bartek.page);
    await expect(card(bartek.page, "Just between us")).toBeVisible();
    await expect(panel(bartek.page)).not.toContainText("A confidential answer.");
  });

  test("a removed student reads their own note only, read-only", async ({ newVisitor }) => {
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [(typeof seminar.students)[0], (typeof seminar.students)[0]];
    const instructor = seminar.instructor;
    await openSource(ala.page);
    await annotate(ala.page, "Władimira Potiomkina", "Ala's note for the group");
    await openSource(bartek.page);
    await expect(card(bartek.page, "Ala's note for the group")).toBeVisible();

    // Bartek annotates, then is removed: his note stays his, read-only, marked as from a group he left.
    await annotate(bartek.page, "nocie dyplomatycznej", "Bartek's own note");
    await instructor.page.goto(`/en/groups/${seminar.groupId}`);
    await instructor.groups.removeMember(bartek.who.name);
    await openSource(bartek.page);
    const kept = card(bartek.page, "Bartek's own note");
    await expect(kept).toContainText("From a group you have left");
    await expect(kept.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(kept.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(panel(bartek.page)).not.toContainText("Ala's note for the group");
  });
});
