import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";

/**
 * Who may do what: the one place that decides. Every page, server action and route handler asks it,
 * and services put `groupWhere(...)` / `membershipWhere(...)` into their queries, so a row the caller
 * may not touch is never read in the first place.
 *
 * Actions on a group, and the roles allowed each. Anonymous callers may do none of them.
 */
export const GROUP_ACTIONS = {
  /** See the group: its name, members and roles. */
  "group.read": ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"],
  /** Rename it, change its description or term. */
  "group.update": ["INSTRUCTOR"],
  /** See and make invite links and the join code; invite students. */
  "group.invite": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  /** Invite someone straight into a staff role, revoke links, make a new join code. */
  "group.manageInvites": ["INSTRUCTOR"],
  "group.changeRole": ["INSTRUCTOR"],
  "group.removeMember": ["INSTRUCTOR"],
  "group.leave": ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"],
  /** Later features, decided here too. */
  "annotation.create": ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"],
  "annotation.moderate": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  "assignment.manage": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  "group.export": ["INSTRUCTOR"],
} as const satisfies Record<string, readonly GroupRole[]>;

export type GroupAction = keyof typeof GROUP_ACTIONS;

/** The caller: a signed-in user's id, or null for an anonymous reader. */
export type Actor = { userId: string } | null;

/** Whether a member with `role` (null: not a member) may perform `action` on the group. */
export function canInGroup(role: GroupRole | null | undefined, action: GroupAction): boolean {
  return role != null && (GROUP_ACTIONS[action] as readonly GroupRole[]).includes(role);
}

/** Roles an inviter with `role` may hand out: instructors any, teaching assistants students only. */
export function invitableRoles(role: GroupRole | null | undefined): GroupRole[] {
  if (canInGroup(role, "group.manageInvites")) return ["STUDENT", "TEACHING_ASSISTANT", "INSTRUCTOR"];
  if (canInGroup(role, "group.invite")) return ["STUDENT"];
  return [];
}

/**
 * The `where` clause that limits groups to those in which `actor` may perform `action`:
 * `{ id, ...groupWhere(actor, "group.read") }` finds the group only for its members. An anonymous
 * actor matches nothing.
 */
export function groupWhere(actor: Actor, action: GroupAction) {
  if (!actor) return { id: { in: [] as string[] } };
  return {
    memberships: { some: { userId: actor.userId, role: { in: [...GROUP_ACTIONS[action]] } } },
  };
}
