import type { Page } from "@playwright/test";
import { describe as describeRange } from "../../lib/anchoring/describe.ts";
import { expect, test, type Visitor } from "./account-fixtures";
import { createSeminar, paragraph } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

const S = [
  "Narada odbyła sie we Lwowie w budynku urzędu wojewódzkiego.",
  "Wojewoda przedstawił raport o stanie dróg prowadzących ku granicy.",
  "Ustalono plan ewakuacji urzędów państwowych na południe kraju.",
  "Zebrani rozeszli się o północy, nie podjąwszy dalszych decyzji.",
];
const TEXT = S.join(" ");
/** The typo in the first sentence corrected, the second sentence deleted. */
const REVISED = [S[0]!.replace("sie", "się"), S[2], S[3]].join(" ");

/** A group source with the instructor's notes on the second and third sentences; its slug. */
async function sourceWithNotes(page: Page, groupId: string): Promise<string> {
  await page.goto(`/en/groups/${groupId}/sources/new`);
  await page.getByRole("textbox", { name: /^Text/ }).fill(TEXT);
  await page.getByRole("button", { name: "Preview the sentences" }).click();
  await expect(page.getByRole("heading", { name: "4 sentences" })).toBeVisible();
  await page.getByLabel("Title in Polish").fill("Protokół narady");
  await page.getByLabel("Title in English").fill(`Revised minutes ${Date.now().toString(36)}`);
  await page.getByLabel("Date of the document").fill("1939-09-20");
  await page.getByLabel("Language of the text").fill("pl");
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page).toHaveURL(/\/en\/sources\/revised-minutes-[a-z0-9]+$/u);
  const slug = new URL(page.url()).pathname.split("/").at(-1)!;
  for (const [quote, text] of [
    ["raport o stanie dróg", "On the deleted sentence"],
    ["plan ewakuacji urzędów", "On the kept sentence"],
  ]) {
    const start = TEXT.indexOf(quote!);
    const response = await page.request.post("/api/annotations", {
      data: {
        source: slug,
        editionNumber: 1,
        groupId,
        kind: "comment",
        visibility: "group",
        selectors: describeRange(TEXT, { start, end: start + quote!.length }),
        body: paragraph(text!),
        tags: [],
      },
    });
    expect(response.status()).toBe(201);
  }
  return slug;
}

/** Revises the text on the revise page (open, in English), publishes it and waits for the review list it leads to. */
async function publishRevision(page: Page, groupId: string, slug: string) {
  await page.getByRole("textbox", { name: "Text" }).fill(REVISED);
  await page.getByRole("button", { name: "Show the sentences" }).click();
  await expect(page.getByRole("heading", { name: "3 sentences" })).toBeFocused();
  await page.getByRole("button", { name: "Publish the new edition" }).click();
  // Publishing is done only when the review list opens; leaving earlier would abandon it.
  await expect(page).toHaveURL(new RegExp(`/en/groups/${groupId}/sources/${slug}/review$`, "u"), {
    timeout: 20_000,
  });
}

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
