import { expect, person, test } from "./account-fixtures";
import { expectNoAxeViolations } from "./fixtures";

test.describe("no axe violations on the account and group pages", () => {
  test.describe("signed out", () => {
    const pages = [
      { path: "/en/sign-in", heading: "Sign in" },
      { path: "/en/sign-up", heading: "Create an account" },
      { path: "/en/forgot-password", heading: "Forgotten password" },
      { path: "/en/reset-password?token=a-reset-token-from-an-email", heading: "Set a new password" },
      { path: "/pl/sign-in", heading: "Logowanie" },
      { path: "/pl/sign-up", heading: "Zakładanie konta" },
    ];
    for (const { path, heading } of pages) {
      test(path, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }

    test("sign-up with every field wrong", async ({ page, auth }) => {
      await auth.gotoSignUp();
      await auth.submitSignUp({ name: "x".repeat(101), email: "not-an-email", password: "short" });
      await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page);
    });
  });

  test("the account and join-code pages", async ({ page, auth }) => {
    await auth.register(person("Alicja Dostępna"));

    await page.goto("/en/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/en/join");
    await expect(page.getByRole("heading", { level: 1, name: "Join a group" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the groups list, empty and with a group, in English and Polish", async ({ page, auth, groups }) => {
    await auth.register(person("Albert Dostępny"));
    await groups.gotoList();
    await expectNoAxeViolations(page);

    await groups.createQuickly({ name: "Accessible seminar", term: "Winter 2026/27" });
    await groups.gotoList();
    await expect(groups.listItem("Accessible seminar")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/pl/groups");
    await expect(page.getByRole("heading", { level: 1, name: "Twoje grupy" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a group's page with its invite panel", async ({ page, auth, groups }) => {
    await auth.register(person("Bogdan Dostępny"));
    await page.goto(
      await groups.createQuickly({ name: "Seminar with invitations", description: "For the axe checks." }),
    );
    await groups.createInviteLink();
    await expect(groups.invites()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the invitation pages, usable and revoked", async ({ page, auth, groups, newVisitor }) => {
    await auth.register(person("Bogumiła Dostępna"));
    await page.goto(
      await groups.createQuickly({ name: "Seminar with an invitation", description: "For the axe checks." }),
    );
    const link = await groups.createInviteLink();
    const visitor = await newVisitor();
    await visitor.page.goto(link);
    await expect(
      visitor.page.getByRole("heading", { level: 1, name: "Invitation to Seminar with an invitation" }),
    ).toBeVisible();
    await expectNoAxeViolations(visitor.page);

    await page.reload();
    await groups
      .invites()
      .getByRole("button", { name: /^Revoke/ })
      .click();
    await expect(groups.invites().getByRole("cell", { name: "Revoked" })).toBeVisible();
    await visitor.page.reload();
    await expect(
      visitor.page.getByRole("heading", { level: 1, name: "This invitation cannot be used" }),
    ).toBeVisible();
    await expectNoAxeViolations(visitor.page);
  });
});
