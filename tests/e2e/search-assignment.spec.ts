import { expect, submitForm, test } from "./account-fixtures";
import { annotationRequest, createSeminar } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Search filtered by an assignment: offered to the assignment's group (a select in the filters, by
 * keyboard), it keeps the sentences of its readings and the group's notes on them.
 */
test("a student filters a search by their assignment's readings", async ({ newVisitor }) => {
  const seminar = await createSeminar(newVisitor, { students: ["Anna Studentka"] });
  const student = seminar.students[0]!;
  const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 16);
  await submitForm(seminar.instructor.page.request, `/en/groups/${seminar.groupId}/assignments/new`, {
    title: "Week 1: the pretext",
    opensAt: at(-1),
    dueAt: at(1),
    timeZone: "UTC",
    minAnnotations: "1",
    minReplies: "0",
    minQuestions: "0",
    readings: JSON.stringify([{ source: "soviet-note", firstSentence: 1, lastSentence: 2 }]),
  });
  const posted = await student.page.request.post("/api/annotations", {
    data: annotationRequest("soviet-note", "Oficjalny pretekst agresji", {
      groupId: seminar.groupId,
      text: "Pretext as a legal fiction.",
    }),
  });
  expect(posted.status()).toBe(201);

  const { page } = student;
  await page.goto("/en/search?q=pretekst");
  const filter = page.getByRole("combobox", { name: "Assignment" });
  await filter.focus();
  await filter.selectOption({ label: `Week 1: the pretext (${seminar.groupName})` });
  await page.getByRole("searchbox", { name: "Search for" }).press("Enter");
  await page.waitForURL((url) => url.searchParams.get("assignment") !== null);
  const passages = page.getByRole("region", { name: /Passages/u });
  await expect(passages.getByRole("link").first()).toBeVisible();
  for (const link of await passages.getByRole("link").all()) {
    await expect(link).toHaveAttribute("href", /\/sources\/soviet-note\/[12]$/u);
  }
  await expect(page.getByRole("region", { name: /Notes/u }).getByText("legal fiction")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`${new URL(page.url()).pathname.replace("/en/", "/pl/")}${new URL(page.url()).search}`);
  await expect(page.getByRole("combobox", { name: "Zadanie" })).toHaveValue(/.+/u);
  await expectNoAxeViolations(page);
});
