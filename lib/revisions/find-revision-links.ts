import "server-only";
import { canInGroup, sourceReadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/http/errors";
import { requireRevisePermission } from "./get-revisable-source.ts";

/**
 * What the reader of `slug` offers `actor` about revisions: whether they may revise its text
 * (requireRevisePermission; the source's text is not read), and the group whose review list they may open for it ("source.revise" in the
 * source's own group, or for a public source in their current group), if any.
 */
export async function findRevisionLinks(
  actor: Actor,
  slug: string,
  currentGroupId: string | null,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<{ revise: boolean; reviewGroupId: string | null }> {
  if (!actor) return { revise: false, reviewGroupId: null };
  const source = await db.source.findFirst({
    where: { slug, ...sourceReadWhere(actor) },
    select: { groupId: true },
  });
  if (!source) return { revise: false, reviewGroupId: null };
  const revise = await requireRevisePermission(actor, source.groupId, adminEmails).then(
    () => true,
    (error: unknown) => {
      if (isAppError(error, "FORBIDDEN") || isAppError(error, "NOT_FOUND")) return false;
      throw error;
    },
  );
  const groupId = source.groupId ?? currentGroupId;
  if (!groupId) return { revise, reviewGroupId: null };
  const membership = await db.membership.findUnique({
    where: { groupId_userId: { groupId, userId: actor.userId } },
    select: { role: true },
  });
  return { revise, reviewGroupId: canInGroup(membership?.role, "source.revise") ? groupId : null };
}
