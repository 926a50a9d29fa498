import { expect, test } from "./account-fixtures";
import { card, createSeminar, openSource, panel } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";
import { addGroupSource, postGroupNote } from "./revising-fixtures";

/** A text long enough for the reader to draw only the sentences near the view (sentence-window.ts). */
const SENTENCES = 420;
const TEXT = Array.from({ length: SENTENCES }, (_, i) => `To jest zdanie ${i + 1} o ewakuacji urzędów.`).join(
  " ",
);

test("a long source: highlights and sentence buttons come as the reader reaches them, by keyboard too", async ({
  newVisitor,
}) => {
  // Adding a source of 420 sentences through the form (~7 s), reading it, and axe over its 420
  // sentences (~11 s alone): 25–40 s beside another worker on 2 cores, 72 s on a slow day's CI
  // machine (2026-12-07).
  test.setTimeout(150_000);
  const seminar = await createSeminar(newVisitor, { students: [] });
  const { page } = seminar.instructor;
  const title = `Long minutes ${Date.now().toString(36)}`;
  const slug = await addGroupSource(page, seminar.groupId, { text: TEXT, sentences: SENTENCES, title });
  const target = { slug, groupId: seminar.groupId, text: TEXT };
  await postGroupNote(page, target, "zdanie 2 o ewakuacji", "On the second sentence");
  await postGroupNote(page, target, "zdanie 400 o ewakuacji", "On sentence four hundred");

  await openSource(page, `/en/sources/${slug}`);
  // Near the top: drawn. Far below: the bare text, no buttons yet.
  await expect(page.locator("#s-2 mark")).toHaveText("zdanie 2 o ewakuacji");
  await expect(page.getByRole("button", { name: "Sentence 2: 1 annotation" })).toBeVisible();
  await expect(page.locator("#s-400")).toContainText("To jest zdanie 400 o ewakuacji urzędów.");
  await expect(page.locator("#s-400 mark")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sentence 400: 1 annotation" })).toHaveCount(0);

  // A keyboard reader reaches sentence 400's number: it comes into view with its highlight and
  // buttons, and the next Tab is its count, which opens its note in the panel.
  await page.getByRole("link", { name: "Sentence 400", exact: true }).focus();
  await expect(page.locator("#s-400 mark")).toHaveText("zdanie 400 o ewakuacji");
  const count = page.getByRole("button", { name: "Sentence 400: 1 annotation" });
  await expect(count).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(count).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card(page, "On sentence four hundred")).toBeVisible();
  await expect(panel(page).getByRole("article")).toHaveCount(1);
  // Far above now, the second sentence is bare again.
  await expect(page.locator("#s-2 mark")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
