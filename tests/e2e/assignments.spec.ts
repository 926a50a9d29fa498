import { expect, submitForm, test, type Visitor } from "./account-fixtures";
import { annotationRequest, createSeminar } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A datetime-local value in UTC, `days` from now. */
function localTime(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 16);
}

/**
 * Creates an assignment without showing a page (the form posted as without JavaScript): sentences 1–2
 * of the Soviet note, open since yesterday, due tomorrow, one annotation. Returns its id.
 */
async function assignQuickly(instructor: Visitor, groupId: string, title: string): Promise<string> {
  const path = await submitForm(instructor.page.request, `/en/groups/${groupId}/assignments/new`, {
    title,
    opensAt: localTime(-1),
    dueAt: localTime(1),
    timeZone: "UTC",
    minAnnotations: "1",
    minReplies: "0",
    minQuestions: "0",
    readings: JSON.stringify([{ source: "soviet-note", firstSentence: 1, lastSentence: 2 }]),
  });
  return path.split("/").at(-1)!;
}

/** A student's annotation on the first words of the Soviet note (sentence 1), in the group. */
async function annotateFirstSentence(student: Visitor, groupId: string) {
  const response = await student.page.request.post("/api/annotations", {
    data: annotationRequest("soviet-note", "Oficjalny pretekst agresji", { groupId, text: "The pretext." }),
  });
  expect(response.status()).toBe(201);
}

test.describe("assignments", () => {
  test("the new assignment form is axe clean and its readings move by keyboard", async ({ newVisitor }) => {
    const seminar = await createSeminar(newVisitor, { students: [] });
    const { page } = seminar.instructor;
    await page.goto(`/en/groups/${seminar.groupId}/assignments/new`);
    await page.getByRole("button", { name: "Add a reading" }).click();
    await page.getByLabel("Reading 2: source").selectOption({ label: "The Kuty Directive" });
    await page.getByRole("button", { name: "Move reading 2 up" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Reading 1: source")).toHaveValue("kuty-directive");
    await expectNoAxeViolations(page);
  });

  test("an instructor sets readings over two sources in the form", async ({ newVisitor }) => {
    const seminar = await createSeminar(newVisitor, { students: [] });
    const { page } = seminar.instructor;
    await page.goto(`/en/groups/${seminar.groupId}/assignments`);
    await page.getByRole("link", { name: "New assignment" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^New assignment for/ })).toBeVisible();
    await page.getByLabel("Title").fill("Week 3: the Soviet note and Kuty");
    await page.getByRole("textbox", { name: "Instructions" }).fill("Ask one question about the pretext.");
    await page
      .getByLabel("Reading 1: source")
      .selectOption({ label: "The Soviet Note of 17 September 1939" });
    await page.getByLabel("Reading 1: first sentence").fill("2");
    await page.getByLabel("Reading 1: last sentence").fill("3");
    await page.getByRole("button", { name: "Add a reading" }).click();
    await page.getByLabel("Reading 2: source").selectOption({ label: "The Kuty Directive" });
    await page.getByLabel("Opens").fill(localTime(-1));
    await page.getByLabel("Due").fill(localTime(7));
    await page.getByLabel(/^Time zone/).fill("Europe/Warsaw");
    await page.getByRole("button", { name: "Create assignment" }).click();

    await expect(
      page.getByRole("heading", { level: 1, name: "Week 3: the Soviet note and Kuty" }),
    ).toBeVisible();
    await expect(page.getByText("Assignment saved.")).toBeVisible();
    const readings = page.getByRole("region", { name: "Readings, in order" }).getByRole("listitem");
    await expect(readings).toHaveText([
      "The Soviet Note of 17 September 1939: sentences 2–3",
      "The Kuty Directive: the whole source",
    ]);
    await expect(page.getByText("Ask one question about the pretext.")).toBeVisible();
  });

  test("a student sees the assignment in My work and in the reader, with their progress", async ({
    newVisitor,
  }) => {
    const seminar = await createSeminar(newVisitor, { students: ["Zofia Łęcka"] });
    await assignQuickly(seminar.instructor, seminar.groupId, "Read the note");
    const student = seminar.students[0]!;
    await annotateFirstSentence(student, seminar.groupId);

    await student.page.goto("/en/my-work");
    const item = student.page.getByRole("listitem").filter({ hasText: "Read the note" });
    await expect(item).toContainText("Status: complete");
    await expect(item).toContainText("At least 1 annotation — you have 1 of 1");
    await expect(item.getByRole("link", { name: "Open the reading: Read the note" })).toHaveAttribute(
      "href",
      "/en/sources/soviet-note/1",
    );
    await expectNoAxeViolations(student.page);

    await student.page.goto("/en/sources/soviet-note");
    const banner = student.page.getByRole("region", { name: "Read the note" });
    await expect(banner).toContainText("Assigned: sentences 1–2");
    await expect(banner).toContainText("1 of 1 annotations");
    await expect(student.page.locator("#s-2")).toHaveAttribute("data-assigned", "");
    await expect(student.page.locator("#s-3")).not.toHaveAttribute("data-assigned", "");
  });

  test("the instructor's progress table sorts by keyboard and is axe clean", async ({ newVisitor }) => {
    const seminar = await createSeminar(newVisitor, { students: ["Zofia Łęcka", "Adam Żak"] });
    const id = await assignQuickly(seminar.instructor, seminar.groupId, "Sorting");
    await annotateFirstSentence(seminar.students[0]!, seminar.groupId);
    const { page } = seminar.instructor;
    await page.goto(`/en/assignments/${id}`);
    const header = page.getByRole("columnheader", { name: "Annotations" });
    await header.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    const names = page
      .getByRole("table", { name: /^Students’ progress|^Students' progress/ })
      .getByRole("rowheader");
    await expect(names).toHaveText(["Adam Żak", "Zofia Łęcka"]);
    await page.keyboard.press("Enter");
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expect(names).toHaveText(["Zofia Łęcka", "Adam Żak"]);
    await expectNoAxeViolations(page);
  });

  test("the table's CSV keeps Polish names and is refused to students", async ({ newVisitor }) => {
    const seminar = await createSeminar(newVisitor, { students: ["Zofia Łęcka", "Adam Żak"] });
    const id = await assignQuickly(seminar.instructor, seminar.groupId, "Export");
    await annotateFirstSentence(seminar.students[0]!, seminar.groupId);
    const { page } = seminar.instructor;
    const csv = await page.request.get(`/api/assignments/${id}/progress?locale=pl`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.body());
    expect(text.startsWith("\ufeffStudent,Adnotacje,")).toBe(true);
    expect(text).toContain("Zofia Łęcka,1,0,0,");
    const refused = await seminar.students[1]!.page.request.get(`/api/assignments/${id}/progress`);
    expect(refused.status()).toBe(403);
  });

  test("My work and the assignment page are axe clean in Polish", async ({ newVisitor }) => {
    const seminar = await createSeminar(newVisitor, { students: ["Zofia Łęcka"] });
    const id = await assignQuickly(seminar.instructor, seminar.groupId, "Nota sowiecka");
    const { page } = seminar.students[0]!;
    await page.goto("/pl/my-work");
    await expect(page.getByRole("heading", { level: 1, name: "Moja praca" })).toBeVisible();
    await expect(page.getByText("Stan: nierozpoczęte")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`/pl/assignments/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Nota sowiecka" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
