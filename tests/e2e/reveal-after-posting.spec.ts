import { expect, test } from "./account-fixtures";
import { annotate, annotationRequest, card, createSeminar, openSource, panel } from "./annotation-fixtures";
import { assignmentFormForAlaAndBartek } from "./assignment-form-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * Reveal after posting (issue 13): classmates' notes on the assigned sentences stay hidden from a
 * student until they post their own there, and appear when they do.
 */
test.describe("reveal after posting", () => {
  test("a student sees classmates' notes on the reading only after posting their own", async ({
    newVisitor,
  }) => {
    test.setTimeout(60_000);
    const { seminar, ala, bartek, page } = await assignmentFormForAlaAndBartek(newVisitor, "Post first");
    await page.getByLabel("At least this many annotations").fill("1");
    await page
      .getByLabel("Students see classmates' notes on the readings only after posting their own")
      .check();
    await expect(page.getByRole("radio", { name: "shown from the start" })).toBeChecked();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Create assignment" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Post first" })).toBeVisible();

    const posted = await bartek.page.request.post("/api/annotations", {
      data: annotationRequest("soviet-note", "ucieczce rządu polskiego", {
        groupId: seminar.groupId,
        text: "Bartek's reading of the flight",
      }),
    });
    expect(posted.status()).toBe(201);

    // The staff see who has unlocked: Bartek (he posted on the reading), not Ala yet.
    await page.reload();
    const table = page.getByRole("table", { name: /^Students’ progress|^Students' progress/ });
    await expect(table.getByRole("row").filter({ hasText: "Bartek Drugi" })).toContainText("yes");
    await expect(table.getByRole("row").filter({ hasText: "Ala Pierwsza" })).toContainText("not yet");

    await openSource(ala.page);
    const banner = ala.page.getByRole("region", { name: "Post first" });
    await expect(banner).toContainText("0 of 1 to see your classmates' notes");
    await expect(banner).toContainText(
      "Your classmates' notes on this reading are hidden until you post 1 annotation of your own here.",
    );
    await expect(card(ala.page, "Bartek's reading of the flight")).toHaveCount(0);
    await expect(panel(ala.page).getByRole("note")).toContainText(
      "Your classmates' notes on this reading are hidden until you post 1 annotation of your own on it",
    );
    await expectNoAxeViolations(ala.page);

    await annotate(ala.page, "Oficjalny pretekst agresji", "Ala's own first note");
    await expect(card(ala.page, "Bartek's reading of the flight")).toBeVisible({ timeout: 8_000 });
    await expect(banner).toContainText("your classmates' notes are shown");
    await expect(panel(ala.page).getByRole("note")).toHaveCount(0);

    await page.reload();
    await expect(table.getByRole("row").filter({ hasText: "Ala Pierwsza" })).toContainText("yes");
  });

  test("the assignment form with its reveal options is axe clean in Polish", async ({ newVisitor }) => {
    const seminar = await createSeminar(newVisitor, { students: [] });
    const { page } = seminar.instructor;
    await page.goto(`/pl/groups/${seminar.groupId}/assignments/new`);
    await expect(page.getByRole("group", { name: "Odsłanianie po opublikowaniu" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "widoczne od początku" })).toBeChecked();
    await expectNoAxeViolations(page);
  });
});
