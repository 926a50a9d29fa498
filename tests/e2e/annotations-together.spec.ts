import { expect, test } from "./account-fixtures";
import {
  annotate,
  annotationRequest,
  card,
  createSeminar,
  openSource,
  panel,
  selectText,
} from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * Annotating beyond the single reader: a classmate's work arriving without a reload, the translation
 * showing where the original's annotations fall, a reader without a group keeping private notes, and
 * annotating inside a column of the compare view.
 */
test.describe("annotations across readers and views", () => {
  test("a classmate's new annotation appears at once without reloading, counted on both columns", async ({
    newVisitor,
  }) => {
    test.setTimeout(90_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ola Pierwsza", "Piotr Drugi"] });
    const [ola, piotr] = seminar.students as [(typeof seminar.students)[0], (typeof seminar.students)[0]];
    await openSource(ola.page);
    await openSource(piotr.page);
    // Piotr's page follows the source live (one server-sent-events connection for the page).
    await expect(piotr.page.locator('[data-annotations-ready="true"]').first()).toBeAttached();
    await annotate(ola.page, "ucieczce rządu polskiego", "The government's flight as a pretext");

    // It arrives on its own, long before the 30 s poll: no reload, no focus, no click.
    await expect(card(piotr.page, "The government's flight as a pretext")).toBeVisible({ timeout: 8_000 });
    await expect(piotr.page.getByRole("button", { name: "Sentence 2: 1 annotation" })).toBeVisible();
    await expect(piotr.page.locator('[data-sentence="2"]').last()).toContainText("1");
    await expect(piotr.page.locator("#s-2 mark")).toHaveCount(1);
  });

  test("classmates reading the same source see each other in the panel, until one leaves", async ({
    newVisitor,
  }) => {
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ewa Obecna", "Jan Obecny"] });
    const [ewa, jan] = seminar.students as [(typeof seminar.students)[0], (typeof seminar.students)[0]];
    await openSource(ewa.page);
    await openSource(jan.page);
    // From the page's live connection: no request of its own.
    await expect(panel(ewa.page).getByTestId("reading-now")).toHaveText("Also reading now: Jan Obecny");
    await expect(panel(jan.page).getByTestId("reading-now")).toHaveText("Also reading now: Ewa Obecna");
    await expectNoAxeViolations(ewa.page);
    await jan.page.close();
    await expect(panel(ewa.page).getByTestId("reading-now")).toHaveCount(0);
  });

  test("highlights are painted before the page is interactive, then handed over to the layer's marks", async ({
    newVisitor,
  }) => {
    test.setTimeout(90_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ula Wczesna"] });
    const [ula] = seminar.students as [(typeof seminar.students)[0]];
    // Overlapping annotations and a question: three runs ("ucieczce ", "rządu polskiego" twice
    // over and asked about, "Potiomkina").
    for (const [quote, kind] of [
      ["ucieczce rządu polskiego", "comment"],
      ["rządu polskiego", "question"],
      ["Potiomkina", "highlight"],
    ] as const) {
      const response = await ula.page.request.post("/api/annotations", {
        data: annotationRequest("soviet-note", quote, { groupId: seminar.groupId, kind }),
      });
      expect(response.status()).toBe(201);
    }
    await openSource(ula.page);
    const painted = await ula.page.evaluate(() => {
      const entry = performance.getEntriesByName("glossa:highlights-prepainted")[0] as
        PerformanceMark | undefined;
      return {
        ranges: (entry?.detail as { ranges: number } | undefined)?.ranges ?? null,
        marks: document.querySelectorAll("mark[data-depth]").length,
        left: [
          "glossa-prepaint-1",
          "glossa-prepaint-2",
          "glossa-prepaint-3",
          "glossa-prepaint-question",
        ].filter((name) => CSS.highlights.has(name)).length,
      };
    });
    // The script painted exactly the runs the layer then drew as marks, and left nothing behind.
    expect(painted).toEqual({ ranges: 3, marks: 3, left: 0 });
    await expect(ula.page.locator("mark[data-question]")).toHaveText(["rządu polskiego"]);
  });

  test("a reader without a group keeps private notes that nobody else sees", async ({
    auth,
    page,
    newVisitor,
  }) => {
    await auth.register({
      name: "Samotny Czytelnik",
      email: `loner-${Date.now()}-${process.pid}@example.org`,
      password: "correct horse battery",
    });
    await openSource(page);
    await selectText(page, "konieczności ochrony mienia");
    await page.getByRole("button", { name: "Annotate", exact: true }).click();
    const composer = panel(page).getByRole("region", { name: "New annotation" });
    await expect(composer).toContainText("a personal note");
    await expect(composer.getByRole("radio", { name: "Whole group" })).toHaveCount(0);
    await composer.getByRole("textbox", { name: "Comment" }).fill("Note to self: compare with the pact");
    await composer.getByRole("button", { name: "Save annotation" }).click();
    await expect(card(page, "Note to self: compare with the pact")).toBeVisible();
    await page.reload();
    await expect(card(page, "Note to self: compare with the pact")).toBeVisible();

    const other = await newVisitor();
    await other.auth.register({
      name: "Ktoś Inny",
      email: `other-${Date.now()}-${process.pid}@example.org`,
      password: "correct horse battery",
    });
    await openSource(other.page);
    await expect(panel(other.page)).not.toContainText("Note to self");
    await expect(other.page.locator("#s-2 mark")).toHaveCount(0);
  });

  test("each column of the compare view can be annotated", async ({ newVisitor }) => {
    test.setTimeout(90_000);
    const seminar = await createSeminar(newVisitor, { students: ["Zosia Porównująca"] });
    const { page } = seminar.students[0]!;
    await openSource(page, "/en/compare?s=soviet-note&s=kuty-directive", 2);
    await selectText(page, "Rydz", "[aria-labelledby='compare-kuty-directive']");
    await page.getByRole("button", { name: "Annotate", exact: true }).click();
    const composer = page.getByRole("region", { name: "New annotation" });
    await composer.getByRole("textbox", { name: "Comment" }).fill("The commander-in-chief in the directive");
    await composer.getByRole("button", { name: "Save annotation" }).click();
    await expect(
      page.getByRole("article").filter({ hasText: "The commander-in-chief in the directive" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: /^Annotations \(1\)$/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
