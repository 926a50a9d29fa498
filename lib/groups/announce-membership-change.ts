import "server-only";
import { db } from "@/lib/db";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";

/**
 * After a member's place in a group changed (removed, or given another role), once it is committed:
 * what they read and may do on every source the group annotated changes with it, though no
 * annotation did, so each of those sources is announced as changed in the group. Their open readers
 * hear of it at once and fetch their index again (whose version names their role); other members'
 * readers look and find nothing new.
 */
export async function announceMembershipChange(groupId: string): Promise<void> {
  const sources = await db.annotation.findMany({
    where: { groupId },
    distinct: ["sourceId"],
    select: { sourceId: true },
  });
  await Promise.all(
    sources.flatMap(({ sourceId }) => [
      announceAnnotationChange({ sourceId, groupId }),
      // Who reads with whom changed too: a removed member leaves the others' "reading now" at once.
      announceAnnotationChange({ sourceId, groupId, presence: true }),
    ]),
  );
}
