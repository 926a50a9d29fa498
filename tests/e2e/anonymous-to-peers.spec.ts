import { expect, test } from "./account-fixtures";
import { annotationRequest, card, openSource, panel, selectText } from "./annotation-fixtures";
import { assignmentFormForAlaAndBartek } from "./assignment-form-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * Anonymous to peers (issue 13): on an anonymous assignment's readings a student sees a classmate's
 * note under a pseudonym, is told their own before posting, and the instructor sees names.
 */
test("an anonymous assignment: classmates under pseudonyms, told before posting, names for the instructor", async ({
  newVisitor,
}) => {
  // A seminar of three and an assignment made through the form: ~20 s beside another worker.
  test.setTimeout(60_000);
  const { seminar, ala, bartek, page } = await assignmentFormForAlaAndBartek(newVisitor, "Anonymous week");
  // The option by keyboard alone.
  await page.getByLabel("Students see their classmates' notes on the readings under pseudonyms").focus();
  await page.keyboard.press("Space");
  await expect(
    page.getByLabel("Students see their classmates' notes on the readings under pseudonyms"),
  ).toBeChecked();
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Anonymous week" })).toBeVisible();

  const posted = await bartek.page.request.post("/api/annotations", {
    data: annotationRequest("soviet-note", "ucieczce rządu polskiego", {
      groupId: seminar.groupId,
      text: "Bartek's reading of the flight",
    }),
  });
  expect(posted.status()).toBe(201);

  // Ala is told her pseudonym in the banner, sees Bartek's note under his, and never his name.
  await openSource(ala.page);
  const banner = ala.page.getByRole("region", { name: "Anonymous week" });
  await expect(banner).toContainText(
    /your classmates see you as “Student \d+”; your instructors see your name/u,
  );
  const alaAs = /“Student (\d+)”/u.exec((await banner.textContent()) ?? "")![1]!;
  const bartekCard = card(ala.page, "Bartek's reading of the flight");
  await expect(bartekCard).toContainText(/Student \d+/u);
  await expect(bartekCard).not.toContainText(`Student ${alaAs}`);
  expect(await ala.page.content()).not.toContain("Bartek Drugi");
  // Before posting on the reading, the composer says it again.
  await selectText(ala.page, "Oficjalny pretekst agresji");
  await ala.page.getByRole("button", { name: "Annotate", exact: true }).click();
  const composer = panel(ala.page).getByRole("region", { name: "New annotation" });
  await expect(composer.getByRole("note")).toHaveText(
    `Your classmates will see this note as by “Student ${alaAs}”; your instructors will see your name.`,
  );
  await expectNoAxeViolations(ala.page);

  // The instructor sees Bartek's name on the same note.
  await openSource(page);
  await expect(card(page, "Bartek's reading of the flight")).toContainText("Bartek Drugi");

  // In Polish, the pseudonym is "Osoba N", and the page stays axe clean.
  await openSource(ala.page, "/pl/sources/soviet-note");
  const inPolish = ala.page
    .getByRole("article", { name: /^Komentarz/u })
    .filter({ hasText: "Bartek's reading of the flight" });
  await expect(inPolish).toContainText(/Osoba \d+/u);
  await expectNoAxeViolations(ala.page);
});
