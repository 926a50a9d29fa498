import { MINUTES } from "../support/revised-minutes.ts";
import { expect, test } from "./account-fixtures";
import { createSeminar } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";
import { publishRevision, sourceWithNotes } from "./revising-fixtures";

test.describe("comparing editions", () => {
  test("after a revision, the instructor goes from the source to its editions and sees the corrected word and the deleted sentence", async ({
    newVisitor,
    page: anonymous,
    browserErrors,
  }) => {
    // A seminar, a source, a revision published (the revising journey's ~20 s), then the comparison in
    // two languages with axe: it ran out of 60 s twice at a load average of 20-25 on 2 cores.
    test.setTimeout(90_000);
    const seminar = await createSeminar(newVisitor, { students: [] });
    const { page } = seminar.instructor;
    const slug = await sourceWithNotes(page, seminar.groupId);
    await page.goto(`/en/sources/${slug}/revise`);
    await publishRevision(page, seminar.groupId, slug);

    await page.goto(`/en/sources/${slug}`);
    await page.getByRole("link", { name: "Editions and changes (2)" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: /^Editions of/ })).toBeVisible();
    const row = page.getByRole("row", { name: /^Edition 2 \(latest\)/ });
    await expect(row.getByRole("cell", { name: "3 sentences" })).toBeVisible();
    await row.getByRole("link", { name: /^Compare with edition 1/ }).focus();
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(new RegExp(`/en/sources/${slug}/editions/compare\\?from=1&to=2$`, "u"));
    await expect(
      page.getByRole("heading", { level: 1, name: "Edition 1 and edition 2 compared" }),
    ).toBeVisible();
    await expect(page.getByText("2 changes: 1 deletion, 1 correction")).toBeVisible();
    await expect(page.locator("del", { hasText: /^\[deleted: \[−Wojewoda/u })).toContainText(MINUTES[1]!);
    await expect(page.locator("del", { hasText: "sie" })).toHaveText("[replaced: [−sie]]");
    await expect(page.locator("ins", { hasText: "się" })).toHaveText("[replacement: [+się]]");
    // From the first change to the next, by keyboard.
    await page.getByRole("link", { name: "Go to the first change" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#change-1$/u);
    await page.getByRole("link", { name: "Next change" }).first().focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#change-2$/u);
    await expectNoAxeViolations(page);
    await page.goto(`/pl/sources/${slug}/editions/compare?from=1&to=2`);
    await expect(page.getByText("2 zmiany: 1 usunięcie, 1 poprawka")).toBeVisible();
    await expectNoAxeViolations(page);

    // A group's source: not found for anyone outside the group.
    browserErrors.expect({ status: 404, path: `/en/sources/${slug}/editions/compare` });
    const response = await anonymous.goto(`/en/sources/${slug}/editions/compare?from=1&to=2`);
    expect(response?.status()).toBe(404);
  });

  test("a comparison address that names no pair of editions gets a message, never an error", async ({
    page,
  }) => {
    // Five pages and axe: ~15 s alone, twice that on 2 cores shared by several builds.
    test.setTimeout(60_000);
    for (const [query, message] of [
      ["from=abc&to=2", "Edition numbers are whole numbers from 1"],
      ["from=1&to=999999999999", "Edition numbers are whole numbers from 1"],
      ["from=1&to=1", "An edition compared with itself has no differences"],
      ["to=1", "Choose two editions to compare"],
      ["from=1&to=2", "This source has no edition 2. Its editions: 1."],
    ] as const) {
      const response = await page.goto(`/en/sources/kuty-directive/editions/compare?${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(
        page.getByRole("heading", { level: 2, name: "This comparison cannot be shown" }),
      ).toBeVisible();
      await expect(page.getByText(message)).toBeVisible();
    }
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Choose editions from the list of editions" }).click();
    await expect(page.getByRole("row", { name: /^Edition 1 \(latest\)/ })).toBeVisible();
  });
});
