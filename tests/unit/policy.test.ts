import { describe, expect, it } from "vitest";
import { canInGroup, groupWhere, invitableRoles, type GroupAction } from "@/lib/auth/policy";

type Role = "INSTRUCTOR" | "TEACHING_ASSISTANT" | "STUDENT" | null;
const ROLES: Role[] = ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT", null];

/** Who may do what, written out: I = instructor, T = teaching assistant, S = student. */
const EXPECTED: Record<GroupAction, string> = {
  "group.read": "ITS",
  "group.update": "I",
  "group.invite": "IT",
  "group.manageInvites": "I",
  "group.changeRole": "I",
  "group.removeMember": "I",
  "group.leave": "ITS",
  "annotation.create": "ITS",
  "annotation.moderate": "IT",
  "assignment.manage": "IT",
  "group.export": "I",
};
const LETTER = { INSTRUCTOR: "I", TEACHING_ASSISTANT: "T", STUDENT: "S" } as const;

describe("the policy", () => {
  const cells = Object.entries(EXPECTED).flatMap(([action, allowed]) =>
    ROLES.map((role) => ({
      action: action as GroupAction,
      role,
      allowed: role !== null && allowed.includes(LETTER[role]),
    })),
  );

  it.each(cells)("$role may $action: $allowed", ({ action, role, allowed }) => {
    expect(canInGroup(role, action)).toBe(allowed);
  });

  it("lets instructors invite into any role and teaching assistants only students", () => {
    expect(invitableRoles("INSTRUCTOR")).toEqual(["STUDENT", "TEACHING_ASSISTANT", "INSTRUCTOR"]);
    expect(invitableRoles("TEACHING_ASSISTANT")).toEqual(["STUDENT"]);
    expect(invitableRoles("STUDENT")).toEqual([]);
    expect(invitableRoles(null)).toEqual([]);
  });

  it("gives an anonymous caller a where clause that matches no group", () => {
    expect(groupWhere(null, "group.read")).toEqual({ id: { in: [] } });
  });

  it("limits groups to the caller's memberships with an allowed role", () => {
    expect(groupWhere({ userId: "u1" }, "group.update")).toEqual({
      memberships: { some: { userId: "u1", role: { in: ["INSTRUCTOR"] } } },
    });
  });
});
