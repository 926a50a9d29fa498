import type { Page } from "@playwright/test";
import { expect, person, test } from "./account-fixtures";
import { panel, sourceText } from "./annotation-fixtures";

/**
 * What the reading pages ask the server for. Every page's failed requests already fail the test
 * (fixtures.ts, `browserErrors`); here, the annotation index: a reader with no session has none, so
 * no page asks for it, and a signed-in reader's page asks for each source's index once.
 */

/** In sentence 2 of the Kuty directive. */
const QUOTE = "Z bolszewikami nie walczyć";

/** Counts the requests for each source's annotation index the page makes from now on. */
function countIndexRequests(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on("request", (request) => {
    const slug = /\/api\/sources\/([^/]+)\/annotations\/index/u.exec(new URL(request.url()).pathname)?.[1];
    if (slug) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  });
  return counts;
}

/** Opens `path` and waits until its annotation layers (`layers` of them) have their index, or know there is none. */
async function openAndSettle(page: Page, path: string, layers: number) {
  await page.goto(path);
  await expect(page.locator('[data-annotations-ready="true"]')).toHaveCount(layers, { timeout: 15_000 });
  // Whatever the page would ask next it asks at once: give a late second request the time to show.
  await page.waitForLoadState("load");
}

/** The reading pages: a source, a comparison and a permalink (made through the API). */
async function readingPages(page: Page) {
  const text = sourceText("kuty-directive");
  const start = text.indexOf(QUOTE);
  const response = await page.request.post("/api/permalinks", {
    data: { source: "kuty-directive", editionNumber: 1, start, end: start + QUOTE.length },
  });
  // 201 if this made the link, 200 if another spec made the same passage's link before.
  expect([200, 201]).toContain(response.status());
  const { path } = (await response.json()) as { path: string };
  return [
    { path: "/en/sources/soviet-note", slugs: ["soviet-note"] },
    { path: "/en/compare?s=pact-summary&s=secret-protocol", slugs: ["pact-summary", "secret-protocol"] },
    { path: `/en${path}`, slugs: ["kuty-directive"] },
  ];
}

test.describe("the annotation index a page asks for", () => {
  test("a reader with no session: none, on any reading page", async ({ page }) => {
    const counts = countIndexRequests(page);
    for (const { path, slugs } of await readingPages(page)) {
      await openAndSettle(page, path, slugs.length);
    }
    expect(Object.fromEntries(counts)).toEqual({});
  });

  test("a signed-in reader: each source's once, on every reading page", async ({ page, auth }) => {
    await auth.register(person("Renata Czytelniczka"));
    const counts = countIndexRequests(page);
    for (const { path, slugs } of await readingPages(page)) {
      counts.clear();
      await openAndSettle(page, path, slugs.length);
      expect(Object.fromEntries(counts), path).toEqual(Object.fromEntries(slugs.map((slug) => [slug, 1])));
    }
  });

  test("a reader who signs in from a source's panel comes back to it signed in, annotations asked for", async ({
    page,
    auth,
    newVisitor,
  }) => {
    const who = person("Stefan Wracający");
    await (await newVisitor()).auth.register(who);
    const counts = countIndexRequests(page);
    await openAndSettle(page, "/en/sources/soviet-note", 1);
    await expect(panel(page)).toContainText("Sign in to annotate");
    await panel(page).getByRole("link", { name: "Sign in" }).click();

    // The sign-in action answers with the source page itself: no new page request on the way back.
    await auth.submitSignIn(who.email, who.password);
    await expect(page).toHaveURL("/en/sources/soviet-note");
    await auth.expectSignedInAs(who.name);
    await expect(panel(page)).toContainText("No annotations yet");
    await expect(panel(page)).not.toContainText("Sign in to annotate");
    expect(Object.fromEntries(counts)).toEqual({ "soviet-note": 1 });
  });
});
