import { expect, test } from "./account-fixtures";
import { annotationRequest, createSeminar, paragraph } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * Notifications: a student replies to a classmate's note; the classmate's bell says so, the
 * notifications page lists it (axe in both languages) and its link opens the note in the reader,
 * after which nothing is unread.
 */
test.describe("notifications", () => {
  test("a reply to my note rings the bell and leads to the note", async ({ newVisitor }) => {
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [ala, bartek] = seminar.students as [(typeof seminar.students)[0], (typeof seminar.students)[0]];
    const created = await ala.page.request.post("/api/annotations", {
      data: annotationRequest("soviet-note", "Potiomkina", { groupId: seminar.groupId, text: "Who was he?" }),
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const replied = await bartek.page.request.post(`/api/annotations/${id}/replies`, {
      data: { body: paragraph("The Soviet deputy commissar.") },
    });
    expect(replied.status()).toBe(201);

    const { page } = ala;
    await page.goto("/en");
    const bell = page.getByRole("link", { name: "Notifications, 1 unread" });
    await bell.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    const list = page.getByRole("list", { name: "Notifications, newest first" });
    const link = list.getByRole("link", { name: "Bartek Kolega replied: “The Soviet deputy commissar.”" });
    await expect(link).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/pl/notifications");
    await expect(page.getByRole("heading", { level: 1, name: "Powiadomienia" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Powiadomienia, 1 nieprzeczytane" })).toBeVisible();
    await expect(page.getByText("1 nieprzeczytane powiadomienie.")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/en/notifications");
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/en/sources/soviet-note/\\d+#annotation-${id}$`));
    await expect(page.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();

    // Replies no longer shown in the app: the account page's switch, saved, and kept.
    await page.goto("/en/account");
    const inApp = page.getByRole("checkbox", {
      name: "Replies to my notes and in threads I replied in: in the app",
    });
    await expect(inApp).toBeChecked();
    await inApp.uncheck();
    await page.getByRole("button", { name: "Save notification settings" }).click();
    await expect(page.getByText("Your notification settings have been saved.")).toBeVisible();
    await expect(inApp).not.toBeChecked();
    await expectNoAxeViolations(page);
  });
});
