import { expect, test } from "./account-fixtures";
import {
  annotate,
  annotationRequest,
  card,
  createSeminar,
  openSource,
  panel,
  paragraph,
  type Seminar,
} from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * A seminar annotating the Soviet note together, in the browser: two students and their instructor
 * annotate, reply, filter, edit, delete and hide; a private note never shows for the others; and a
 * student annotates with the keyboard alone.
 */
type Student = Seminar["students"][number];

/**
 * Makes an annotation on the Soviet note through the API, as `author` (the journeys below set the
 * scene this way and test, in the browser, only what they are about). Returns its id.
 */
async function post(
  author: Student,
  quote: string,
  groupId: string,
  text: string,
  options: { kind?: string; visibility?: string; tags?: string[] } = {},
): Promise<string> {
  const response = await author.page.request.post("/api/annotations", {
    data: annotationRequest("soviet-note", quote, { groupId, text, ...options }),
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test.describe("annotating together", () => {
  test("a student annotates; a classmate sees the group's work but not her private note", async ({
    newVisitor,
  }) => {
    // Three annotations made through the selection and the composer (what this journey tests) and a
    // second reader: 30 s on a quiet 2-core CI machine, so it gets twice the default allowance.
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [Student, Student];

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

    await openSource(bartek.page);
    await expect(card(bartek.page, "Who was Potemkin?")).toBeVisible();
    await expect(card(bartek.page, "The pretext of a collapsed state")).toBeVisible();
    await expect(panel(bartek.page)).not.toContainText("My private reminder");
    await expect(bartek.page.getByRole("button", { name: "Sentence 1: 1 annotation" })).toBeVisible();
  });

  test("a classmate replies to a question, and filters the panel", async ({ newVisitor }) => {
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [Student, Student];
    await post(ala, "Władimira Potiomkina", seminar.groupId, "Who was Potemkin?", {
      kind: "question",
      tags: ["people"],
    });
    await post(ala, "rozpadzie państwa", seminar.groupId, "The pretext of a collapsed state");

    await openSource(bartek.page);
    const question = card(bartek.page, "Who was Potemkin?");
    await question.getByRole("button", { name: "Reply" }).click();
    await question.getByRole("textbox", { name: "Reply" }).fill("Deputy foreign commissar.");
    await question.getByRole("button", { name: "Post reply" }).click();
    await expect(question.getByRole("button", { name: "Post reply" })).toHaveCount(0);
    await expect(question).toContainText("Deputy foreign commissar.");

    // Filters: questions only, then his own (none).
    await panel(bartek.page)
      .getByRole("radio", { name: /Questions/ })
      .check();
    await expect(card(bartek.page, "Who was Potemkin?")).toBeVisible();
    await expect(card(bartek.page, "The pretext of a collapsed state")).toHaveCount(0);
    await panel(bartek.page).getByRole("radio", { name: /All/ }).check();
    await panel(bartek.page).getByRole("radio", { name: /Mine/ }).check();
    await expect(panel(bartek.page).getByRole("article")).toHaveCount(0);
    await panel(bartek.page).getByRole("radio", { name: /All/ }).check();
    await expect(card(bartek.page, "The pretext of a collapsed state")).toBeVisible();
  });

  test("an edit shows as edited to the others", async ({ newVisitor }) => {
    // 24.0 s in a CI run on a slow 2-core machine (2026-12-07), near the default 30 s: twice that.
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [Student, Student];
    await post(ala, "rozpadzie państwa", seminar.groupId, "The pretext of a collapsed state");

    await openSource(ala.page);
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
    await openSource(bartek.page);
    const edited = card(bartek.page, "The pretext: a state said to have collapsed");
    await expect(edited).toContainText("edited");
  });

  test("the instructor hides a note with a reason its author sees, and the others no longer see it", async ({
    newVisitor,
  }) => {
    // 30.0 s in a CI run on a slow 2-core machine (2026-12-07), near the default 30 s: twice that.
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [Student, Student];
    const instructor = seminar.instructor;
    await post(ala, "Wacławowi Grzybowskiemu", seminar.groupId, "My private reminder", {
      visibility: "private",
    });
    await post(ala, "Władimira Potiomkina", seminar.groupId, "Who was Potemkin?", { kind: "question" });
    await post(ala, "rozpadzie państwa", seminar.groupId, "The pretext of a collapsed state");

    // The instructor sees the group's annotations (not the private one) and hides one.
    await openSource(instructor.page);
    await expect(card(instructor.page, "Who was Potemkin?")).toBeVisible();
    await expect(panel(instructor.page)).not.toContainText("My private reminder");
    const toHide = card(instructor.page, "The pretext of a collapsed state");
    await toHide.getByRole("button", { name: "Hide" }).click();
    await toHide.getByRole("textbox", { name: "Reason" }).fill("Please cite the text");
    await toHide.getByRole("button", { name: "Hide", exact: true }).last().click();
    await expect(card(instructor.page, "Please cite the text")).toBeVisible();
    await openSource(bartek.page);
    await expect(card(bartek.page, "Who was Potemkin?")).toBeVisible();
    await expect(panel(bartek.page)).not.toContainText("The pretext of a collapsed state");
    await openSource(ala.page);
    await expect(card(ala.page, "Please cite the text")).toContainText("The pretext of a collapsed state");
  });

  test("an author deletes her private note, and a question with a reply stays as a tombstone", async ({
    newVisitor,
  }) => {
    // 25.8 s in a CI run on a slow 2-core machine (2026-12-07), near the default 30 s: twice that.
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [Student, Student];
    await post(ala, "Wacławowi Grzybowskiemu", seminar.groupId, "My private reminder", {
      visibility: "private",
    });
    const questionId = await post(ala, "Władimira Potiomkina", seminar.groupId, "Who was Potemkin?", {
      kind: "question",
    });
    const reply = await bartek.page.request.post(`/api/annotations/${questionId}/replies`, {
      data: { body: paragraph("Deputy foreign commissar.") },
    });
    expect(reply.status()).toBe(201);

    await openSource(ala.page);
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
