import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getGroup, type GroupDetail } from "@/lib/groups/get-group";
import { isAppError } from "@/lib/http/errors";

/**
 * `getGroup` for pages: null for a group that does not exist or that the user is not a member of
 * (the page then calls notFound(), which renders the localized 404).
 */
export async function loadGroup(actor: Actor, groupId: string): Promise<GroupDetail | null> {
  try {
    return await getGroup(actor, groupId);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return null;
    throw error;
  }
}
