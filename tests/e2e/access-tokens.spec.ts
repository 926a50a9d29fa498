import { expect, person, test } from "./account-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/**
 * Personal access tokens on the account page: one is made (by keyboard), shown once, works on its
 * group's Web Annotation Protocol container (with no session: the token alone), and once revoked is
 * refused; the page passes axe in both languages.
 */
test("create an access token, see it once, use it, revoke it", async ({ page, auth, groups, playwright }) => {
  // An account, a group, the account page in two languages with axe: often the first journey a
  // fresh server answers, ~15 s; 60 s as the other long journeys have.
  test.setTimeout(60_000);
  await auth.register(person("Tomasz Tokenowy"));
  const groupPath = await groups.createQuickly({ name: "Protocol seminar" });
  const container = `/api/protocol/groups/${groupPath.split("/").at(-1)}/sources/soviet-note/`;

  await page.goto("/en/account");
  const section = page.getByRole("region", { name: "Access tokens" });
  await expect(section.getByText("You have no tokens.")).toBeVisible();
  await section.getByLabel("What the token may do").selectOption({ label: "Read and write" });
  const name = section.getByLabel("Token name");
  await name.fill("Zotero");
  await name.press("Enter");
  const shown = section.getByRole("textbox", { name: "Your new token" });
  await expect(shown).toHaveValue(/^glossa_pat_[A-Za-z0-9_-]{43}$/u);
  await expect(shown).toBeFocused();
  const token = await shown.inputValue();
  await expect(section.getByRole("button", { name: "Copy token" })).toBeVisible();
  await expect(section.getByRole("row", { name: /Zotero/u })).toContainText("Read and write");
  await expectNoAxeViolations(page);

  // A client without the page's session: the token alone.
  const client = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const answer = await client.get(container, { headers: { Authorization: `Bearer ${token}` } });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("application/ld+json");

  await page.reload();
  await expect(section.getByRole("textbox", { name: "Your new token" })).toHaveCount(0);
  await section.getByRole("button", { name: "Revoke Zotero" }).click();
  await expect(section.getByRole("row", { name: /Zotero/u })).toContainText("Revoked");
  const refused = await client.get(container, { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("invalid_token");
  // Containers keep their trailing "/"; a page's is still redirected away, as Next did.
  const page308 = await client.get("/en/account/", { maxRedirects: 0 });
  expect(page308.status()).toBe(308);
  expect(page308.headers()["location"]).toMatch(/\/en\/account$/u);
  const doubled = await client.get(`${new URL(page.url()).origin}//evil.example/`, { maxRedirects: 0 });
  expect(doubled.headers()["location"] ?? "").not.toMatch(/^\/\//u);
  await client.dispose();

  await page.goto("/pl/account");
  await expect(page.getByRole("region", { name: "Tokeny dostępu" })).toBeVisible();
  await expectNoAxeViolations(page);
});
