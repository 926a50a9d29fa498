/**
 * Accounts as a person and an operator meet them: signing up, signing in (and being slowed down when
 * guessing), changing and resetting a password.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { createPasswordResetToken, RESET_TOKEN_TTL_MS } from "@/lib/auth/password-reset-token";
import { resetPassword } from "@/lib/auth/reset-password";
import {
  ACCOUNT_WINDOW_SECONDS,
  FAILURES_PER_ACCOUNT,
  FAILURES_PER_ADDRESS,
  GUESSES_PER_ACCOUNT_AND_ADDRESS,
  SIGN_IN_WINDOW_SECONDS,
} from "@/lib/auth/sign-in-limiter";
import { signUp } from "@/lib/auth/sign-up";
import { updateProfile } from "@/lib/auth/update-profile";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { createUser, uniqueKey, type TestUser } from "../support/factories";
import { testDatabase } from "../support/test-database";

const PASSWORD = "correct horse battery";
const prisma = () => testDatabase().prisma;
const passwordHashOf = async (user: { id: string }) =>
  (await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
/** A distinct client address for each call, so only the limit under test can be reached. */
const address = () => `203.0.113.${uniqueKey()}`;
const signIn = (user: TestUser, password: string, from = address()) =>
  verifyCredentials({ email: user.email, password }, from);

describe("signing up", () => {
  it("stores the email lower-cased and the password only as an argon2id hash", async () => {
    const key = uniqueKey();
    const { id } = await signUp(
      { name: "  Ada Lovelace ", email: `Ada.${key}@Example.TEST`, password: PASSWORD },
      "en",
      address(),
    );

    const user = await prisma().user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ name: "Ada Lovelace", email: `ada.${key}@example.test`, locale: "en" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    // And the person can sign in with the address however they type it.
    const result = await verifyCredentials(
      { email: ` ADA.${key}@example.test`, password: PASSWORD },
      address(),
    );
    expect(result).toEqual({
      ok: true,
      user: { id, name: "Ada Lovelace", email: `ada.${key}@example.test` },
    });
  });

  it("refuses an email that is taken, whatever its case", async () => {
    const email = `bob.${uniqueKey()}@example.test`;
    await signUp({ name: "Bob", email, password: PASSWORD }, "pl", address());

    await expect(
      signUp(
        { name: "Bob Again", email: email.toUpperCase(), password: "another password" },
        "pl",
        address(),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "emailTaken" });
    expect(await prisma().user.findMany({ where: { email }, select: { name: true } })).toEqual([
      { name: "Bob" },
    ]);
  });

  it.each([
    ["a password of 9 characters", { password: "123456789" }, "password", "passwordTooShort"],
    ["a password of 201 characters", { password: "x".repeat(201) }, "password", "passwordTooLong"],
    ["a name of 101 characters", { name: "N".repeat(101) }, "name", "nameTooLong"],
    ["a blank name", { name: "   " }, "name", "nameRequired"],
    ["an address that is not one", { email: "ada-at-example.test" }, "email", "emailInvalid"],
  ])("refuses %s and creates no account", async (_case, change, field, reason) => {
    const email = `carol.${uniqueKey()}@example.test`;
    const input = { name: "Carol", email, password: PASSWORD, ...change };

    await expect(signUp(input, "pl", address())).rejects.toMatchObject({
      code: "INVALID",
      message: reason,
      details: { problems: [{ field, message: reason }] },
    });
    expect(await prisma().user.count({ where: { email: input.email.toLowerCase() } })).toBe(0);
  });

  it("accepts the shortest allowed password and the longest allowed name", async () => {
    const { id } = await signUp(
      { name: "N".repeat(100), email: `dan.${uniqueKey()}@example.test`, password: "1234567890" },
      "pl",
      address(),
    );
    expect(await verifyPassword((await passwordHashOf({ id }))!, "1234567890")).toBe(true);
  });
});

describe("signing in", () => {
  it("gives the same answer for an unknown email, a wrong password and an account without one", async () => {
    const ada = await createUser({ password: PASSWORD });
    const viaProvider = await createUser();

    const unknown = await verifyCredentials(
      { email: `nobody.${uniqueKey()}@example.test`, password: PASSWORD },
      address(),
    );
    const wrong = await signIn(ada, "wrong password");
    const noPassword = await signIn(viaProvider, PASSWORD);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    expect(noPassword).toEqual(unknown);
    expect(await signIn(ada, PASSWORD)).toMatchObject({ ok: true, user: { id: ada.id } });
  });

  it("lets the owner in from their own address after ten failures from ten other addresses", async () => {
    const ada = await createUser({ password: PASSWORD });
    const home = address();
    await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(ada, `guess ${i}`)));
    expect(await signIn(ada, PASSWORD, home)).toMatchObject({ ok: true, user: { id: ada.id } });
  });

  it(`holds guesses at one account from one address after ${GUESSES_PER_ACCOUNT_AND_ADDRESS}, and no one else`, async () => {
    const ada = await createUser({ password: PASSWORD });
    const attacker = address();
    for (let i = 0; i < GUESSES_PER_ACCOUNT_AND_ADDRESS - 1; i++) await signIn(ada, `guess ${i}`, attacker);
    // One failure short of the limit, nothing is held yet (and success starts the count again).
    expect(await signIn(ada, PASSWORD, attacker)).toMatchObject({ ok: true });

    for (let i = 0; i < GUESSES_PER_ACCOUNT_AND_ADDRESS; i++) await signIn(ada, `guess ${i}`, attacker);
    const held = await signIn(ada, PASSWORD, attacker);
    expect(held).toMatchObject({ ok: false, reason: "rate_limited" });
    const wait = (held as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_WINDOW_SECONDS);
    // The owner, from their own address, is not locked out by someone else's guesses.
    expect(await signIn(ada, PASSWORD)).toMatchObject({ ok: true, user: { id: ada.id } });
  });

  it(`after ${FAILURES_PER_ACCOUNT} failures from many addresses, slows new addresses but not the owner's own`, async () => {
    const ada = await createUser({ password: PASSWORD });
    const home = address();
    expect(await signIn(ada, PASSWORD, home)).toMatchObject({ ok: true });
    await Promise.all(Array.from({ length: FAILURES_PER_ACCOUNT }, (_, i) => signIn(ada, `guess ${i}`)));

    // A botnet's next guess waits, even a right one from an address never used for this account…
    const fresh = await signIn(ada, PASSWORD);
    expect(fresh).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((fresh as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(
      ACCOUNT_WINDOW_SECONDS,
    );
    // …while the owner signs in from an address the account signed in from before.
    expect(await signIn(ada, PASSWORD, home)).toMatchObject({ ok: true, user: { id: ada.id } });
    const bob = await createUser({ password: PASSWORD });
    expect(await signIn(bob, PASSWORD)).toMatchObject({ ok: true });
  });

  it(`limits an address after ${FAILURES_PER_ADDRESS} failures there, across accounts`, async () => {
    const from = address();
    const victims = await Promise.all(Array.from({ length: FAILURES_PER_ADDRESS }, () => createUser()));
    await Promise.all(victims.map((victim) => signIn(victim, "guess", from)));
    const ada = await createUser({ password: PASSWORD });

    expect(await signIn(ada, PASSWORD, from)).toMatchObject({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: expect.any(Number),
    });
    // The same account from another address still works.
    expect(await signIn(ada, PASSWORD)).toMatchObject({ ok: true });
  });
});

describe("changing one's password", () => {
  it("refuses a wrong current password and keeps the old one", async () => {
    const ada = await createUser({ password: PASSWORD });
    const before = await passwordHashOf(ada);

    await expect(
      changePassword(ada.actor, { currentPassword: "not my password", newPassword: "a new password" }),
    ).rejects.toMatchObject({
      code: "INVALID",
      details: { problems: [{ field: "currentPassword", message: "currentPasswordWrong" }] },
    });
    expect(await passwordHashOf(ada)).toBe(before);
  });

  it("replaces the old password with the new one", async () => {
    const ada = await createUser({ password: PASSWORD });
    await changePassword(ada.actor, { currentPassword: PASSWORD, newPassword: "a new password" });

    expect(await signIn(ada, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(ada, "a new password")).toMatchObject({ ok: true });
  });

  it("refuses a new password that is too short", async () => {
    const ada = await createUser({ password: PASSWORD });
    await expect(
      changePassword(ada.actor, { currentPassword: PASSWORD, newPassword: "short" }),
    ).rejects.toMatchObject({ code: "INVALID", message: "passwordTooShort" });
    expect(await signIn(ada, PASSWORD)).toMatchObject({ ok: true });
  });
});

describe("resetting a forgotten password", () => {
  const sent = new Date("2031-01-10T08:00:00Z");
  const later = (ms: number) => new Date(sent.getTime() + ms);

  it("works once with the link, and every other link sent to the person dies with it", async () => {
    const ada = await createUser({ password: PASSWORD });
    const bob = await createUser({ password: PASSWORD });
    const first = await createPasswordResetToken(prisma(), ada.id, sent);
    const second = await createPasswordResetToken(prisma(), ada.id, sent);
    const bobs = await createPasswordResetToken(prisma(), bob.id, sent);
    const stored = await prisma().passwordReset.findMany({ where: { userId: ada.id } });
    expect(stored.map((r) => r.tokenHash).sort()).toEqual(
      [first, second].map((t) => createHash("sha256").update(t).digest("hex")).sort(),
    );

    await expect(
      resetPassword({ token: first, password: "my new password" }, later(60_000)),
    ).resolves.toEqual({
      email: ada.email,
    });
    expect(await signIn(ada, "my new password")).toMatchObject({ ok: true });
    expect(await signIn(ada, PASSWORD)).toEqual({ ok: false, reason: "invalid" });

    for (const token of [first, second]) {
      await expect(
        resetPassword({ token, password: "someone else's" }, later(120_000)),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        message: "resetLinkInvalid",
      });
    }
    expect(await signIn(ada, "my new password")).toMatchObject({ ok: true });
    // Another person's link is not touched.
    await expect(
      resetPassword({ token: bobs, password: "bob's new password" }, later(60_000)),
    ).resolves.toEqual({ email: bob.email });
  });

  it("refuses an expired link and keeps the password", async () => {
    const ada = await createUser({ password: PASSWORD });
    const token = await createPasswordResetToken(prisma(), ada.id, sent);

    await expect(
      resetPassword({ token, password: "my new password" }, later(RESET_TOKEN_TTL_MS)),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "resetLinkInvalid" });
    expect(await signIn(ada, PASSWORD)).toMatchObject({ ok: true });
    // A minute earlier it would still have worked.
    await expect(
      resetPassword({ token, password: "my new password" }, later(RESET_TOKEN_TTL_MS - 60_000)),
    ).resolves.toEqual({ email: ada.email });
  });

  it("refuses an unknown link", async () => {
    await expect(resetPassword({ token: "A".repeat(43), password: "my new password" })).rejects.toMatchObject(
      { code: "CONFLICT", message: "resetLinkInvalid" },
    );
  });
});

describe("the profile", () => {
  it("changes the name and language, and refuses a language Glossa does not have", async () => {
    const ada = await createUser();
    await expect(updateProfile(ada.actor, { name: " Ada L. ", locale: "en" })).resolves.toEqual({
      locale: "en",
    });
    await expect(updateProfile(ada.actor, { name: "Ada", locale: "de" })).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(await prisma().user.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({
      name: "Ada L.",
      locale: "en",
    });
  });
});
