import { MINUTES, MINUTES_REVISED } from "../support/revised-minutes.ts";
import { expect, test, type Visitor } from "./account-fixtures";
import { createSeminar } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";
import { publishRevision, sourceWithNotes } from "./revising-fixtures";

const S = MINUTES;
const REVISED = MINUTES_REVISED;

/** Where the group's list shows each note in the latest edition: its words, or "orphan". */
async function placesOf(visitor: Visitor, slug: string, groupId: string) {
  const response = await visitor.page.request.get(`/api/sources/${slug}/annotations?group=${groupId}`);
  const list = (await response.json()) as {
    annotations: { bodyHtml: string; anchor: { status: string; start?: number; end?: number } }[];
  };
  return Object.fromEntries(
    list.annotations.map((a) => [
      a.bodyHtml.replace(/<[^>]+>/gu, ""),
      a.anchor.status === "anchored" ? REVISED.slice(a.anchor.start, a.anchor.end) : "orphan",
    ]),
  );
}

test.describe("revising a source", () => {
  test("an instructor corrects a typo and deletes a sentence; notes stay in place, the deleted one's is listed for review", async ({
    newVisitor,
  }) => {
    // A seminar, a source with notes, a revision published: ~20 s beside another worker on 2 cores.
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: [] });
    const { page } = seminar.instructor;
    const slug = await sourceWithNotes(page, seminar.groupId);
    await page.getByRole("link", { name: "Revise the text" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Revise the text:/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await publishRevision(page, seminar.groupId, slug);

    await expect(page.getByRole("heading", { level: 1, name: /^Annotations to review:/ })).toBeVisible();
    const item = page.getByRole("article");
    await expect(item).toHaveCount(1);
    await expect(item.getByRole("heading", { name: /its passage was not found/ })).toBeVisible();
    await expect(item.getByText("raport o stanie dróg", { exact: true })).toBeVisible();
    expect(await placesOf(seminar.instructor, slug, seminar.groupId)).toEqual({
      "On the deleted sentence": "orphan",
      "On the kept sentence": "plan ewakuacji urzędów",
    });
    await expectNoAxeViolations(page);
    // Re-attached to words selected in the new text by keyboard: the first two words of the first sentence.
    const around = item.getByRole("textbox", { name: /^The new edition, sentences 1–3$/u });
    await around.focus();
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Shift+Control+ArrowRight");
    await page.keyboard.press("Shift+Control+ArrowRight");
    await expect(item.getByText("Narada odbyła", { exact: true })).toBeVisible();
    // The text cannot be changed while selecting in it.
    await page.keyboard.type("x");
    await expect(around).toHaveValue(/^Narada odbyła się we Lwowie/u);
    await item.getByRole("button", { name: "Attach to the selected words" }).click();
    await expect(page.getByText("There are no annotations to review.")).toBeVisible();
    expect(await placesOf(seminar.instructor, slug, seminar.groupId)).toEqual({
      "On the deleted sentence": "Narada odbyła",
      "On the kept sentence": "plan ewakuacji urzędów",
    });
  });

  test("in Polish, the revise and review pages are axe clean and a note is re-attached by keyboard alone", async ({
    newVisitor,
  }) => {
    // A seminar, a source with notes, a revision published: ~20 s beside another worker on 2 cores.
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: [] });
    const { page } = seminar.instructor;
    const slug = await sourceWithNotes(page, seminar.groupId);
    await page.goto(`/pl/sources/${slug}/revise`);
    await expectNoAxeViolations(page);
    await page.goto(`/en/sources/${slug}/revise`);
    await publishRevision(page, seminar.groupId, slug);
    await page.goto(`/pl/groups/${seminar.groupId}/sources/${slug}/review`);
    await expect(page.getByRole("article")).toHaveCount(1);
    await expectNoAxeViolations(page);
    // Sentence numbers typed, the button pressed with Enter.
    await page.getByRole("spinbutton", { name: "Od zdania" }).focus();
    await page.keyboard.type("2");
    await page.keyboard.press("Tab");
    await page.keyboard.type("2");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Przypnij do tych zdań" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Nie ma adnotacji do przejrzenia.")).toBeVisible();
    expect(await placesOf(seminar.instructor, slug, seminar.groupId)).toEqual({
      "On the deleted sentence": S[2],
      "On the kept sentence": "plan ewakuacji urzędów",
    });
  });
});
