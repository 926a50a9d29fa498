import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import type { Actor } from "./policy.ts";

/*
 * The policy's rules for groups and sources: the actions on a group and the roles allowed each,
 * invites and removals, and which sources a caller reads. Part of the policy module: import it from
 * `@/lib/auth/policy`, which re-exports it.
 */

/**
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
  /** Annotate, reply, and change or delete one's own annotations and replies in the group. */
  "annotation.create": ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"],
  /** Hide and unhide others' annotations and replies (never the work of a higher role). */
  "annotation.moderate": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  /**
   * Mark others' annotations in the group "helpful" (once each, never one's own). Who marked is
   * shown to nobody: readers see only the count, in the annotation's own view.
   */
  "annotation.markHelpful": ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"],
  /** Highlight (feature) an annotation of the group: listed first for everyone who reads it. */
  "annotation.feature": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  /** Export the group's shared notes (JSON-LD, CSV, Markdown): its staff. */
  "group.export": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  /** Add a source to the group's library (seen only by the group's members). */
  "source.create": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  /**
   * Revise the text of one of the group's own sources into a new edition, and review the group's
   * annotations that a revision (of its own or a public source) could not place with confidence.
   */
  "source.revise": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
} as const satisfies Record<string, readonly GroupRole[]>;

export type GroupAction = keyof typeof GROUP_ACTIONS;

/** Whether a member with `role` (null: not a member) may perform `action` on the group. */
export function canInGroup(role: GroupRole | null | undefined, action: GroupAction): boolean {
  return role != null && (GROUP_ACTIONS[action] as readonly GroupRole[]).includes(role);
}

/**
 * Whether an inviter with `role` may revoke an invite link made by someone else: instructors revoke
 * any of the group's links, teaching assistants only their own. As a `where` clause on invites, so a
 * link the caller may not revoke is never read (and is "not found").
 */
export function revocableInviteWhere(actor: { userId: string }, role: GroupRole | null | undefined) {
  if (canInGroup(role, "group.manageInvites")) return {};
  if (canInGroup(role, "group.invite")) return { createdById: actor.userId };
  return { id: { in: [] as string[] } };
}

/**
 * The action that taking `memberUserId` out of a group is: leaving, for oneself (any member), or
 * removing someone (instructors).
 */
export function memberRemovalAction(actor: { userId: string }, memberUserId: string): GroupAction {
  return memberUserId === actor.userId ? "group.leave" : "group.removeMember";
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

/**
 * Which sources an actor reads, as a `where` clause on sources: the public library (`groupId` null)
 * for everyone, and a group's own sources for that group's members only. Put it into every query that
 * reads a source, its editions or passages (`{ slug, ...sourceReadWhere(actor) }`, or
 * `{ source: sourceReadWhere(actor) }` on editions), so a group's source is "not found" for anyone
 * else, on every path.
 */
export function sourceReadWhere(actor: Actor) {
  if (!actor) return { groupId: null };
  return {
    OR: [{ groupId: null }, { group: { memberships: { some: { userId: actor.userId } } } }],
  };
}

/**
 * Whether the name of whoever published an edition is shown with it: for a group's source (read by
 * its members only, who know their staff), not for the public library, which anyone reads, signed in
 * or not; there an edition says only that it was revised.
 */
export function showsEditionPublisher(source: { groupId: string | null }): boolean {
  return source.groupId !== null;
}

/**
 * The sources a group's assignment may name, as a `where` clause: the public library and the group's
 * own sources (every member reads both), never another group's.
 */
export function sourceOfGroupWhere(groupId: string) {
  return { OR: [{ groupId: null }, { groupId }] };
}

/**
 * Whether the user with `email` is a site administrator (ADMIN_EMAILS), who may add sources to the
 * public library. Addresses compare without regard to case.
 */
export function isSiteAdministrator(
  email: string | null | undefined,
  adminEmails: readonly string[],
): boolean {
  return email != null && adminEmails.includes(email.trim().toLowerCase());
}
