import { expect, person, test } from "./account-fixtures";
import { E2E } from "./support/e2e-services";
import { OIDC_ACCOUNTS } from "./support/oidc-test-provider";
import { firstLink, waitForEmail } from "./support/smtp-test-mailbox";

/**
 * The sign-in paths that need other services, against the real ones global-setup.ts starts: mail
 * through an SMTP server whose mailbox the tests read, and an OpenID Connect provider.
 */

const mailbox = E2E.mailboxDir!;

test.describe("signing in by email", () => {
  test("an emailed sign-in link signs an existing user in", async ({ page, auth, newVisitor }) => {
    const who = person("Dora Lis");
    await (await newVisitor()).auth.register(who);

    await page.goto("/en/sign-in?next=%2Fen%2Fgroups");
    const form = page.getByRole("form", { name: "Sign in with a link by email" });
    await form.getByLabel("Email address for the link").fill(who.email);
    await form.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await auth.expectSignedOut();

    const email = await waitForEmail(mailbox, who.email, /sign in/i);
    await page.goto(firstLink(email));
    await expect(page).toHaveURL(/\/en\/groups$/);
    await auth.expectSignedInAs(who.name);
  });

  test("a forgotten password is replaced through the emailed link", async ({ page, auth, newVisitor }) => {
    // 23.8 s in a CI run on a slow 2-core machine (2026-12-07), near the default 30 s: twice that.
    test.setTimeout(60_000);
    const who = person("Emil Zapominalski");
    await (await newVisitor()).auth.register(who);

    await page.goto("/en/forgot-password");
    await expect(page.getByRole("heading", { level: 1, name: "Forgotten password" })).toBeVisible();
    await page.getByLabel("Email address").fill(who.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByText("If an account with this address exists")).toBeVisible();

    const email = await waitForEmail(mailbox, who.email, /^Glossa: set a new password$/);
    expect(email.text).toContain(`Hello ${who.name}`);
    const link = firstLink(email);
    expect(link.startsWith(`${E2E.appOrigin}/en/reset-password?token=`)).toBe(true);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Set a new password" })).toBeVisible();
    const newPassword = "a much better password";
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Save the new password" }).click();
    await auth.expectSignedInAs(who.name);

    const elsewhere = await newVisitor();
    await elsewhere.auth.gotoSignIn();
    await elsewhere.auth.submitSignIn(who.email, who.password);
    await expect(elsewhere.auth.formError()).toHaveText("The email address or password is incorrect.");
    await elsewhere.auth.submitSignIn(who.email, newPassword);
    await elsewhere.auth.expectSignedInAs(who.name);

    // The link works once.
    await elsewhere.page.goto(link);
    await elsewhere.page.getByLabel("New password", { exact: true }).fill("yet another password");
    await elsewhere.page.getByRole("button", { name: "Save the new password" }).click();
    await expect(
      elsewhere.page.getByText("This password reset link is invalid, already used or expired.").first(),
    ).toBeVisible();
  });

  test("an invitation sent by email opens the group's join page", async ({
    page,
    auth,
    groups,
    newVisitor,
  }) => {
    const group = `Mail seminar ${Date.now().toString(36)}`;
    await auth.register(person("Greta Zapraszająca"));
    await page.goto(await groups.createQuickly({ name: group }));

    const guest = person("Gość Mailowy");
    const form = page.getByRole("form", { name: "Invite by email" });
    await form.getByLabel("Email address").fill(guest.email);
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("The invitation has been sent.")).toBeVisible();

    const email = await waitForEmail(mailbox, guest.email, new RegExp(`^Invitation to ${group} on Glossa$`));
    expect(email.text).toContain("Greta Zapraszająca invites you");
    const visitor = await newVisitor();
    await visitor.page.goto(firstLink(email));
    await expect(
      visitor.page.getByRole("heading", { level: 1, name: `Invitation to ${group}` }),
    ).toBeVisible();
    await expect(
      visitor.page.getByText(`You are invited to join the seminar group ${group} as: Student.`),
    ).toBeVisible();
  });
});

test.describe("signing in with OpenID Connect", () => {
  test("through the university's provider", async ({ newVisitor }) => {
    // A context of its own: the provider's development pages fetch assets from the internet, which
    // the browser's error check of the app's own pages would count against Glossa.
    const { page, auth } = await newVisitor();
    const account = OIDC_ACCOUNTS["zofia.nowak"]!;
    await page.goto("/en/sign-in?next=%2Fen%2Fgroups");
    await page.getByRole("button", { name: "Sign in with Test University" }).click();

    // The provider's own (development) login and consent pages.
    await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${E2E.oidcPort}/`));
    await page.getByRole("textbox", { name: "Enter any login" }).fill("zofia.nowak");
    await page.getByPlaceholder("and password").fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    const consent = page.getByRole("button", { name: "Continue" });
    await expect(consent.or(auth.accountMenu(account.name))).toBeVisible();
    if (await consent.isVisible()) await consent.click();

    await expect(page).toHaveURL(/\/en\/groups$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your groups" })).toBeVisible();
    await auth.expectSignedInAs(account.name);
    await page.goto("/en/account");
    await expect(page.getByText(`Signed in as ${account.email}.`)).toBeVisible();
  });
});
