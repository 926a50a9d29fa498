import type { Page } from "@playwright/test";
import { expect, test, type Visitor } from "./account-fixtures";
import { annotationRequest, card, createSeminar, openSource, panel } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * "Helpful" marks, instructor highlights and @mention completion (issue 13), by keyboard: a student
 * marks a classmate's note helpful, the instructor highlights another, which every reader then finds
 * first in the list; a student mentions a classmate in a reply, choosing the name from the list.
 */

async function post(author: Visitor, groupId: string, quote: string, text: string) {
  const response = await author.page.request.post("/api/annotations", {
    data: annotationRequest("soviet-note", quote, { groupId, text }),
  });
  expect(response.status()).toBe(201);
}

type Student = Awaited<ReturnType<typeof createSeminar>>["students"][number];

const firstCard = (page: Page) => panel(page).getByRole("article").first();

test.describe("helpful marks and highlights", () => {
  test("a student marks a note helpful, the instructor highlights one: it comes first", async ({
    newVisitor,
  }) => {
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [Student, Student];
    await post(ala, seminar.groupId, "nocie dyplomatycznej", "Ala's first note");
    await post(ala, seminar.groupId, "ucieczce rządu", "Ala's second note");

    await openSource(bartek.page);
    await expect(firstCard(bartek.page)).toContainText("Ala's first note");
    const helpful = card(bartek.page, "Ala's first note").getByRole("button", { name: /Helpful/ });
    await expect(helpful).toHaveAttribute("aria-pressed", "false");
    await helpful.focus();
    await bartek.page.keyboard.press("Enter");
    await expect(helpful).toHaveAttribute("aria-pressed", "true");
    await expect(helpful).toContainText("1");

    // The instructor highlights the second note; Bartek's list, live, puts it first.
    await openSource(seminar.instructor.page);
    const feature = card(seminar.instructor.page, "Ala's second note").getByRole("button", {
      name: "Highlight for the group",
    });
    await feature.focus();
    await seminar.instructor.page.keyboard.press("Space");
    await expect(feature).toHaveAttribute("aria-pressed", "true");
    await expect(firstCard(seminar.instructor.page)).toContainText("Ala's second note");

    await expect(firstCard(bartek.page)).toContainText("Highlighted by the instructor");
    await expect(firstCard(bartek.page)).toContainText("Ala's second note");
    await expectNoAxeViolations(bartek.page);
  });

  test("@ completes a classmate's name by keyboard, in Polish", async ({ newVisitor }) => {
    // Three accounts and a group take a third of it on a loaded machine.
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Bartek Kolega"] });
    const [bartek] = seminar.students as [Student];
    await post(seminar.instructor, seminar.groupId, "nocie dyplomatycznej", "Irena's note");

    await openSource(bartek.page, "/pl/sources/soviet-note");
    const note = bartek.page
      .getByRole("complementary", { name: /Adnotacje/ })
      .getByRole("article")
      .filter({ hasText: "Irena's note" });
    await note.getByRole("button", { name: "Odpowiedz" }).click();
    const reply = note.getByRole("textbox", { name: "Odpowiedź" });
    await reply.pressSequentially("Zgoda, @b");
    const names = bartek.page.getByRole("listbox", { name: "Członkowie grupy do wspomnienia" });
    await expect(names.getByRole("option")).toHaveText(["Bartek Kolega"]);
    // Escape closes the list only: the reply form stays.
    await reply.press("Escape");
    await expect(names).toHaveCount(0);
    await expect(reply).toBeFocused();

    await reply.pressSequentially(" i @ir");
    await expect(names.getByRole("option", { name: "Irena Prowadząca" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(reply).toHaveAttribute("aria-activedescendant", /.+/u);
    await expectNoAxeViolations(bartek.page);
    await reply.press("Tab");
    await expect(names).toHaveCount(0);
    await expect(reply).toHaveText("Zgoda, @b i @Irena Prowadząca");
    await reply.pressSequentially("co sądzisz?");
    await note.getByRole("button", { name: "Wyślij odpowiedź" }).click();
    await expect(note).toContainText("@Irena Prowadząca co sądzisz?");
  });
});
