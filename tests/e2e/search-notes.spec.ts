import { expect, person, test } from "./account-fixtures";
import { annotationRequest, card, panel } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * A note found by search opens in the reader with its own card picked in the panel, not only its
 * sentence: the other note on the same passage is not among the cards shown.
 */
test("a note's search result opens the reader with that note's card picked", async ({ page, auth }) => {
  await auth.register(person("Szymon Szukający"));
  const word = `marszruta${Date.now().toString(36)}`;
  for (const text of [`${word} the one searched for`, "Another note on the same passage"]) {
    const created = await page.request.post("/api/annotations", {
      data: annotationRequest("soviet-note", "Władimira Potiomkina", {
        groupId: null,
        visibility: "private",
        text,
      }),
    });
    expect(created.status()).toBe(201);
  }

  await page.goto(`/en/search?q=${word}&type=notes`);
  const result = page.getByRole("link", { name: /^Comment by Szymon Szukający/u });
  await expect(result).toHaveAttribute("href", /\/en\/sources\/soviet-note\/\d+\?note=/u);
  await result.click();
  await page.waitForURL(/\?note=/u);
  await expect(card(page, `${word} the one searched for`)).toBeVisible();
  await expect(panel(page).getByRole("article")).toHaveCount(1);
  await expectNoAxeViolations(page);
});
