import { getCurrentUser } from "@/lib/auth/get-current-user";
import { findGroups } from "@/lib/groups/find-groups";
import { route } from "@/lib/http/route";

/**
 * Who is signed in, for the account menu of the (cached, shared) pages: `{ user: null }`, or the
 * user's name, their groups with their role in each, and the current group. Never cached.
 */
export const GET = route({}, async () => {
  const user = await getCurrentUser();
  if (!user) return { user: null };
  const groups = await findGroups({ userId: user.id });
  return {
    user: { name: user.name },
    groups: groups.map(({ id, name, role }) => ({ id, name, role })),
    currentGroupId: user.currentGroupId,
  };
});
