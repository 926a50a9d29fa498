import { expect, person, test, type Person, type Visitor } from "./account-fixtures";
import { expectVisibleFocus, tabTo } from "./fixtures";

/** A group name no other test uses, so a page showing it can only be showing this test's group. */
function groupName(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** A new person opens an invitation link signed out and joins by creating an account. */
async function joinBySigningUp(visitor: Visitor, link: string, name: string, group: string) {
  await visitor.page.goto(link);
  await expect(visitor.page.getByRole("heading", { level: 1, name: `Invitation to ${group}` })).toBeVisible();
  await expect(visitor.page.getByText("To join, sign in or create an account.")).toBeVisible();
  await visitor.page.getByRole("link", { name: "Create an account and join" }).click();
  await expect(
    visitor.page.getByText(`After creating your account you join the group ${group} as: Student.`),
  ).toBeVisible();
  await visitor.auth.submitSignUp(person(name));
  await expect(visitor.page.getByRole("heading", { level: 1, name: group })).toBeVisible();
}

test.describe("seminar groups", () => {
  test("an instructor creates a group and invites a student by link", async ({
    page,
    auth,
    groups,
    newVisitor,
  }) => {
    const instructor = person("Anna Nowak");
    const group = groupName("Seminar 1939");
    await auth.register(instructor);

    const groupUrl = await groups.create({
      name: group,
      description: "Reading the September documents.",
      term: "Winter 2026/27",
    });
    await expect(page).toHaveURL(/\/en\/groups\/[^/]+$/);
    await expect(
      page.getByRole("paragraph").filter({ hasText: "Reading the September documents." }),
    ).toBeVisible();
    await expect(page.getByText("Term: Winter 2026/27")).toBeVisible();
    await expect(groups.yourRole("Instructor")).toBeVisible();

    const link = await groups.createInviteLink();
    await expect(page.getByText("Copy the link now: for security it is shown only this once.")).toBeVisible();
    await expect(groups.invites().getByRole("cell", { name: "Active" })).toHaveCount(1);

    const student = await newVisitor();
    await joinBySigningUp(student, link, "Bartek Zieliński", group);
    await expect(student.page).toHaveURL(groupUrl);
    await expect(student.groups.yourRole("Student")).toBeVisible();
    await student.auth.expectSignedInAs("Bartek Zieliński");

    await student.groups.gotoList();
    await expect(student.groups.listItem(group)).toContainText("Your role: Student");
    await expect(student.groups.listItem(group)).toContainText("Term: Winter 2026/27");

    await page.reload();
    await expect(groups.memberRow("Bartek Zieliński")).toBeVisible();
    await expect(groups.members().getByRole("row")).toHaveCount(3); // the header and two members
    // The link is shown only once: after a reload it is gone.
    await expect(page.getByRole("textbox", { name: "Link to share" })).toHaveCount(0);
  });

  test("a revoked invitation link says so without naming the group", async ({
    page,
    auth,
    groups,
    newVisitor,
  }) => {
    const group = groupName("Revoked seminar");
    await auth.register(person("Irena Kowalska"));
    await page.goto(await groups.createQuickly({ name: group }));
    const link = await groups.createInviteLink();

    await groups
      .invites()
      .getByRole("button", { name: /^Revoke/ })
      .click();
    await expect(groups.invites().getByRole("cell", { name: "Revoked" })).toBeVisible();

    const third = await newVisitor();
    await third.page.goto(link);
    await expect(
      third.page.getByRole("heading", { level: 1, name: "This invitation cannot be used" }),
    ).toBeVisible();
    await expect(third.page.getByRole("main").getByRole("alert")).toHaveText(
      "This invitation link has been revoked.",
    );
    await expect(third.page.getByRole("link", { name: "Create an account and join" })).toHaveCount(0);
    await expect(third.page.locator("body")).not.toContainText(group);
  });

  /** An instructor with a group of their own and members who joined it (set up without pages). */
  async function groupWithMembers(
    auth: { register(who: Person): Promise<void> },
    groups: {
      createQuickly(details: { name: string }): Promise<string>;
      joinCodeOf(path: string): Promise<string>;
    },
    newVisitor: () => Promise<Visitor>,
    memberNames: string[],
  ) {
    const group = groupName("Roles seminar");
    await auth.register(person("Jan Instruktor"));
    const groupPath = await groups.createQuickly({ name: group });
    const code = await groups.joinCodeOf(groupPath);
    const members = await Promise.all(
      memberNames.map(async (name) => {
        const member = await newVisitor();
        await member.auth.register(person(name));
        expect(await member.groups.joinQuickly(code)).toBe(groupPath);
        return member;
      }),
    );
    return { group, groupPath, members };
  }

  test("an instructor makes a student a teaching assistant, who may then invite people", async ({
    page,
    auth,
    groups,
    newVisitor,
  }) => {
    const { groupPath, members } = await groupWithMembers(auth, groups, newVisitor, ["Celina Wiśniewska"]);
    const [student] = members as [Visitor];
    await student.page.goto(groupPath);
    await expect(student.groups.yourRole("Student")).toBeVisible();
    await expect(student.page.getByRole("heading", { name: "Invite people" })).toHaveCount(0);

    await page.goto(groupPath);
    await groups.changeRole("Celina Wiśniewska", "Teaching assistant");
    await expect(groups.memberRow("Celina Wiśniewska")).toContainText("Teaching assistant");
    await student.page.reload();
    await expect(student.groups.yourRole("Teaching assistant")).toBeVisible();
    await expect(student.page.getByRole("heading", { name: "Invite people" })).toBeVisible();
  });

  test("an instructor removes a member, who no longer sees the group", async ({
    page,
    auth,
    groups,
    newVisitor,
    browserErrors,
  }) => {
    const { group, groupPath, members } = await groupWithMembers(auth, groups, newVisitor, ["Dawid Lis"]);
    const [other] = members as [Visitor];

    await page.goto(groupPath);
    await groups.removeMember("Dawid Lis");
    await expect(groups.memberRow("Dawid Lis")).toHaveCount(0);
    await other.groups.gotoList();
    await expect(other.page.getByRole("link", { name: group })).toHaveCount(0);
    await expect(other.page.getByText("You are not in any group yet.", { exact: false })).toBeVisible();
    browserErrors.expect({ status: 404, path: groupPath });
    const response = await other.page.goto(groupPath);
    expect(response?.status()).toBe(404);
    await expect(other.page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  });

  test("the last instructor cannot leave the group", async ({ page, auth, groups, newVisitor }) => {
    const { group, groupPath } = await groupWithMembers(auth, groups, newVisitor, []);
    await page.goto(groupPath);
    await groups.leave(group);
    await expect(
      page.getByText("A group must keep at least one instructor. Make someone else an instructor first."),
    ).toBeVisible();
    await page.reload();
    await expect(groups.yourRole("Instructor")).toBeVisible();
  });

  test("a signed-in user joins with the join code, typed loosely", async ({
    page,
    auth,
    groups,
    newVisitor,
  }) => {
    const group = groupName("Code seminar");
    await auth.register(person("Ewa Prowadząca"));
    const groupPath = await groups.createQuickly({ name: group });
    const code = await groups.joinCodeOf(groupPath);

    const student = await newVisitor();
    await student.auth.register(person("Filip Student"));
    await student.page.goto("/en/join");
    await expect(student.page.getByRole("heading", { level: 1, name: "Join a group" })).toBeVisible();
    const loose = `${code.replace("-", "").slice(0, 3)} ${code.replace("-", "").slice(3)}`.toLowerCase();
    await student.page.getByLabel("Join code").fill(loose);
    await student.page.getByRole("button", { name: "Join group" }).click();
    await expect(student.page).toHaveURL(groupPath);
    await expect(student.groups.yourRole("Student")).toBeVisible();

    await page.goto(groupPath);
    await expect(groups.memberRow("Filip Student")).toContainText("Student");
  });

  test("an unknown join code is refused with a message", async ({ page, auth }) => {
    await auth.register(person("Gosia Zła"));
    await page.goto("/en/join");
    await page.getByLabel("Join code").fill("zzz");
    await page.getByRole("button", { name: "Join group" }).click();
    await expect(
      page.getByText("A join code has seven letters and digits, like K7M-4QX9.").first(),
    ).toBeVisible();
    await page.getByLabel("Join code").fill("QQQ-QQQQ");
    await page.getByRole("button", { name: "Join group" }).click();
    await expect(
      page.getByText("No group has this join code. Check it with your instructor.").first(),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/en\/join$/);
  });

  test("a group can be created with the keyboard only", async ({ page, auth, groups }) => {
    await auth.register(person("Henryk Klawiatura"));
    await groups.gotoList();
    const form = page.getByRole("form", { name: "Create a group" });
    const name = groupName("Keyboard seminar");

    await tabTo(page, form.getByLabel("Name"));
    await expectVisibleFocus(form.getByLabel("Name"));
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Description")).toBeFocused();
    await page.keyboard.type("Typed, not clicked.");
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Term")).toBeFocused();
    await page.keyboard.type("Summer 2027");
    await page.keyboard.press("Tab");
    const submit = form.getByRole("button", { name: "Create group" });
    await expectVisibleFocus(submit);
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("paragraph").filter({ hasText: "Typed, not clicked." })).toBeVisible();
    await expect(groups.yourRole("Instructor")).toBeVisible();
  });
});
