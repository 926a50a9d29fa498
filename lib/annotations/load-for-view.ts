import "server-only";
import { replyReadWhere, type Actor, type MembershipRole } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { ANNOTATION_SELECT, cardReader, loadMarked, type AnnotationRow } from "./access.ts";
import { findPlacements } from "./find-placements.ts";
import { withEditionContent } from "./edition-content.ts";
import { placeInEdition } from "./place-in-edition.ts";
import { toAnnotationView, toReplyView } from "./to-view.ts";
import type { AnnotationView, ReplyView } from "./types.ts";

type Client = Pick<
  PrismaClient,
  "annotation" | "annotationMark" | "annotationPlacement" | "edition" | "membership"
>;

/**
 * The view of one annotation after a change: a root with its visible replies, placed in its source's
 * latest edition; or a reply.
 */
export async function viewOf(
  client: Client,
  row: AnnotationRow,
  actor: Actor,
  memberships: readonly MembershipRole[],
): Promise<AnnotationView | ReplyView> {
  if (row.parentId !== null) return toReplyView(row, await cardReader(client, actor, memberships, [row]));
  const [edition, replies] = await Promise.all([
    client.edition.findFirst({
      where: { sourceId: row.sourceId },
      orderBy: { number: "desc" },
      select: { id: true },
    }),
    client.annotation.findMany({
      where: { parentId: row.id, ...replyReadWhere(actor, memberships) },
      select: ANNOTATION_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const stored =
    edition && edition.id !== row.editionId
      ? (await findPlacements(client, edition.id, [row.id])).get(row.id)
      : undefined;
  const content = await withEditionContent(client, edition);
  const anchor = content
    ? placeInEdition(content.text, content.passages, row, stored)
    : ({ status: "orphan" } as const);
  const [reader, marked] = await Promise.all([
    cardReader(client, actor, memberships, [row, ...replies]),
    loadMarked(client, actor, row.helpfulCount > 0 ? [row.id] : []),
  ]);
  return toAnnotationView(row, anchor, replies, { ...reader, marked });
}
