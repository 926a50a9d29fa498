import type { Page } from "@playwright/test";
import { expect, test } from "./account-fixtures";
import { annotationRequest, card, createSeminar, openSource } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A datetime-local value in UTC, `days` from now. */
function localTime(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 16);
}

/**
 * Small groups (issue 13): the instructor splits the class into discussion groups of 2 on the
 * assignment's "Discussion groups" page, by keyboard or by shuffling; a student then sees their
 * mate's note on the reading, not another discussion group's.
 */
/** Creates an assignment on the Soviet note with small groups of 2 through the form, as its instructor. */
async function createPairsAssignment(page: Page, groupId: string, title: string) {
  await page.goto(`/en/groups/${groupId}/assignments/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Reading 1: source").selectOption({ label: "The Soviet Note of 17 September 1939" });
  await page.getByLabel("Opens").fill(localTime(-1));
  await page.getByLabel("Due").fill(localTime(7));
  await page.getByLabel(/^Time zone/).fill("UTC");
  await page.getByLabel("Split the class into discussion groups").check();
  await page.getByLabel("Students per discussion group").fill("2");
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible({ timeout: 15_000 });
  await page.getByRole("link", { name: "Discussion groups" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Discussion groups: ${title}` })).toBeVisible();
}

test.describe("small groups", () => {
  test("an instructor places students by keyboard; a student sees only their discussion group's notes", async ({
    newVisitor,
  }) => {
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, {
      students: ["Ala Pierwsza", "Bartek Drugi", "Celina Trzecia"],
    });
    const [ala, bartek, celina] = seminar.students as [
      (typeof seminar.students)[0],
      (typeof seminar.students)[0],
      (typeof seminar.students)[0],
    ];
    const { page } = seminar.instructor;
    await createPairsAssignment(page, seminar.groupId, "Talk in pairs");

    // By keyboard: each student's select, then Tab to its Move button and Enter.
    const place = async (name: string, group: string) => {
      const select = page.getByLabel(`Discussion group of ${name}`);
      await select.focus();
      await select.selectOption({ label: group });
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: `Move ${name}` })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("form", { name: `Move ${name}` }).getByRole("status")).toHaveText(
        "Student moved.",
      );
    };
    await place("Ala Pierwsza", "A new group");
    await place("Celina Trzecia", "A new group");
    await place("Bartek Drugi", "Group 1");
    const groups = page.getByRole("region", { name: "Discussion groups" });
    await expect(groups).toContainText("Group 1: 2 students: Ala Pierwsza, Bartek Drugi");
    await expect(groups).toContainText("Group 2: 1 student: Celina Trzecia");

    for (const [student, text] of [
      [bartek, "Bartek's pair note"],
      [celina, "Celina's other group note"],
    ] as const) {
      const posted = await student.page.request.post("/api/annotations", {
        data: annotationRequest("soviet-note", "ucieczce rządu polskiego", {
          groupId: seminar.groupId,
          text,
        }),
      });
      expect(posted.status()).toBe(201);
    }
    await openSource(ala.page);
    await expect(card(ala.page, "Bartek's pair note")).toBeVisible();
    await expect(card(ala.page, "Celina's other group note")).toHaveCount(0);
  });

  test("the discussion groups page shuffles the class and is axe clean in both languages", async ({
    newVisitor,
  }) => {
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Dorota Czwarta", "Edward Piąty"] });
    const { page } = seminar.instructor;
    await createPairsAssignment(page, seminar.groupId, "Pairs again");
    await expectNoAxeViolations(page);
    await page.goto(page.url().replace("/en/", "/pl/"));
    await expect(
      page.getByRole("heading", { level: 1, name: "Grupy dyskusyjne: Pairs again" }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Wylosuj grupy po 2 osoby" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Wylosowano nowe grupy dyskusyjne." }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Grupy dyskusyjne" })).toContainText(
      /Grupa 1: 2 osoby: (Dorota Czwarta, Edward Piąty|Edward Piąty, Dorota Czwarta)/,
    );
    await expectNoAxeViolations(page);
  });
});
