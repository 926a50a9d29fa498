import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect, test as readerTest, type BrowserErrors } from "./fixtures";

/**
 * Page objects for accounts and seminar groups, as small factory functions registered with
 * `test.extend` (like ./fixtures.ts for the reader). They use the English interface; the texts are
 * those of lib/i18n/messages/en.json.
 */

/** A password long enough for the app's rule (at least 10 characters). */
export const PASSWORD = "correct horse battery";

let counter = 0;

/** An email address no other test (or earlier run against the same server) uses. */
export function uniqueEmail(tag = "user"): string {
  counter += 1;
  const id = test
    .info()
    .testId.replace(/[^a-z0-9]/gi, "")
    .slice(0, 12);
  return `${tag}-${id}-${Date.now().toString(36)}-${process.pid}-${counter}@example.org`.toLowerCase();
}

/** A made-up client address: sign-in failures are also counted per address, so each test has its own. */
function uniqueAddress(): string {
  const n = () => Math.floor(Math.random() * 250) + 1;
  return `10.${n()}.${n()}.${n()}`;
}

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** The first word of a name as plain lower-case ASCII, for an email's local part. */
function asciiTag(name: string): string {
  const word = name.split(" ")[0] ?? "";
  return (
    word
      .normalize("NFD")
      .replace(/[^a-z0-9]/gi, "")
      .toLowerCase()
      .slice(0, 20) || "user"
  );
}

/** Someone with a unique email and the standard password. */
export function person(name: string, tag = asciiTag(name)): Person {
  return { name, email: uniqueEmail(tag), password: PASSWORD };
}

const HTML_ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'" };

export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return HTML_ENTITIES[name] ?? entity;
  });
}

/**
 * Submits a form of the page at `path` as a browser without JavaScript does: its hidden fields (the
 * server action's reference, any `next` or `invite`) with `fields`, posted from `request`, the API
 * client of a browser context (`page.request`) whose cookies it then shares. For setting up what a
 * test is not about (an account, a group, a membership) at the cost of two requests instead of two
 * rendered pages; the journeys that test these forms use them in the browser. The form is the first
 * one with a field of each name in `fields`. Returns where the form sent the browser (the redirect
 * that ends every successful form), and fails if it came back with the page instead (an error).
 */
export async function submitForm(
  request: APIRequestContext,
  path: string,
  fields: Record<string, string>,
): Promise<string> {
  const page = await request.get(path);
  expect(page.status(), `GET ${path}`).toBe(200);
  const html = await page.text();
  const names = Object.keys(fields);
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gu)]
    .map((match) => match[1]!)
    .find((body) => names.every((name) => body.includes(`name="${name}"`)));
  if (!form) throw new Error(`no form on ${path} has the fields ${names.join(", ")}`);
  const multipart: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/gu)) {
    const attributes = Object.fromEntries(
      [...tag.matchAll(/([\w:$-]+)="([^"]*)"/gu)].map(([, key, value]) => [key!, decodeHtml(value!)]),
    );
    if (attributes.type === "hidden" && attributes.name) multipart[attributes.name] = attributes.value ?? "";
  }
  const response = await request.post(path, {
    multipart: { ...multipart, ...fields },
    maxRedirects: 0,
  });
  expect(response.status(), `the form on ${path} with ${JSON.stringify(fields)}`).toBe(303);
  return new URL(response.headers()["location"]!, page.url()).pathname;
}

/** Signing up, in and out, and the header's account menu. */
export function createAuthPages(page: Page) {
  return {
    async gotoSignUp(path = "/en/sign-up") {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
    },
    /** Fills in and sends the sign-up form on the current page. */
    async submitSignUp({ name, email, password }: Person) {
      await page.getByLabel("Name").fill(name);
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Create account" }).click();
    },
    /**
     * Creates the account and signs this browser context in without showing a page (the sign-up
     * form, posted as without JavaScript); for tests that are not about signing up.
     */
    async register({ name, email, password }: Person) {
      await submitForm(page.request, "/en/sign-up", { name, email, password });
    },
    /** Signs up on /en/sign-up and waits until the header shows the new user. */
    async signUp(who: Person) {
      await this.gotoSignUp();
      await this.submitSignUp(who);
      await this.expectSignedInAs(who.name);
    },
    async gotoSignIn(path = "/en/sign-in") {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    },
    emailField(): Locator {
      return page.getByLabel("Email address", { exact: true });
    },
    passwordField(): Locator {
      return page.getByLabel("Password", { exact: true });
    },
    signInButton(): Locator {
      return page.getByRole("button", { name: "Sign in", exact: true });
    },
    /** Fills in and sends the password sign-in form on the current page. */
    async submitSignIn(email: string, password: string) {
      await this.emailField().fill(email);
      await this.passwordField().fill(password);
      await this.signInButton().click();
    },
    /** The sign-in form's message (an error under the form). */
    formError(): Locator {
      return page.locator("form").getByRole("alert").first();
    },
    /** The disclosure in the header that opens the account menu of a signed-in user. */
    accountMenu(name: string): Locator {
      return page.getByRole("banner").locator("summary", { hasText: name });
    },
    async expectSignedInAs(name: string) {
      await expect(this.accountMenu(name)).toBeVisible();
    },
    async expectSignedOut() {
      await expect(
        page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }),
      ).toBeVisible();
    },
    async signOut(name: string) {
      await this.accountMenu(name).click();
      await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
      await this.expectSignedOut();
    },
  };
}

export interface GroupDetails {
  name: string;
  description?: string;
  term?: string;
}

/** The groups list (`/en/groups`) and a group's page (`/en/groups/{id}`). */
export function createGroupPages(page: Page) {
  return {
    async gotoList() {
      await page.goto("/en/groups");
      await expect(page.getByRole("heading", { level: 1, name: "Your groups" })).toBeVisible();
    },
    /** The list of the user's groups (absent while there is none). */
    list(): Locator {
      return page.getByRole("list", { name: "Your groups" });
    },
    /** A group's entry in the list, found by its name. */
    listItem(groupName: string): Locator {
      return this.list()
        .getByRole("listitem")
        .filter({ has: page.getByRole("link", { name: groupName, exact: true }) });
    },
    /**
     * Creates a group without showing a page (the form posted as without JavaScript) and returns the
     * path of its page; for tests that are not about creating groups.
     */
    async createQuickly({ name, description = "", term = "" }: GroupDetails): Promise<string> {
      return submitForm(page.request, "/en/groups", { name, description, term });
    },
    /** Joins the group with this join code without showing a page; returns the group's path. */
    async joinQuickly(code: string): Promise<string> {
      return submitForm(page.request, "/en/join", { code });
    },
    /** Creates a group from the groups list and returns its page's URL. */
    async create({ name, description, term }: GroupDetails): Promise<string> {
      await this.gotoList();
      const form = page.getByRole("form", { name: "Create a group" });
      await form.getByLabel("Name").fill(name);
      if (description) await form.getByLabel("Description").fill(description);
      if (term) await form.getByLabel("Term").fill(term);
      await form.getByRole("button", { name: "Create group" }).click();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      return page.url();
    },
    yourRole(role: string): Locator {
      return page.getByText(new RegExp(`^Your role: ${role}( ·|$)`));
    },
    members(): Locator {
      return page.getByRole("table", { name: "Members of the group" });
    },
    /** A member's row in the members table, found by the name in its row header. */
    memberRow(name: string): Locator {
      return this.members()
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name }) });
    },
    async changeRole(memberName: string, role: string) {
      await page.getByRole("combobox", { name: `Role of ${memberName}` }).selectOption({ label: role });
      await page.getByRole("button", { name: `Save role of ${memberName}` }).click();
      await expect(page.getByText("The role has been changed.")).toBeVisible();
    },
    async removeMember(memberName: string) {
      await page.locator("summary", { hasText: `Remove ${memberName}` }).click();
      await page.getByRole("button", { name: `Remove ${memberName} from the group` }).click();
      await expect(page.getByText("The member has been removed from the group.")).toBeVisible();
    },
    async leave(groupName: string) {
      await page.locator("summary", { hasText: "Leave the group…" }).click();
      await page.getByRole("button", { name: `Leave ${groupName}` }).click();
    },
    /** Creates an invitation link and returns it, read from the box where it is shown once. */
    async createInviteLink(): Promise<string> {
      await page.getByRole("button", { name: "Create link" }).click();
      const box = page.getByRole("textbox", { name: "Link to share" });
      await expect(box).toHaveValue(/\/en\/join\/\S+$/);
      return box.inputValue();
    },
    /** The invitation links table. */
    invites(): Locator {
      return page.getByRole("table", { name: "Invitation links" });
    },
    /** The join code shown on a group's page (its path), read without showing the page. */
    async joinCodeOf(groupPath: string): Promise<string> {
      const response = await page.request.get(groupPath);
      expect(response.status()).toBe(200);
      const code = />([A-Z0-9]{3}-[A-Z0-9]{4})</u.exec(await response.text())?.[1];
      if (!code) throw new Error(`no join code on ${groupPath}`);
      return code;
    },
    /** The group's join code, as shown in the invite panel. */
    async joinCode(): Promise<string> {
      const code = page.getByRole("region", { name: "Invite people" }).getByText(/^[A-Z0-9]{3}-[A-Z0-9]{4}$/);
      await expect(code).toBeVisible();
      return (await code.innerText()).trim();
    },
  };
}

/** Someone using Glossa in a browser context of their own. */
export interface Visitor {
  page: Page;
  context: BrowserContext;
  auth: ReturnType<typeof createAuthPages>;
  groups: ReturnType<typeof createGroupPages>;
}

type AccountFixtures = {
  auth: ReturnType<typeof createAuthPages>;
  groups: ReturnType<typeof createGroupPages>;
  /**
   * Opens a new browser context (another person, no cookies), watched for errors like the test's own
   * (fixtures.ts, `browserErrors`); closed after the test.
   */
  newVisitor: () => Promise<Visitor>;
};

async function openVisitor(
  browser: Browser,
  contexts: BrowserContext[],
  browserErrors: BrowserErrors,
): Promise<Visitor> {
  const context = await browser.newContext();
  contexts.push(context);
  browserErrors.watch(context);
  const page = await context.newPage();
  return { page, context, auth: createAuthPages(page), groups: createGroupPages(page) };
}

export const test = readerTest.extend<AccountFixtures>({
  // Sign-in failures count per client address too; a test of its own address keeps others unlocked.
  extraHTTPHeaders: async ({}, provide) => {
    await provide({ "X-Forwarded-For": uniqueAddress() });
  },
  auth: async ({ page }, provide) => {
    await provide(createAuthPages(page));
  },
  groups: async ({ page }, provide) => {
    await provide(createGroupPages(page));
  },
  newVisitor: async ({ browser, browserErrors }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(() => openVisitor(browser, contexts, browserErrors));
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
