import "server-only";
import { loadMemberships, roleIn } from "@/lib/annotations/access";
import { canInGroup, protocolContainerWhere, type MembershipRole } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";

/** A container, as its endpoints address it, and the address links are written on. */
export interface ContainerAddress {
  groupId: string;
  slug: string;
  /** The container's IRI (lib/protocol/protocol-iris.ts). */
  iri: string;
  readerOrigin: string | undefined;
}

/**
 * The caller's memberships and the `where` clause of the container's annotations they read, once
 * the group is one they belong to and the source exists; NOT_FOUND otherwise (a group of others is
 * not revealed).
 */
export async function openContainer(actor: { userId: string }, address: ContainerAddress) {
  const memberships: MembershipRole[] = await loadMemberships(db, actor);
  if (!canInGroup(roleIn(memberships, address.groupId), "group.read"))
    throw new NotFoundError("groupNotFound");
  const [group, source] = await Promise.all([
    db.group.findUnique({ where: { id: address.groupId }, select: { name: true } }),
    db.source.findUnique({ where: { slug: address.slug }, select: { id: true, titleEn: true } }),
  ]);
  if (!group) throw new NotFoundError("groupNotFound");
  if (!source) throw new NotFoundError("sourceNotFound");
  return {
    memberships,
    /** Who reads the container: authors are named as they are shown to them (anonymous to peers). */
    viewer: { actor, memberships },
    group,
    source,
    where: protocolContainerWhere(actor, memberships, address.groupId, address.slug),
  };
}
