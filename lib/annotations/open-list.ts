import "server-only";
import { sourceReadWhere, type Actor, type MembershipRole } from "@/lib/auth/policy";
import { dbReads as db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { requireGroupPermission } from "@/lib/groups/require-group-permission";
import { loadMemberships } from "./access.ts";
import { withEditionContent } from "./edition-content.ts";
import type { PassageRange } from "./place-in-edition.ts";
import type { ListedGroupView } from "./types.ts";

/** What every list of a source starts from: the source, the edition shown, and whose annotations. */
export interface ListScope {
  source: { id: string; slug: string };
  edition: { id: string; number: number; text: string; passages: PassageRange[] };
  memberships: MembershipRole[];
  /**
   * The listed group's annotations, the actor's personal notes, and the actor's own work in groups
   * they have left (read-only for them; replies live in the same scope).
   */
  scope: Prisma.AnnotationWhereInput;
  group: ListedGroupView | null;
}

/**
 * The source with its latest edition, the group to list (`group`: an id; "none": no group;
 * undefined: the actor's current group) and the actor's memberships. Anonymous: UNAUTHENTICATED. A
 * group the actor is not in, or a group's own source they may not read: NOT_FOUND.
 */
export async function openList(actor: Actor, slug: string, group: string | undefined): Promise<ListScope> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const [source, groupRow, memberships] = await Promise.all([
    db.source.findUnique({
      where: { slug, ...sourceReadWhere(actor) },
      select: {
        id: true,
        slug: true,
        editions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { id: true, number: true },
        },
      },
    }),
    listedGroup(actor, group),
    loadMemberships(db, actor),
  ]);
  // Its text and passages as this instance keeps them (read once per edition: editionContent).
  const edition = await withEditionContent(db, source?.editions[0]);
  if (!source || !edition) throw new NotFoundError("sourceNotFound");
  const role = memberships.find((m) => m.groupId === groupRow?.id)?.role;
  const own: Prisma.AnnotationWhereInput[] = [
    { groupId: null, authorId: actor.userId },
    { groupId: { not: null, notIn: memberships.map((m) => m.groupId) }, authorId: actor.userId },
  ];
  return {
    source: { id: source.id, slug: source.slug },
    edition,
    memberships,
    scope: { OR: groupRow ? [{ groupId: groupRow.id }, ...own] : own },
    group: groupRow && role ? { id: groupRow.id, name: groupRow.name, role } : null,
  };
}

/**
 * The group to list: the one asked for (checked), none, or the actor's current group if they are
 * still a member (one statement: it is asked for on every index request and live connection).
 */
async function listedGroup(
  actor: { userId: string },
  group: string | undefined,
): Promise<{ id: string; name: string } | null> {
  if (group === "none") return null;
  const select = { id: true, name: true } as const;
  if (group !== undefined) {
    await requireGroupPermission(db, actor, group, "group.read");
    return db.group.findUnique({ where: { id: group }, select });
  }
  return db.group.findFirst({
    where: {
      currentFor: { some: { id: actor.userId } },
      memberships: { some: { userId: actor.userId } },
    },
    select,
  });
}
