/**
 * Small factories for integration tests: each makes rows with unique random keys, so tests in one
 * database never collide and need no cleanup. They write through Prisma directly (setup speed); the
 * services under test are called by the tests themselves.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import { generateJoinCode } from "@/lib/groups/join-code";
import { newInviteToken } from "@/lib/groups/invite-token";
import { isAppError, type ErrorCode } from "@/lib/http/errors";
import { testDatabase } from "./test-database";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A short random key for names, emails and addresses. */
export function uniqueKey(): string {
  return randomBytes(6).toString("hex");
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
  /** The plain password, if the user has one. */
  password: string | null;
  actor: { userId: string };
}

/** A user; with a password only when one is given (hashing costs ~25 ms). */
export async function createUser(
  options: { name?: string; email?: string; password?: string; locale?: "pl" | "en" } = {},
): Promise<TestUser> {
  const key = uniqueKey();
  const name = options.name ?? `User ${key}`;
  const email = options.email ?? `user-${key}@example.test`;
  const password = options.password ?? null;
  const user = await testDatabase().prisma.user.create({
    data: {
      name,
      email,
      locale: options.locale ?? "pl",
      passwordHash: password === null ? null : await hashPassword(password),
    },
    select: { id: true },
  });
  return { id: user.id, name, email, password, actor: { userId: user.id } };
}

export interface TestGroup {
  id: string;
  name: string;
  joinCode: string;
}

/** A group with these members (none of whom has it as their current group unless `current`). */
export async function createGroupWith(options: {
  instructor: TestUser;
  instructors?: TestUser[];
  tas?: TestUser[];
  students?: TestUser[];
  name?: string;
  joinCode?: string;
  /** Make it the current group of every member. */
  current?: boolean;
}): Promise<TestGroup> {
  const members: [TestUser, GroupRole][] = [
    [options.instructor, "INSTRUCTOR"],
    ...(options.instructors ?? []).map((u): [TestUser, GroupRole] => [u, "INSTRUCTOR"]),
    ...(options.tas ?? []).map((u): [TestUser, GroupRole] => [u, "TEACHING_ASSISTANT"]),
    ...(options.students ?? []).map((u): [TestUser, GroupRole] => [u, "STUDENT"]),
  ];
  const prisma = testDatabase().prisma;
  const name = options.name ?? `Seminar ${uniqueKey()}`;
  const group = await prisma.group.create({
    data: {
      name,
      term: "2025/26 winter",
      joinCode: options.joinCode ?? generateJoinCode(),
      memberships: { create: members.map(([user, role]) => ({ userId: user.id, role })) },
    },
    select: { id: true, joinCode: true },
  });
  if (options.current) {
    await prisma.user.updateMany({
      where: { id: { in: members.map(([user]) => user.id) } },
      data: { currentGroupId: group.id },
    });
  }
  return { id: group.id, name, joinCode: group.joinCode };
}

/** A seminar of four: an instructor and students A, B and C, in a group of their own. */
export async function createSeminarOfFour() {
  const [instructor, ...students] = await Promise.all([
    createUser({ name: "Instructor" }),
    createUser({ name: "Student A" }),
    createUser({ name: "Student B" }),
    createUser({ name: "Student C" }),
  ]);
  const group = await createGroupWith({ instructor, students });
  return { instructor, students, group, everyone: [instructor, ...students] };
}

/** An invite link row made directly (for tests of revoking, previews, …); returns its token. */
export async function createInviteRow(options: {
  group: TestGroup;
  createdBy: TestUser;
  role?: GroupRole;
  expiresAt?: Date;
  maxUses?: number | null;
  uses?: number;
  revokedAt?: Date | null;
}): Promise<{ id: string; token: string }> {
  const { token, tokenHash } = newInviteToken();
  const invite = await testDatabase().prisma.invite.create({
    data: {
      groupId: options.group.id,
      createdById: options.createdBy.id,
      tokenHash,
      role: options.role ?? "STUDENT",
      expiresAt: options.expiresAt ?? new Date(Date.now() + 14 * DAY_MS),
      maxUses: options.maxUses ?? null,
      uses: options.uses ?? 0,
      revokedAt: options.revokedAt ?? null,
    },
    select: { id: true },
  });
  return { id: invite.id, token };
}

/** The user's role in the group, or null if they are not a member. */
export async function roleIn(group: TestGroup, user: TestUser): Promise<GroupRole | null> {
  const membership = await testDatabase().prisma.membership.findUnique({
    where: { groupId_userId: { groupId: group.id, userId: user.id } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

/** The user's current group id. */
export async function currentGroupOf(user: TestUser): Promise<string | null> {
  const row = await testDatabase().prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { currentGroupId: true },
  });
  return row.currentGroupId;
}

/** What a call ended with: "ok" and its value, or the AppError code it was refused with. */
export async function outcome<T>(
  call: () => Promise<T>,
): Promise<{ outcome: "ok"; value: T } | { outcome: ErrorCode; message: string }> {
  try {
    return { outcome: "ok", value: await call() };
  } catch (error) {
    if (isAppError(error)) return { outcome: error.code, message: error.message };
    throw error;
  }
}

/** An outcome as a person reads it: "ok", or the code and reason ("CONFLICT lastInstructor"). */
export function label(result: { outcome: string; message?: string }): string {
  return result.outcome === "ok" ? "ok" : `${result.outcome} ${result.message}`;
}
