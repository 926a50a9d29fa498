import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { parseInput } from "@/lib/http/parse-input";
import { generateJoinCode } from "./join-code.ts";
import { requireActor } from "./require-group-permission.ts";
import { GroupInputSchema } from "./schema.ts";

/** Attempts at a fresh join code before giving up (a clash among 27 billion codes is rare). */
const JOIN_CODE_ATTEMPTS = 5;

/**
 * Creates a group with the actor as its first instructor. It becomes their current group only if they
 * had none (or had left it): a second group does not silently move the reader's notes away from the
 * seminar they work in. Returns the new group's id and whether it is now the current one, so the
 * page can say which.
 */
export async function createGroup(actor: Actor, input: unknown): Promise<{ id: string; current: boolean }> {
  const { userId } = requireActor(actor);
  const data = parseInput(GroupInputSchema, input);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const group = await tx.group.create({
          data: {
            ...data,
            joinCode: generateJoinCode(),
            memberships: { create: { userId, role: "INSTRUCTOR" } },
          },
          select: { id: true },
        });
        const user = await tx.user.findUniqueOrThrow({
          where: { id: userId },
          select: {
            currentGroupId: true,
            currentGroup: { select: { memberships: { where: { userId }, select: { id: true } } } },
          },
        });
        const hasCurrent = user.currentGroupId !== null && (user.currentGroup?.memberships.length ?? 0) > 0;
        if (hasCurrent) return { id: group.id, current: false };
        await tx.user.update({ where: { id: userId }, data: { currentGroupId: group.id } });
        return { id: group.id, current: true };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= JOIN_CODE_ATTEMPTS) throw error;
    }
  }
}
