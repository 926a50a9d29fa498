import { getCurrentUser } from "@/lib/auth/get-current-user";
import { findGroups } from "@/lib/groups/find-groups";
import { handleRoute } from "@/lib/http/error-response";

import { PRIVATE_NO_STORE as PRIVATE } from "@/lib/http/private-headers";

/**
 * Who is signed in, for the account menu of the (cached, shared) pages: `{ user: null }`, or the
 * user's name, their groups with their role in each, and the current group. Never cached.
 */
export function GET(): Promise<Response> {
  return handleRoute(async () => {
    const user = await getCurrentUser();
    if (!user) return Response.json({ user: null }, { headers: PRIVATE });
    const groups = await findGroups({ userId: user.id });
    return Response.json(
      {
        user: { name: user.name },
        groups: groups.map(({ id, name, role }) => ({ id, name, role })),
        currentGroupId: user.currentGroupId,
      },
      { headers: PRIVATE },
    );
  });
}
