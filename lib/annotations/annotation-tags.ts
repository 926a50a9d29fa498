import "server-only";
import { createHash } from "node:crypto";
import { annotationReadWhere, readingTier, replyReadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { partState } from "./index/part.ts";
import { sharedState, type SharedPartScope } from "./index/shared-part.ts";
import { openList, type ListScope } from "./open-list.ts";

/**
 * A tag that changes whenever the list the actor would get may change: any annotation or reply they
 * may read added, changed (edits, hiding) or removed, a new edition, or the actor's role — and with
 * nothing they may not read. A few aggregate queries, so a reader polling for others' work is
 * answered "304 Not Modified" cheaply. It is a hash of counts and times of what they read.
 */
export async function annotationListTag(
  actor: Actor,
  slug: string,
  group?: string,
  representation: "list" | "index" = "list",
): Promise<string> {
  return tagOf(await openList(actor, slug, group), actor!.userId, representation);
}

export async function tagOf(
  list: ListScope,
  userId: string,
  representation: "list" | "index",
): Promise<string> {
  return (await stateOf(list, userId, representation)).tag;
}

/** What a list or index is made from: its tag, and for the index, the states of what it is read from. */
export interface IndexState {
  tag: string;
  /** Where the part the reader's tier shares is read and its state (sharedState); null without a group. */
  shared: { scope: SharedPartScope; state: string } | null;
  /** The state of the replies the reader reads: in the index's version, though not in the index. */
  replies: string;
}

export async function stateOf(
  list: ListScope,
  userId: string,
  representation: "list" | "index",
): Promise<IndexState> {
  // Counted over what the reader may read only: another reader's private note, or a hidden one a
  // student does not see, leaves the tag as it was, so not even the timing of a change they may not
  // see reaches them (and their poll stays a 304). Small aggregates: the group's part the reader's
  // tier shares (the state of that part), and for the list every thread root and reply the reader
  // reads; for the index the reader's own part and the replies they read, so that its version can
  // be made again from the parts as read (indexOf).
  const actor = { userId };
  const tier = readingTier(list.group?.role);
  const sharedScope: SharedPartScope | null =
    list.group && tier ? { source: list.source, edition: list.edition, groupId: list.group.id, tier } : null;
  const readable = (where: Prisma.AnnotationWhereInput) =>
    db.annotation
      .aggregate({
        where: { sourceId: list.source.id, AND: [list.scope, where] },
        _count: { _all: true },
        _max: { updatedAt: true },
      })
      .then((stats) => `${stats._count._all}|${stats._max.updatedAt?.getTime() ?? 0}`);
  const replies = { parentId: { not: null }, AND: [replyReadWhere(actor, list.memberships)] };
  const [shared, ...states] = await Promise.all([
    sharedScope ? sharedState(sharedScope) : "",
    ...(representation === "list"
      ? [
          readable({
            OR: [{ parentId: null, AND: [annotationReadWhere(actor, list.memberships)] }, replies],
          }),
        ]
      : [partState(list.source, ownWhere(list, userId)), readable(replies)]),
  ]);
  return {
    tag: tagFrom(list, userId, representation, [shared, ...states]),
    shared: sharedScope ? { scope: sharedScope, state: shared } : null,
    replies: states[1] ?? "",
  };
}

/** The tag of `representation` for the reader, made from the states of what it is read from. */
export function tagFrom(
  list: ListScope,
  userId: string,
  representation: "list" | "index",
  states: readonly (string | number)[],
): string {
  const state = [
    representation,
    userId,
    list.group?.id ?? "",
    list.group?.role ?? "",
    list.edition.number,
    ...states,
  ].join("|");
  return `"${createHash("sha256").update(state).digest("base64url").slice(0, 27)}"`;
}

/** The reader's own annotations in scope: their part of the index. */
export function ownWhere(list: ListScope, userId: string): Prisma.AnnotationWhereInput {
  return { authorId: userId, AND: [list.scope] };
}
