/**
 * Groups and invitations as an instructor and their students meet them: making a group, invite links
 * and join codes, and the rule that a group always keeps an instructor.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { acceptInvite } from "@/lib/groups/accept-invite";
import { changeRole } from "@/lib/groups/change-role";
import { createGroup } from "@/lib/groups/create-group";
import { createInvite } from "@/lib/groups/create-invite";
import { findInvites } from "@/lib/groups/find-invites";
import { getGroup } from "@/lib/groups/get-group";
import { getInvitePreview } from "@/lib/groups/get-invite-preview";
import { joinByCode } from "@/lib/groups/join-by-code";
import { regenerateJoinCode } from "@/lib/groups/regenerate-join-code";
import { removeMember } from "@/lib/groups/remove-member";
import { revokeInvite } from "@/lib/groups/revoke-invite";
import {
  createGroupWith,
  createInviteRow,
  createUser,
  currentGroupOf,
  label,
  outcome,
  roleIn,
  type TestGroup,
  uniqueKey,
} from "../support/factories";
import { testDatabase } from "../support/test-database";

const DAY_MS = 24 * 60 * 60 * 1000;
const prisma = () => testDatabase().prisma;
/** A distinct client address for each call, so no rate limit is shared between tests. */
const address = () => `198.51.100.${uniqueKey()}`;
const usesOf = async (id: string) => (await prisma().invite.findUniqueOrThrow({ where: { id } })).uses;
const instructorsOf = (group: TestGroup) =>
  prisma().membership.count({ where: { groupId: group.id, role: "INSTRUCTOR" } });

/**
 * Races run this many times at once, each on its own group: two calls alone do not always overlap,
 * four pairs together do.
 */
const RACES = 4;
const inParallel = <T>(run: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: RACES }, (_, i) => run(i)));
const twoInstructors = async () => {
  const [ada, dan] = [await createUser(), await createUser()];
  return { ada, dan, group: await createGroupWith({ instructor: ada, instructors: [dan] }) };
};

describe("creating a group", () => {
  it("makes the creator its instructor and, as their first group, their current one", async () => {
    const ada = await createUser();
    const { id } = await createGroup(ada.actor, { name: "  Pakt 1939 ", term: "2025/26 winter" });

    const group = await getGroup(ada.actor, id);
    expect(group).toMatchObject({ name: "Pakt 1939", term: "2025/26 winter", myRole: "INSTRUCTOR" });
    expect(group.members).toEqual([expect.objectContaining({ userId: ada.id, role: "INSTRUCTOR" })]);
    expect(await currentGroupOf(ada)).toBe(id);
    const { joinCode } = await findInvites(ada.actor, id);
    expect(joinCode).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{4}$/);
  });

  it("does not silently switch a creator who already works in a group, and says so", async () => {
    const ada = await createUser();
    const first = await createGroup(ada.actor, { name: "Seminarium 1939" });
    expect(first.current).toBe(true);

    const second = await createGroup(ada.actor, { name: "Proseminarium" });
    expect(second.current).toBe(false);
    expect(await currentGroupOf(ada)).toBe(first.id);
  });

  it("switches a creator whose current group they have since left", async () => {
    const ada = await createUser();
    const elsewhere = await createGroupWith({ instructor: await createUser(), students: [ada] });
    await prisma().user.update({ where: { id: ada.id }, data: { currentGroupId: elsewhere.id } });
    await prisma().membership.deleteMany({ where: { groupId: elsewhere.id, userId: ada.id } });

    const created = await createGroup(ada.actor, { name: "Nowa grupa" });
    expect(created.current).toBe(true);
    expect(await currentGroupOf(ada)).toBe(created.id);
  });

  it("refuses a group without a name and makes nothing", async () => {
    const ada = await createUser();
    await expect(createGroup(ada.actor, { name: "   " })).rejects.toMatchObject({
      code: "INVALID",
      message: "groupNameRequired",
    });
    expect(await prisma().membership.count({ where: { userId: ada.id } })).toBe(0);
  });
});

describe("invite links", () => {
  it("carry at least 128 random bits, and only their SHA-256 is stored", async () => {
    const ada = await createUser();
    const group = await createGroupWith({ instructor: ada });
    const { id, token } = await createInvite(ada.actor, group.id, { role: "STUDENT" });

    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const rows = await testDatabase().query(`SELECT * FROM "Invite" WHERE id = $1`, [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: createHash("sha256").update(token).digest("hex") });
    expect(JSON.stringify(rows)).not.toContain(token);
    // The instructor's list shows the link but neither its token nor its hash.
    const listed = JSON.stringify(await findInvites(ada.actor, group.id));
    expect(listed).toContain(id);
    expect(listed).not.toContain(token);
    expect(listed).not.toContain((rows[0] as { tokenHash: string }).tokenHash);
  });

  it("let a newcomer join with the link's role, and stop working when they expire", async () => {
    const made = new Date("2031-03-01T10:00:00Z");
    const ada = await createUser();
    const group = await createGroupWith({ instructor: ada });
    const { token, expiresAt } = await createInvite(
      ada.actor,
      group.id,
      { role: "TEACHING_ASSISTANT", expiresInDays: 7 },
      made,
    );
    expect(expiresAt).toEqual(new Date(made.getTime() + 7 * DAY_MS));
    const [early, late] = [await createUser(), await createUser()];

    await expect(acceptInvite(early.actor, token, new Date(expiresAt.getTime() - 1))).resolves.toEqual({
      groupId: group.id,
    });
    expect(await roleIn(group, early)).toBe("TEACHING_ASSISTANT");
    expect(await currentGroupOf(early)).toBe(group.id);

    await expect(acceptInvite(late.actor, token, expiresAt)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "inviteExpired",
    });
    expect(await roleIn(group, late)).toBeNull();
  });

  it("admit as many people as their maximum uses, and no more", async () => {
    const ada = await createUser();
    const group = await createGroupWith({ instructor: ada });
    const { id, token } = await createInvite(ada.actor, group.id, { maxUses: 2 });
    const [first, second, third] = [await createUser(), await createUser(), await createUser()];

    await acceptInvite(first.actor, token);
    await acceptInvite(second.actor, token);
    await expect(acceptInvite(third.actor, token)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "inviteUsedUp",
    });
    expect(await usesOf(id)).toBe(2);
    expect(await roleIn(group, third)).toBeNull();
  });

  it("let exactly one of two people racing for the last use in", async () => {
    const races = await inParallel(async () => {
      const ada = await createUser();
      const group = await createGroupWith({ instructor: ada });
      const invite = await createInviteRow({ group, createdBy: ada, maxUses: 2, uses: 1 });
      return { group, invite, racers: [await createUser(), await createUser()] };
    });

    const results = await inParallel((i) => {
      const { invite, racers } = races[i]!;
      return Promise.all(racers.map((racer) => outcome(() => acceptInvite(racer.actor, invite.token))));
    });
    for (const [i, { group, invite }] of races.entries()) {
      expect(results[i]!.map(label).sort()).toEqual(["CONFLICT inviteUsedUp", "ok"]);
      expect(await usesOf(invite.id)).toBe(2);
      expect(await prisma().membership.count({ where: { groupId: group.id } })).toBe(2);
    }
  });

  it("are refused once revoked, and say so", async () => {
    const ada = await createUser();
    const group = await createGroupWith({ instructor: ada });
    const { id, token } = await createInvite(ada.actor, group.id, {});
    await revokeInvite(ada.actor, group.id, id);
    await expect(revokeInvite(ada.actor, group.id, id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "inviteAlreadyRevoked",
    });

    const bob = await createUser();
    await expect(acceptInvite(bob.actor, token)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "inviteRevoked",
    });
    expect(await roleIn(group, bob)).toBeNull();
    expect((await findInvites(ada.actor, group.id)).invites).toEqual([
      expect.objectContaining({ id, status: "revoked", uses: 0 }),
    ]);
  });

  it.each([
    ["an unknown token", "AAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a malformed token", "not a token!"],
    ["an empty token", ""],
  ])("refuse %s as invalid", async (_case, token) => {
    const bob = await createUser();
    await expect(acceptInvite(bob.actor, token)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "inviteInvalid",
    });
    expect(await prisma().membership.count({ where: { userId: bob.id } })).toBe(0);
  });

  it("spend no use when a member follows one again, and never change a member's role", async () => {
    const ada = await createUser();
    const cy = await createUser();
    const group = await createGroupWith({ instructor: ada, tas: [cy] });
    const { id, token } = await createInvite(ada.actor, group.id, { role: "STUDENT", maxUses: 5 });
    const bob = await createUser();

    await acceptInvite(bob.actor, token);
    await acceptInvite(bob.actor, token);
    await acceptInvite(cy.actor, token);
    await acceptInvite(ada.actor, token);

    expect(await usesOf(id)).toBe(1);
    expect(await roleIn(group, bob)).toBe("STUDENT");
    expect(await roleIn(group, cy)).toBe("TEACHING_ASSISTANT");
    expect(await roleIn(group, ada)).toBe("INSTRUCTOR");
    expect(await currentGroupOf(cy)).toBe(group.id);
  });
});

describe("the invite page's preview", () => {
  it("names the group only while the link works", async () => {
    const now = new Date("2031-05-01T00:00:00Z");
    const ada = await createUser();
    const group = await createGroupWith({ instructor: ada, name: "Seminarium ze źródeł" });
    const link = (o: Omit<Parameters<typeof createInviteRow>[0], "group" | "createdBy">) =>
      createInviteRow({ group, createdBy: ada, expiresAt: new Date(now.getTime() + DAY_MS), ...o });
    const active = await link({ role: "TEACHING_ASSISTANT" });
    const revoked = await link({ revokedAt: now });
    const expired = await link({ expiresAt: now });
    const usedUp = await link({ maxUses: 3, uses: 3 });

    expect(await getInvitePreview(active.token, now)).toEqual({
      status: "active",
      groupName: "Seminarium ze źródeł",
      groupTerm: "2025/26 winter",
      role: "TEACHING_ASSISTANT",
    });
    expect(await getInvitePreview(revoked.token, now)).toEqual({ status: "revoked" });
    expect(await getInvitePreview(expired.token, now)).toEqual({ status: "expired" });
    expect(await getInvitePreview(usedUp.token, now)).toEqual({ status: "usedUp" });
    expect(await getInvitePreview("AAAAAAAAAAAAAAAAAAAAAAAA", now)).toEqual({ status: "invalid" });
    expect(await getInvitePreview("../../etc", now)).toEqual({ status: "invalid" });
  });
});

describe("join codes", () => {
  it("are accepted however they are typed, joining as a student", async () => {
    const ada = await createUser();
    const group = await createGroupWith({ instructor: ada, joinCode: "K7M-4QX9" });
    const bob = await createUser();

    await expect(joinByCode(bob.actor, "k7m 4qx9", address())).resolves.toEqual({ groupId: group.id });
    expect(await roleIn(group, bob)).toBe("STUDENT");
    expect(await currentGroupOf(bob)).toBe(group.id);
    // The instructor typing it keeps their role.
    await joinByCode(ada.actor, " K7M4QX9 ", address());
    expect(await roleIn(group, ada)).toBe("INSTRUCTOR");
  });

  it.each([
    ["K7M-4QX0", "joinCodeInvalid"],
    ["K7M-4QX", "joinCodeInvalid"],
    ["ZZZ-ZZZZ", "joinCodeUnknown"],
  ])("refuse %s (%s)", async (code, reason) => {
    const bob = await createUser();
    await expect(joinByCode(bob.actor, code, address())).rejects.toMatchObject({
      code: "INVALID",
      message: reason,
    });
    expect(await prisma().membership.count({ where: { userId: bob.id } })).toBe(0);
  });

  it("stop working once the instructor makes a new one", async () => {
    const ada = await createUser();
    const group = await createGroupWith({ instructor: ada });
    const fresh = await regenerateJoinCode(ada.actor, group.id);
    expect(fresh).not.toBe(group.joinCode);

    const bob = await createUser();
    await expect(joinByCode(bob.actor, group.joinCode, address())).rejects.toMatchObject({
      message: "joinCodeUnknown",
    });
    await expect(joinByCode(bob.actor, fresh, address())).resolves.toEqual({ groupId: group.id });
  });
});

describe("a group always keeps an instructor", () => {
  it("so its only instructor cannot step down, leave or be removed", async () => {
    const ada = await createUser();
    const cy = await createUser();
    const group = await createGroupWith({ instructor: ada, tas: [cy], current: true });

    for (const role of ["TEACHING_ASSISTANT", "STUDENT"]) {
      await expect(changeRole(ada.actor, group.id, ada.id, role)).rejects.toMatchObject({
        code: "CONFLICT",
        message: "lastInstructor",
      });
    }
    await expect(removeMember(ada.actor, group.id, ada.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "lastInstructor",
    });
    await expect(removeMember(cy.actor, group.id, ada.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await roleIn(group, ada)).toBe("INSTRUCTOR");
    expect(await currentGroupOf(ada)).toBe(group.id);
  });

  it("but one of two instructors may step down, and the other then may not", async () => {
    const ada = await createUser();
    const dan = await createUser();
    const group = await createGroupWith({ instructor: ada, instructors: [dan] });

    await changeRole(ada.actor, group.id, ada.id, "TEACHING_ASSISTANT");
    expect(await roleIn(group, ada)).toBe("TEACHING_ASSISTANT");
    await expect(removeMember(dan.actor, group.id, dan.id)).rejects.toMatchObject({
      message: "lastInstructor",
    });
  });

  it("even when two instructors demote each other at the same moment", async () => {
    const races = await inParallel(twoInstructors);

    const results = await inParallel((i) => {
      const { ada, dan, group } = races[i]!;
      return Promise.all([
        outcome(() => changeRole(ada.actor, group.id, dan.id, "STUDENT")),
        outcome(() => changeRole(dan.actor, group.id, ada.id, "STUDENT")),
      ]);
    });
    for (const [i, { group }] of races.entries()) {
      // The loser is refused by the rule, or (if the winner was quite done) by the permission check.
      expect(results[i]!.map(label).sort()).toEqual([
        expect.stringMatching(/^(CONFLICT lastInstructor|FORBIDDEN notAllowed)$/),
        "ok",
      ]);
      expect(await instructorsOf(group)).toBe(1);
    }
  });

  it("even when two instructors leave at the same moment", async () => {
    const races = await inParallel(twoInstructors);

    const results = await inParallel((i) => {
      const { ada, dan, group } = races[i]!;
      return Promise.all([
        outcome(() => removeMember(ada.actor, group.id, ada.id)),
        outcome(() => removeMember(dan.actor, group.id, dan.id)),
      ]);
    });
    for (const [i, { group }] of races.entries()) {
      expect(results[i]!.map(label).sort()).toEqual(["CONFLICT lastInstructor", "ok"]);
      expect(await instructorsOf(group)).toBe(1);
    }
  });
});

describe("removing a member", () => {
  it("takes the group away from them as their current group, and only that group", async () => {
    const ada = await createUser();
    const [bob, eve] = [await createUser(), await createUser()];
    const group = await createGroupWith({ instructor: ada, students: [bob, eve], current: true });
    const elsewhere = await createGroupWith({ instructor: await createUser(), students: [eve] });
    await prisma().user.update({ where: { id: eve.id }, data: { currentGroupId: elsewhere.id } });

    await removeMember(ada.actor, group.id, bob.id);
    await removeMember(ada.actor, group.id, eve.id);

    expect(await roleIn(group, bob)).toBeNull();
    expect(await currentGroupOf(bob)).toBeNull();
    expect(await currentGroupOf(eve)).toBe(elsewhere.id);
    expect(await currentGroupOf(ada)).toBe(group.id);
    await expect(getGroup(bob.actor, group.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("who leaves on their own loses it as current group too", async () => {
    const ada = await createUser();
    const bob = await createUser();
    const group = await createGroupWith({ instructor: ada, students: [bob], current: true });

    await removeMember(bob.actor, group.id, bob.id);
    expect(await currentGroupOf(bob)).toBeNull();
    await expect(removeMember(ada.actor, group.id, bob.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "memberNotFound",
    });
    // They may come back with the join code, as a student.
    await joinByCode(bob.actor, group.joinCode, address());
    expect(await roleIn(group, bob)).toBe("STUDENT");
  });
});

describe("ids forged by a client", () => {
  // Server actions receive the group, member and invite ids as bound arguments, which a client can
  // replace with anything: each must be answered "not found", never with a database error.
  const forged: unknown[] = ["", "x".repeat(65), "../etc", "a b", 42, { not: "an id" }, null];

  it.each(forged)("name no group, member or invite: %j", async (bad) => {
    const ada = await createUser();
    const group = await createGroupWith({ instructor: ada });
    const forge = bad as string;
    expect(await outcome(() => getGroup(ada.actor, forge))).toEqual({
      outcome: "NOT_FOUND",
      message: "groupNotFound",
    });
    expect(await outcome(() => regenerateJoinCode(ada.actor, forge))).toMatchObject({ outcome: "NOT_FOUND" });
    expect(await outcome(() => changeRole(ada.actor, group.id, forge, "STUDENT"))).toEqual({
      outcome: "NOT_FOUND",
      message: "memberNotFound",
    });
    expect(await outcome(() => removeMember(ada.actor, group.id, forge))).toMatchObject({
      outcome: "NOT_FOUND",
    });
    expect(await outcome(() => revokeInvite(ada.actor, group.id, forge))).toEqual({
      outcome: "NOT_FOUND",
      message: "inviteNotFound",
    });
    expect(await outcome(() => joinByCode(ada.actor, forge, address()))).toMatchObject({
      outcome: "INVALID",
    });
    expect(await roleIn(group, ada)).toBe("INSTRUCTOR");
  });
});
