import { describe, expect, it } from "vitest";
import { isLastInstructor } from "@/lib/groups/is-last-instructor";

const member = (userId: string, role: "INSTRUCTOR" | "TEACHING_ASSISTANT" | "STUDENT") => ({ userId, role });

describe("isLastInstructor", () => {
  it("is true of the sole instructor, whose role change would be refused", () => {
    const members = [
      member("ada", "INSTRUCTOR"),
      member("bob", "STUDENT"),
      member("cy", "TEACHING_ASSISTANT"),
    ];
    expect(isLastInstructor(members, "ada")).toBe(true);
  });

  it("is false for anyone else, and for an instructor beside another", () => {
    const alone = [member("ada", "INSTRUCTOR"), member("bob", "STUDENT")];
    expect(isLastInstructor(alone, "bob")).toBe(false);
    const two = [member("ada", "INSTRUCTOR"), member("dan", "INSTRUCTOR")];
    expect(isLastInstructor(two, "ada")).toBe(false);
    expect(isLastInstructor(two, "dan")).toBe(false);
  });

  it("is false for someone not in the list", () => {
    expect(isLastInstructor([member("ada", "INSTRUCTOR")], "zed")).toBe(false);
  });
});
