import "server-only";
import { loadMemberships, roleIn } from "@/lib/annotations/access";
import { canInGroup, protocolContainerWhere, sourceReadWhere, type MembershipRole } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";

/** A container, as its endpoints address it, and the address links are written on. */
export interface ContainerAddress {
  /** The group whose container it is; null: the caller's personal notes. */
  groupId: string | null;
  slug: string;
  /** The container's IRI (lib/protocol/protocol-iris.ts). */
  iri: string;
  readerOrigin: string | undefined;
}

/**
 * The caller's memberships and the `where` clause of the container's annotations they read, once
 * the group is one they belong to (a personal container is always the caller's own) and the source
 * is one they may read; NOT_FOUND otherwise (a group of others, or another group's source, is not
 * revealed). `group` is null for a personal container.
 */
export async function openContainer(actor: { userId: string }, address: ContainerAddress) {
  const memberships: MembershipRole[] = await loadMemberships(db, actor);
  const { groupId } = address;
  if (groupId !== null && !canInGroup(roleIn(memberships, groupId), "group.read"))
    throw new NotFoundError("groupNotFound");
  const [group, source] = await Promise.all([
    groupId === null ? null : db.group.findUnique({ where: { id: groupId }, select: { name: true } }),
    db.source.findFirst({
      where: { AND: [{ slug: address.slug }, sourceReadWhere(actor)] },
      select: { id: true, titleEn: true },
    }),
  ]);
  if (groupId !== null && !group) throw new NotFoundError("groupNotFound");
  if (!source) throw new NotFoundError("sourceNotFound");
  return {
    memberships,
    /** Who reads the container: authors are named as they are shown to them (anonymous to peers). */
    viewer: { actor, memberships },
    group,
    source,
    ...containerWhere(protocolContainerWhere(actor, memberships, groupId, source.id)),
  };
}

function containerWhere({ all, threads, replies }: ReturnType<typeof protocolContainerWhere>) {
  return {
    where: all,
    /** How many annotations the container holds: its threads and its replies counted apart, at once. */
    count: async () => {
      const [roots, answers] = await Promise.all([
        db.annotation.count({ where: threads }),
        db.annotation.count({ where: replies }),
      ]);
      return roots + answers;
    },
  };
}
