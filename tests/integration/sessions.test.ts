/**
 * Sessions end when they should: a session cookie (a signed JWT the server does not store) stops being
 * accepted after signing out, after a password change or reset, and when the account is removed. The
 * session is made by the same Auth.js callbacks the app uses at sign-in, and checked by the same
 * function every request goes through.
 */
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { userOfSession } from "@/lib/auth/user-of-session";
import { createPasswordResetToken } from "@/lib/auth/password-reset-token";
import { resetPassword } from "@/lib/auth/reset-password";
import { sessionCallbacks } from "@/lib/auth/session-callbacks";
import { endSessions } from "@/lib/auth/session-version";
import { createUser, type TestUser } from "../support/factories";
import { testDatabase } from "../support/test-database";

const PASSWORD = "correct horse battery";

/** Signs `user` in as Auth.js does: the jwt callback makes the token, the session callback reads it. */
async function signIn(user: TestUser): Promise<Session> {
  const token = (await sessionCallbacks.jwt({
    token: {} as JWT,
    user: { id: user.id },
  } as Parameters<typeof sessionCallbacks.jwt>[0])) as JWT;
  return sessionCallbacks.session({
    session: { user: {}, expires: new Date(Date.now() + 86_400_000).toISOString() },
    token,
  } as Parameters<typeof sessionCallbacks.session>[0]) as Session;
}

describe("a session", () => {
  it("is accepted until its user signs out, then never again, on this device or any other", async () => {
    const ada = await createUser({ password: PASSWORD });
    const laptop = await signIn(ada);
    const phone = await signIn(ada);
    expect(await userOfSession(laptop)).toMatchObject({ id: ada.id, email: ada.email });
    expect(await userOfSession(phone)).toMatchObject({ id: ada.id });

    await endSessions(ada.actor);
    expect(await userOfSession(laptop)).toBeNull();
    expect(await userOfSession(phone)).toBeNull();
    // Signing in again gives a session that works.
    expect(await userOfSession(await signIn(ada))).toMatchObject({ id: ada.id });
  });

  it("ends when the password is changed; one made with the new password works", async () => {
    const ada = await createUser({ password: PASSWORD });
    const before = await signIn(ada);
    await changePassword(ada.actor, { currentPassword: PASSWORD, newPassword: "a new password" });
    expect(await userOfSession(before)).toBeNull();
    expect(await userOfSession(await signIn(ada))).toMatchObject({ id: ada.id });
  });

  it("ends when the password is reset with an emailed link", async () => {
    const ada = await createUser({ password: PASSWORD });
    const before = await signIn(ada);
    const token = await createPasswordResetToken(testDatabase().prisma, ada.id);
    await resetPassword({ token, password: "a new password" });
    expect(await userOfSession(before)).toBeNull();
  });

  it("ends when the account is removed", async () => {
    const ada = await createUser();
    const session = await signIn(ada);
    await testDatabase().prisma.user.delete({ where: { id: ada.id } });
    expect(await userOfSession(session)).toBeNull();
  });

  it("of one user is not ended by another's signing out", async () => {
    const ada = await createUser();
    const bob = await createUser();
    const adas = await signIn(ada);
    await endSessions(bob.actor);
    await endSessions(null);
    expect(await userOfSession(adas)).toMatchObject({ id: ada.id });
  });

  it("made before session versions existed (no version in the cookie) is not accepted", async () => {
    const ada = await createUser();
    const { sessionVersion: _version, ...old } = await signIn(ada);
    expect(await userOfSession(old as Session)).toBeNull();
  });
});
