import {
  annotate,
  annotationRequest,
  card,
  createSeminar,
  openSource,
  panel,
  sourceText,
} from "./annotation-fixtures";
import { expect, person, test } from "./account-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/** Defects a new user met in the reader's panel and the groups pages (issue 10). */
test.describe("the reader's panel and groups, as a new user meets them", () => {
  test("a second group does not silently take the seminar's notes away; the panel names and switches the group", async ({
    newVisitor,
  }) => {
    test.setTimeout(120_000);
    const seminar = await createSeminar(newVisitor, { students: [] });
    const { page, groups } = seminar.instructor;
    await openSource(page);
    await annotate(page, "rozpadzie państwa", "Seminar note on the pretext");

    // A second group: the seminar stays the current group, and the new group's page says so.
    const other = `Reading group ${Date.now().toString(36)}`;
    const otherId = new URL(await groups.create({ name: other })).pathname.split("/").at(-1)!;
    await expect(page.getByText(`Your current group is ${seminar.groupName}`)).toBeVisible();
    await expect(groups.yourRole("Instructor")).toBeVisible();

    // The panel names the group it shows, and the seminar's note is still there.
    await openSource(page);
    const shown = panel(page).getByRole("combobox", { name: "Notes shown" });
    await expect(shown).toHaveValue(seminar.groupId);
    await expect(card(page, "Seminar note on the pretext")).toBeVisible();
    await expectNoAxeViolations(page);

    // Switching to the other group (keyboard: choose, then Show) shows its (empty) notes...
    await shown.selectOption({ label: other });
    await panel(page).getByRole("button", { name: "Show", exact: true }).press("Enter");
    await expect(card(page, "Seminar note on the pretext")).toHaveCount(0);
    await expect(
      panel(page)
        .getByRole("status")
        .filter({ hasText: `Now showing the notes of ${other}` }),
    ).toHaveCount(1);
    // ...and is the same setting as the header's picker, which follows at once.
    await expect(page.locator("#current-group")).toHaveValue(otherId);

    // Back to the seminar: its note is there again.
    await page.reload();
    await expect(page.locator('[data-annotations-ready="true"]')).toHaveCount(1);
    await panel(page).getByRole("combobox", { name: "Notes shown" }).selectOption(seminar.groupId);
    await panel(page).getByRole("button", { name: "Show", exact: true }).click();
    await expect(card(page, "Seminar note on the pretext")).toBeVisible();
  });

  test("the sole instructor is not offered a role change for herself", async ({ auth, groups, page }) => {
    await auth.signUp(person("Sara Sama"));
    await groups.create({ name: `Solo ${Date.now().toString(36)}` });
    await expect(groups.yourRole("Instructor")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Role of Sara Sama" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Save role of Sara Sama/ })).toHaveCount(0);
    await expect(groups.memberRow("Sara Sama")).toContainText("the only instructor");
  });

  test("a note saved while the panel shows another sentence is shown; quotations say they are Polish", async ({
    newVisitor,
  }) => {
    test.setTimeout(90_000);
    const seminar = await createSeminar(newVisitor, { students: ["Nina Nowa"] });
    const { page } = seminar.students[0]!;
    await openSource(page);
    await annotate(page, "Władimira Potiomkina", "Who was Potemkin?");

    // The panel shows sentence 1's notes; then the reader annotates sentence 2.
    await page.getByRole("button", { name: "Sentence 1: 1 annotation" }).click();
    await expect(panel(page).getByRole("heading", { name: /Sentence 1/ })).toBeVisible();
    await page.getByRole("button", { name: "Annotate sentence 2" }).focus();
    await page.keyboard.press("Enter");
    const composer = panel(page).getByRole("region", { name: "New annotation" });
    await composer.getByRole("radio", { name: "Whole group" }).check();
    await composer.getByRole("textbox", { name: "Comment" }).fill("The note's three pretexts");
    await composer.getByRole("button", { name: "Save annotation" }).click();

    const saved = card(page, "The note's three pretexts");
    await expect(saved).toBeVisible();
    await expect(saved).toBeFocused();
    // The quotation from the Polish text is marked as Polish.
    await expect(saved.getByRole("blockquote")).toHaveAttribute("lang", "pl");
  });

  test("another reader's open history closes when the note is deleted", async ({ newVisitor }) => {
    test.setTimeout(120_000);
    const seminar = await createSeminar(newVisitor, { students: ["Hela Historia"] });
    const student = seminar.students[0]!;
    const instructor = seminar.instructor;
    await openSource(student.page);
    await annotate(student.page, "ucieczce rządu polskiego", "First wording of the note");
    const note = card(student.page, "ucieczce rządu polskiego");
    await note.getByRole("button", { name: "Edit" }).click();
    await note.getByRole("textbox", { name: "Comment" }).fill("Second wording of the note");
    await note.getByRole("button", { name: "Save changes" }).click();
    await expect(note.getByRole("button", { name: "Save changes" })).toHaveCount(0);

    // The instructor replies (so the thread stays, as a tombstone) and opens the history.
    await openSource(instructor.page);
    const seen = card(instructor.page, "ucieczce rządu polskiego");
    await seen.getByRole("button", { name: "Reply" }).click();
    await seen.getByRole("textbox", { name: "Reply" }).fill("Which government?");
    await seen.getByRole("button", { name: "Post reply" }).click();
    await expect(seen).toContainText("Which government?");
    await seen.getByRole("button", { name: /edited/ }).click();
    const history = seen.getByRole("group", { name: "Earlier versions" });
    await expect(history).toContainText("First wording of the note");

    // The student deletes it: without a reload, the instructor's panel no longer shows its texts.
    await student.page.reload();
    await expect(student.page.locator('[data-annotations-ready="true"]')).toHaveCount(1);
    const own = card(student.page, "ucieczce rządu polskiego");
    await own.getByRole("button", { name: "Delete" }).first().click();
    await own.getByRole("button", { name: "Delete", exact: true }).last().click();
    await expect(card(instructor.page, "This annotation was deleted.")).toContainText("Which government?", {
      timeout: 15_000,
    });
    await expect(panel(instructor.page)).not.toContainText("First wording of the note");
    await expect(panel(instructor.page)).not.toContainText("Second wording of the note");
  });

  test("a cross-reference chip reads in the reader's language, not its author's", async ({ newVisitor }) => {
    test.setTimeout(90_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ela English"] });
    const { page } = seminar.students[0]!;
    await openSource(page);
    const cited = "Z bolszewikami nie walczyć";
    const start = sourceText("kuty-directive").indexOf(cited);
    const made = await page.request.post("/api/permalinks", {
      data: { source: "kuty-directive", editionNumber: 1, start, end: start + cited.length },
    });
    const { id } = (await made.json()) as { id: string };
    // Written in the English interface: its author's label would be "The Kuty Directive, sentence 2".
    const request = annotationRequest("soviet-note", "Władimira Potiomkina", { groupId: seminar.groupId });
    const saved = await page.request.post("/api/annotations", {
      data: {
        ...request,
        body: {
          type: "doc",
          content: [
            {
              type: "paragraph",
              content: [
                { type: "text", text: "Compare " },
                { type: "passageReference", attrs: { permalinkId: id, label: "", quote: "" } },
              ],
            },
          ],
        },
      },
    });
    expect(saved.status()).toBe(201);

    // The instructor reads the Polish page: the chip is in Polish, its quotation marked as Polish.
    const instructor = seminar.instructor.page;
    await instructor.goto("/pl/sources/soviet-note");
    await expect(instructor.locator('[data-annotations-ready="true"]')).toHaveCount(1);
    const chip = instructor.locator("a.passage-ref");
    await expect(chip).toHaveAccessibleName(`Dyrektywa z Kut, zd. 2 ${cited}`);
    await expect(chip.locator("q")).toHaveAttribute("lang", "pl");
    await openSource(instructor, "/en/sources/soviet-note");
    await expect(instructor.locator("a.passage-ref")).toHaveAccessibleName(
      `The Kuty Directive, sentence 2 ${cited}`,
    );
  });
});
