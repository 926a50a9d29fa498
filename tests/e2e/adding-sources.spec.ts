import { expect, test } from "./account-fixtures";
import { createSeminar } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

const TEXT = "Narada odbyła się we Lwowie. Ustalono plan ewakuacji urzędów. Zebrani rozeszli się o północy.";

test.describe("adding a source", () => {
  test("an instructor pastes a text, joins two sentences, saves it and reads it; another group gets 404", async ({
    newVisitor,
    browserErrors,
  }) => {
    const seminar = await createSeminar(newVisitor, { students: [] });
    const { page } = seminar.instructor;
    await page.goto(`/en/groups/${seminar.groupId}`);
    await page.getByRole("link", { name: "Add a source" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Add a source to/ })).toBeVisible();

    await page.getByRole("textbox", { name: /^Text/ }).fill(TEXT);
    await page.getByRole("button", { name: "Preview the sentences" }).click();
    await expect(page.getByRole("heading", { name: "3 sentences" })).toBeFocused();
    await page.getByRole("button", { name: "Join sentence 1 with sentence 2" }).click();
    await expect(page.getByRole("heading", { name: "2 sentences" })).toBeVisible();

    const title = `Minutes of the Lviv meeting ${Date.now().toString(36)}`;
    await page.getByLabel("Title in Polish").fill("Protokół narady we Lwowie");
    await page.getByLabel("Title in English").fill(title);
    await page.getByLabel("Date of the document").fill("1939-09-20");
    await page.getByLabel("Language of the text").fill("pl");
    await page.getByRole("button", { name: "Save the source" }).click();

    await expect(page).toHaveURL(/\/en\/sources\/minutes-of-the-lviv-meeting-[a-z0-9]+$/u);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(
      page.getByText("Narada odbyła się we Lwowie. Ustalono plan ewakuacji urzędów.", { exact: true }),
    ).toBeVisible();
    const sourcePath = new URL(page.url()).pathname;

    const other = await createSeminar(newVisitor, { students: [], instructor: "Olga Obca" });
    browserErrors.expect({ status: 404, path: sourcePath });
    const response = await other.instructor.page.goto(sourcePath);
    expect(response?.status()).toBe(404);
  });

  test("the add-a-source page and its preview are axe clean in English and Polish", async ({
    newVisitor,
  }) => {
    // 23.7 s in a CI run on a slow 2-core machine (2026-12-07), near the default 30 s: twice that.
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: [] });
    const { page } = seminar.instructor;
    for (const locale of ["en", "pl"] as const) {
      await page.goto(`/${locale}/groups/${seminar.groupId}/sources/new`);
      await expectNoAxeViolations(page);
      await page.getByRole("textbox", { name: locale === "en" ? /^Text/ : /^Tekst/ }).fill(TEXT);
      await page
        .getByRole("button", { name: locale === "en" ? "Preview the sentences" : "Pokaż podział na zdania" })
        .press("Enter");
      await expect(page.locator("#preview-heading")).toBeFocused();
      await expectNoAxeViolations(page);
    }
  });
});
