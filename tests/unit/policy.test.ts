import { describe, expect, it } from "vitest";
import {
  annotationMarkPermissions,
  annotationPermissions,
  assignmentWhere,
  canInGroup,
  canOnAssignments,
  groupWhere,
  invitableRoles,
  mayHideWorkOf,
  narrowerAudience,
  type GroupAction,
} from "@/lib/auth/policy";

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
  "annotation.markHelpful": "ITS",
  "annotation.feature": "IT",
  "group.export": "IT",
  "source.create": "IT",
  "source.revise": "IT",
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

  it.each([
    ["INSTRUCTOR", true, true],
    ["TEACHING_ASSISTANT", true, true],
    ["STUDENT", true, false],
    [null, false, false],
  ] as const)("%s reads assignments: %s, manages them: %s", (role, read, manage) => {
    expect(canOnAssignments(role, "assignment.read")).toBe(read);
    expect(canOnAssignments(role, "assignment.manage")).toBe(manage);
  });

  it("gives an anonymous caller a where clause that matches no assignment", () => {
    expect(assignmentWhere(null, "assignment.read")).toEqual({ id: { in: [] } });
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

  it.each([
    ["INSTRUCTOR", "INSTRUCTOR", true],
    ["INSTRUCTOR", "TEACHING_ASSISTANT", true],
    ["INSTRUCTOR", "STUDENT", true],
    ["INSTRUCTOR", null, true],
    ["TEACHING_ASSISTANT", "INSTRUCTOR", false],
    ["TEACHING_ASSISTANT", "TEACHING_ASSISTANT", true],
    ["TEACHING_ASSISTANT", "STUDENT", true],
    ["TEACHING_ASSISTANT", null, true],
    ["STUDENT", "STUDENT", false],
    [null, "STUDENT", false],
  ] as const)("a moderator who is %s may hide the work of a %s: %s", (moderator, author, allowed) => {
    expect(mayHideWorkOf(moderator, author)).toBe(allowed);
  });

  it("takes the narrower of two audiences", () => {
    expect(narrowerAudience("GROUP", "INSTRUCTORS")).toBe("INSTRUCTORS");
    expect(narrowerAudience("INSTRUCTORS", "PRIVATE")).toBe("PRIVATE");
    expect(narrowerAudience("GROUP", "GROUP")).toBe("GROUP");
  });

  it("lets nobody write in a group they are not a member of, not even on their own work", () => {
    const note = {
      authorId: "u1",
      authorRole: null,
      groupId: "g1",
      visibility: "GROUP" as const,
      deleted: false,
    };
    expect(annotationPermissions({ userId: "u1" }, null, note)).toEqual({
      edit: false,
      delete: false,
      reply: false,
      moderate: false,
    });
    expect(annotationPermissions({ userId: "u1" }, "STUDENT", note)).toEqual({
      edit: true,
      delete: true,
      reply: true,
      moderate: false,
    });
    expect(annotationPermissions({ userId: "u1" }, "STUDENT", { ...note, withheld: true }).reply).toBe(false);
  });
});

describe("helpful marks and highlights", () => {
  const note = {
    authorId: "author",
    groupId: "g1",
    parentId: null,
    visibility: "GROUP" as const,
    deleted: false,
  };
  const reader = { userId: "reader" };

  it.each([
    ["STUDENT", true, false],
    ["TEACHING_ASSISTANT", true, true],
    ["INSTRUCTOR", true, true],
    [null, false, false],
  ] as const)("a reader with role %s may mark: %s, highlight: %s", (role, mark, feature) => {
    expect(annotationMarkPermissions(reader, role, note)).toEqual({ markHelpful: mark, feature });
  });

  it("never lets anyone mark their own note, though staff may highlight it", () => {
    expect(annotationMarkPermissions({ userId: "author" }, "INSTRUCTOR", note)).toEqual({
      markHelpful: false,
      feature: true,
    });
  });

  it.each([
    ["a reply", { parentId: "root" }],
    ["a tombstone", { deleted: true }],
    ["a withheld thread", { withheld: true }],
    ["a private note", { visibility: "PRIVATE" as const }],
    ["a personal note", { groupId: null }],
  ])("allows nothing on %s", (_what, change) => {
    expect(annotationMarkPermissions(reader, "INSTRUCTOR", { ...note, ...change })).toEqual({
      markHelpful: false,
      feature: false,
    });
  });

  it("allows an anonymous caller nothing", () => {
    expect(annotationMarkPermissions(null, "INSTRUCTOR", note)).toEqual({
      markHelpful: false,
      feature: false,
    });
  });
});
