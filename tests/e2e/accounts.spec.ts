import { expect, PASSWORD, person, test, uniqueEmail } from "./account-fixtures";
import { expectVisibleFocus, tabTo, titleOf } from "./fixtures";

const SIGN_IN_FAILED = "The email address or password is incorrect.";

test.describe("accounts", () => {
  test("signing up shows the new user in the header; signing out ends the session", async ({
    page,
    auth,
  }) => {
    const who = person("Anna Nowak");
    await auth.signUp(who);
    await expect(page).toHaveURL(/\/en$/);

    await auth.signOut(who.name);
    await page.goto("/en/groups");
    await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fgroups$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    // Reading needs no account.
    await page.goto("/en/sources/kuty-directive");
    await expect(page.getByRole("heading", { level: 1, name: titleOf("kuty-directive") })).toBeVisible();
    await auth.expectSignedOut();
  });

  test("sign-up explains what is wrong with the form, in the page's language", async ({
    page,
    auth,
    newVisitor,
  }) => {
    const existing = person("Beata Pierwsza");
    await (await newVisitor()).auth.register(existing);

    await auth.gotoSignUp();
    await auth.submitSignUp({ ...person("Beata Druga"), email: existing.email });
    await expect(
      page.getByText(
        "An account with this email address already exists. Sign in instead, or reset your password.",
      ),
    ).not.toHaveCount(0);

    await auth.submitSignUp({ ...person("Beata Druga"), password: "123456789" });
    await expect(page.getByText("The password must be at least 10 characters long.")).not.toHaveCount(0);
    await expect(page.getByLabel("Password")).toBeFocused();

    await auth.submitSignUp(person("x".repeat(101)));
    await expect(page.getByText("The name can be at most 100 characters long.")).not.toHaveCount(0);
    await expect(page.getByLabel("Name")).toBeFocused();
    await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();

    // The same mistake on the Polish page is explained in Polish.
    await page.goto("/pl/sign-up");
    await expect(page.getByRole("heading", { level: 1, name: "Zakładanie konta" })).toBeVisible();
    await page.getByLabel("Imię i nazwisko").fill("Beata Trzecia");
    await page.getByLabel("Adres e-mail").fill(uniqueEmail("beata"));
    await page.getByLabel("Hasło").fill("123456789");
    await page.getByRole("button", { name: "Załóż konto" }).click();
    await expect(page.getByText("Hasło musi mieć co najmniej 10 znaków.")).not.toHaveCount(0);
  });

  test("a wrong password and an unknown email get the same answer", async ({ auth, newVisitor }) => {
    const who = person("Cezary Hasło");
    await (await newVisitor()).auth.register(who);

    await auth.gotoSignIn();
    await auth.submitSignIn(who.email, "not the right password");
    await expect(auth.formError()).toHaveText(SIGN_IN_FAILED);
    const wrongPassword = await auth.formError().innerText();

    await auth.submitSignIn(uniqueEmail("nobody"), PASSWORD);
    await expect(auth.formError()).toHaveText(SIGN_IN_FAILED);
    expect(await auth.formError().innerText()).toBe(wrongPassword);
    await auth.expectSignedOut();
  });

  test("after ten wrong passwords even the right one is refused for a while", async ({
    page,
    auth,
    newVisitor,
  }) => {
    const who = person("Dorota Limit");
    await (await newVisitor()).auth.register(who);

    await auth.gotoSignIn();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const answered = page.waitForResponse((response) => response.request().method() === "POST");
      await auth.submitSignIn(who.email, `wrong password ${attempt}`);
      await answered;
      await expect(auth.formError()).toHaveText(SIGN_IN_FAILED);
    }
    await auth.submitSignIn(who.email, who.password);
    await expect(auth.formError()).toHaveText(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/sign-in/);
  });

  test("signing in with the keyboard only", async ({ page, auth, newVisitor }) => {
    const who = person("Edward Klawisz");
    await (await newVisitor()).auth.register(who);

    await page.goto("/en/sign-in?next=%2Fen%2Fgroups");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await tabTo(page, auth.emailField());
    await expectVisibleFocus(auth.emailField());
    await page.keyboard.type(who.email);
    await page.keyboard.press("Tab");
    await expectVisibleFocus(auth.passwordField());
    await page.keyboard.type(who.password);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/en\/groups$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your groups" })).toBeVisible();
    await auth.expectSignedInAs(who.name);
  });

  test("the profile: name, interface language and password", async ({ page, auth, newVisitor }) => {
    const who = person("Franciszek Stary");
    await auth.register(who);
    await page.goto("/en/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(page.getByText(`Signed in as ${who.email}.`)).toBeVisible();

    const profile = page.getByRole("form", { name: "Profile" });
    await profile.getByLabel("Name").fill("Franciszek Nowy");
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Your profile has been saved.")).toBeVisible();
    await auth.expectSignedInAs("Franciszek Nowy");
    await expect(auth.accountMenu("Franciszek Stary")).toHaveCount(0);

    const newPassword = "a brand new password";
    await page.getByLabel("Current password").fill("not my password at all");
    await page.getByLabel("New password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("The current password is not correct.")).not.toHaveCount(0);
    await page.getByLabel("Current password").fill(who.password);
    await page.getByLabel("New password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has been changed.")).toBeVisible();

    await profile.getByLabel("Interface language").selectOption({ label: "Polski" });
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect(page).toHaveURL(/\/pl\/account\?notice=profileSaved$/);
    await expect(page.getByRole("heading", { level: 1, name: "Twoje konto" })).toBeVisible();
    await expect(page.getByText("Profil został zapisany.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Zapisz profil" })).toBeVisible();

    // The new password works elsewhere, the old one no longer does.
    const elsewhere = await newVisitor();
    await elsewhere.auth.gotoSignIn();
    await elsewhere.auth.submitSignIn(who.email, who.password);
    await expect(elsewhere.auth.formError()).toHaveText(SIGN_IN_FAILED);
    await elsewhere.auth.submitSignIn(who.email, newPassword);
    await elsewhere.auth.expectSignedInAs("Franciszek Nowy");
  });
});
