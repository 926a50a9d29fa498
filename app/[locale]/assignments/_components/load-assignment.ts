import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getAssignment, type AssignmentDetail } from "@/lib/assignments/get-assignment";
import { isAppError } from "@/lib/http/errors";

/** `getAssignment` for pages: null for one that does not exist or that the user may not read. */
export async function loadAssignment(actor: Actor, assignmentId: string): Promise<AssignmentDetail | null> {
  try {
    return await getAssignment(actor, assignmentId);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return null;
    throw error;
  }
}
