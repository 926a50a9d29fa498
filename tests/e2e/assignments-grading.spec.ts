import type { APIRequestContext } from "@playwright/test";
import { decodeHtml, expect, submitForm, test, type Visitor } from "./account-fixtures";
import { annotationRequest, createSeminar } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

function localTime(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 16);
}

/** An assignment on sentences 1–2 of the Soviet note, open since yesterday (the form posted without a page). */
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

async function annotateFirstSentence(student: Visitor, groupId: string, kind = "question") {
  const response = await student.page.request.post("/api/annotations", {
    data: annotationRequest("soviet-note", "Oficjalny pretekst agresji", {
      groupId,
      kind,
      text: "Why then?",
    }),
  });
  expect(response.status()).toBe(201);
}

/**
 * Posts the form of the page at `path` whose HTML holds `marker`, as a browser without JavaScript
 * would (its hidden fields, the server action's among them, plus `fields`): for the set-up of a
 * journey about other forms. The action answers with the page again (200), its notice in it.
 */
async function postForm(
  request: APIRequestContext,
  path: string,
  marker: string,
  fields: Record<string, string>,
): Promise<string> {
  const html = await (await request.get(path)).text();
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gu)]
    .map((m) => m[1]!)
    .find((f) => f.includes(marker));
  if (!form) throw new Error(`no form on ${path} holds ${marker}`);
  const hidden: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*type="hidden"[^>]*>/gu)) {
    const name = /name="([^"]*)"/u.exec(tag)?.[1];
    if (name) hidden[decodeHtml(name)] = decodeHtml(/value="([^"]*)"/u.exec(tag)?.[1] ?? "");
  }
  const response = await request.post(path, { multipart: { ...hidden, ...fields }, maxRedirects: 0 });
  expect(response.status()).toBe(200);
  return response.text();
}

/** On the assignment page: a one-criterion rubric saved through its form. */
async function writeRubric(
  page: Visitor["page"],
  labels: { criterion: string; title: string; max: string; save: string },
) {
  const first = page.getByRole("group", { name: labels.criterion });
  await first.getByLabel(labels.title).fill("Engages the text");
  await first.getByLabel(labels.max).fill("5");
  await page.getByRole("button", { name: labels.save }).click();
}

test.describe("grading an assignment", () => {
  test("an instructor writes a rubric, reads the heat map, scores a student and leaves feedback", async ({
    newVisitor,
  }) => {
    const seminar = await createSeminar(newVisitor, { students: ["Zofia Łęcka"] });
    const id = await assignQuickly(seminar.instructor, seminar.groupId, "Graded week");
    await annotateFirstSentence(seminar.students[0]!, seminar.groupId);
    const { page } = seminar.instructor;
    await page.goto(`/en/assignments/${id}`);

    const heat = page.getByRole("table", { name: /^Notes and questions per sentence/ });
    await expect(heat.getByRole("row").filter({ hasText: "Sentence 1" }).getByRole("cell")).toHaveText([
      "0",
      "1",
    ]);
    await expect(heat.getByRole("link", { name: "Sentence 2" })).toHaveAttribute(
      "href",
      "/en/sources/soviet-note/2",
    );

    await writeRubric(page, {
      criterion: "Criterion 1",
      title: "Title",
      max: "Maximum points",
      save: "Save the rubric",
    });
    await expect(page.getByText("Rubric saved.")).toBeVisible();

    await page.getByRole("link", { name: "Zofia Łęcka" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Zofia Łęcka: Graded week" })).toBeVisible();
    const criterion = page.getByRole("group", { name: "Engages the text (up to 5 points)" });
    await expect(criterion).toContainText("Evidence: 1 annotation, 0 replies, 1 question");
    await criterion.getByRole("spinbutton", { name: "Points (0–5)" }).fill("7");
    await page.getByRole("button", { name: "Save the scores" }).click();
    await expect(page.getByRole("form", { name: "Rubric" }).getByRole("alert")).toContainText(
      "A score cannot be above the criterion's maximum.",
    );
    await criterion.getByRole("spinbutton", { name: "Points (0–5)" }).fill("4");
    await page.getByRole("button", { name: "Save the scores" }).click();
    await expect(page.getByText("Scores saved.")).toBeVisible();

    const thread = page.getByRole("article");
    await expect(thread.getByRole("blockquote")).toHaveText("Oficjalny pretekst agresji");
    await expect(thread.getByRole("link")).toHaveText(
      "Open in the reader: The Soviet Note of 17 September 1939, sentence 1",
    );
    await page.getByRole("textbox", { name: "Feedback on the whole assignment" }).fill("A pointed question.");
    await page.getByRole("button", { name: "Save the feedback" }).first().click();
    await expect(page.getByText("A pointed question.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("released by keyboard, a student sees their grade and feedback in Polish", async ({ newVisitor }) => {
    // A seminar, an assignment, a note, a rubric, a grade and its release: ~25 s on 2 busy cores.
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Zofia Łęcka"] });
    const id = await assignQuickly(seminar.instructor, seminar.groupId, "Nota oceniona");
    await annotateFirstSentence(seminar.students[0]!, seminar.groupId, "comment");
    const { page } = seminar.instructor;
    await postForm(page.request, `/pl/assignments/${id}`, 'name="criteria.0.title"', {
      "criteria.0.title": "Engages the text",
      "criteria.0.maxPoints": "5",
    });
    await page.goto(`/pl/assignments/${id}`);
    await page.getByRole("link", { name: "Zofia Łęcka" }).click();
    const points = page.getByRole("spinbutton", { name: "Punkty (0–5)" });
    await points.fill("5");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Uważna lektura.");
    await page.getByRole("button", { name: "Zapisz oceny" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Zapisano oceny.")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Wróć do zadania" }).click();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Opublikuj oceny" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(/^Opublikowano oceny/)).toBeVisible();

    const student = seminar.students[0]!.page;
    await student.goto("/pl/my-work");
    const item = student.getByRole("listitem").filter({ hasText: "Nota oceniona" });
    await expect(item.getByRole("heading", { name: "Twoja ocena" })).toBeVisible();
    await expect(item.getByRole("row").filter({ hasText: "Engages the text" })).toContainText("5 / 5");
    await expect(item).toContainText("Uważna lektura.");
    await expect(item).toContainText("Suma: 5 z 5");
    await expectNoAxeViolations(student);
  });
});

test.describe("printing an assignment's work", () => {
  test("its staff open all work on one page, by student with quotations and passage links, in both languages", async ({
    newVisitor,
    browserErrors,
  }) => {
    const seminar = await createSeminar(newVisitor, { students: ["Zofia Łęcka"] });
    const id = await assignQuickly(seminar.instructor, seminar.groupId, "Printed week");
    await annotateFirstSentence(seminar.students[0]!, seminar.groupId);
    const { page } = seminar.instructor;

    await page.goto(`/en/assignments/${id}`);
    await page.getByRole("link", { name: "All work on one page, to print" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Printed week: all work" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Zofia Łęcka (1 thread)" })).toBeVisible();
    const passage = page.getByRole("link", { name: /sentence 1$/u });
    await expect(passage).toHaveAttribute("href", "/en/sources/soviet-note/1");
    await expect(page.getByText("Oficjalny pretekst agresji")).toBeVisible();
    await expect(page.getByText("Why then?")).toBeVisible();
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
    await expectNoAxeViolations(page);
    // On paper: no header, no button; each passage's address printed beside it.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByText(/<http:\/\/127\.0\.0\.1:\d+\/en\/sources\/soviet-note\/1>/u)).toBeVisible();
    await page.emulateMedia({ media: "screen" });

    await page.goto(`/pl/assignments/${id}/print`);
    await expect(page.getByRole("heading", { level: 2, name: "Zofia Łęcka (1 wątek)" })).toBeVisible();
    await expectNoAxeViolations(page);
    // A student of the group: not found.
    browserErrors.expect({ status: 404, path: `/en/assignments/${id}/print` });
    const student = seminar.students[0]!.page;
    const response = await student.goto(`/en/assignments/${id}/print`);
    expect(response?.status()).toBe(404);
  });
});
