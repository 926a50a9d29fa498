import "server-only";
import { createHash } from "node:crypto";
import {
  annotationReadWhere,
  readingTier,
  replyInOwnThreadReadWhere,
  replyReadWhere,
  type Actor,
} from "@/lib/auth/policy";
import { dbReads as db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { partState } from "./index/part.ts";
import type { SharedPartScope } from "./index/shared-part.ts";
import { tierStates } from "./index/tier-states.ts";
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
  return representation === "list"
    ? listTag(list, userId, await listState(list, userId))
    : (await stateOf(list, userId)).tag;
}

/** How many rows, and when the latest of them last changed (ms since the epoch; 0 for none). */
export interface RowsState {
  count: number;
  latest: number;
}

/** The state of rows as read (each with its `updatedAt`): the same as an aggregate over them gives. */
export function rowsState(rows: readonly { updatedAt: Date }[]): RowsState {
  let latest = 0;
  for (const row of rows) latest = Math.max(latest, row.updatedAt.getTime());
  return { count: rows.length, latest };
}

/**
 * What the reader's list is made from, in two parts read apart: the thread roots they read, and the
 * replies they read (those in the threads they read, and their own in threads withheld from them).
 * The list sends the states of the rows it actually read (list-annotations.ts), so its tag names
 * exactly the rows it came with, whatever committed between this state and them.
 */
export interface ListState {
  roots: RowsState;
  replies: RowsState;
}

/** The thread roots on the source in the list's scope that the reader reads (`annotationReadWhere`). */
export function listRootsWhere(list: ListScope, userId: string): Prisma.AnnotationWhereInput {
  return {
    sourceId: list.source.id,
    parentId: null,
    AND: [list.scope, annotationReadWhere({ userId }, list.memberships)],
  };
}

/**
 * The list's state as two small aggregates (nothing but counts and times is read): what a reader
 * polling is answered 304 with while it holds.
 */
export async function listState(list: ListScope, userId: string): Promise<ListState> {
  const replies: Prisma.AnnotationWhereInput = {
    sourceId: list.source.id,
    parentId: { not: null },
    AND: [list.scope, replyReadWhere({ userId }, list.memberships)],
  };
  const [roots, replyStats] = await Promise.all([
    aggregateState(listRootsWhere(list, userId)),
    aggregateState(replies),
  ]);
  return { roots, replies: replyStats };
}

async function aggregateState(where: Prisma.AnnotationWhereInput): Promise<RowsState> {
  const stats = await db.annotation.aggregate({
    where,
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return { count: stats._count._all, latest: stats._max.updatedAt?.getTime() ?? 0 };
}

/** The list's tag for the reader in `state` (listState, or the states of the rows a list was read from). */
export function listTag(list: ListScope, userId: string, state: ListState): string {
  return tagFrom(list, userId, "list", [stateText(state.roots), stateText(state.replies)]);
}

/** A state as it goes into a tag (as index/part.ts writes a part's). */
function stateText(state: RowsState): string {
  return `${state.count}|${state.latest}`;
}

/** What an index is made from: its tag, and the states of what it is read from. */
export interface IndexState {
  tag: string;
  /** Where the part the reader's tier shares is read and its state (sharedState); null without a group. */
  shared: { scope: SharedPartScope; state: string } | null;
  /** The state of the replies the reader reads: in the index's version, though not in the index. */
  replies: string;
  /** The states only this reader's own work moves. */
  own: OwnStates;
}

/**
 * The states of what only this reader reads of the index's scope: their own part (their threads),
 * their own replies, and the replies they read in their own threads. Only a change by them or in
 * their threads moves these (AnnotationChange.authors); everything else reaches them through
 * their tier's states.
 */
export interface OwnStates {
  own: string;
  ownReplies: string;
  repliesToOwn: string;
}

export async function ownStates(
  list: ListScope,
  userId: string,
  /** The reader's states before changes that only added threads: their replies' states are these. */
  repliesAsIn: OwnStates | null = null,
): Promise<OwnStates> {
  if (repliesAsIn) return { ...repliesAsIn, own: await partState(list.source, ownWhere(list, userId)) };
  const [own, ownReplies, repliesToOwn] = await Promise.all([
    partState(list.source, ownWhere(list, userId)),
    repliesState(list, { authorId: userId }),
    repliesToOwnState(list, userId),
  ]);
  return { own, ownReplies, repliesToOwn };
}

/**
 * The state of the replies the reader reads in their own threads on the source: asked with the
 * policy's rule for a thread's author (replyInOwnThreadReadWhere), so the database joins each reply
 * to its thread once, not three times as the general rule needs.
 */
function repliesToOwnState(list: ListScope, userId: string): Promise<string> {
  return repliesState(list, {
    parent: { authorId: userId },
    AND: [replyInOwnThreadReadWhere({ userId }, list.memberships)],
  });
}

/**
 * The threads on the source holding the reader's replies in the list's scope, found by their own
 * replies (a few rows): where the threads withheld from them are looked for.
 */
export async function threadsRepliedIn(list: ListScope, userId: string): Promise<string[]> {
  const replies = await db.annotation.findMany({
    where: { sourceId: list.source.id, authorId: userId, parentId: { not: null }, AND: [list.scope] },
    select: { parentId: true },
  });
  return [...new Set(replies.flatMap((reply) => reply.parentId ?? []))];
}

function repliesState(list: ListScope, where: Prisma.AnnotationWhereInput): Promise<string> {
  return aggregateState({
    sourceId: list.source.id,
    parentId: { not: null },
    AND: [list.scope, where],
  }).then(stateText);
}

/** Where the part of the index the reader's tier shares is read; null without a group. */
export function sharedScopeOf(list: ListScope): SharedPartScope | null {
  const tier = readingTier(list.group?.role);
  return list.group && tier
    ? { source: list.source, edition: list.edition, groupId: list.group.id, tier }
    : null;
}

/**
 * The index's state for the reader, their own states given (ownStates): with their tier's states
 * (read once for all its members per change: tierStates).
 */
export async function stateWith(list: ListScope, userId: string, own: OwnStates): Promise<IndexState> {
  const sharedScope = sharedScopeOf(list);
  const tierNow = sharedScope ? await tierStates(sharedScope) : null;
  const replies = [tierNow?.replies ?? "", own.ownReplies, own.repliesToOwn].join("/");
  const sharedNow = tierNow?.shared ?? "";
  return {
    tag: tagFrom(list, userId, "index", [sharedNow, own.own, replies]),
    shared: sharedScope ? { scope: sharedScope, state: sharedNow } : null,
    replies,
    own,
  };
}

export async function stateOf(list: ListScope, userId: string): Promise<IndexState> {
  // Counted over what the reader may read only: another reader's private note, or a hidden one a
  // student does not see, leaves the tag as it was, so not even the timing of a change they may not
  // see reaches them (and their poll stays a 304). Small states, so that the index's version can
  // be made again from the parts as read (indexOf): what the reader's tier shares in the group (its
  // part's state and its replies', one row the database keeps, read once for the tier: tierStates),
  // the reader's own part, and
  // the replies only they read there — their own, and others' in their own threads. The replies the
  // reader reads are exactly those three sets (policy.ts: groupSharedReplyWhere), so any reply
  // they may read that is added, changed or gone moves one of the states, and no other reply does.
  const sharedScope = sharedScopeOf(list);
  const [own] = await Promise.all([
    ownStates(list, userId),
    // Read alongside (stateWith then finds them kept).
    sharedScope ? tierStates(sharedScope) : null,
  ]);
  return stateWith(list, userId, own);
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
    revealKey(list),
    ...states,
  ].join("|");
  return `"${createHash("sha256").update(state).digest("base64url").slice(0, 27)}"`;
}

/**
 * What is withheld from the reader on the source (reveal after posting), as it goes into a tag: a
 * tag changes when a reading is unlocked or withheld again, though no row they read moved, so a
 * list or index cached under the old tag is never served for the new state.
 */
function revealKey(list: ListScope): string {
  const member = list.memberships.find((m) => m.groupId === list.group?.id);
  const ranges = (member?.withheld ?? []).filter((range) => range.sourceId === list.source.id);
  // Anonymous to peers likewise: a list or index read with names is never served under pseudonyms.
  const anonymous = (member?.anonymous?.ranges ?? []).filter((range) => range.sourceId === list.source.id);
  return ranges.length === 0 && anonymous.length === 0 ? "" : JSON.stringify([ranges, anonymous]);
}

/** The reader's own annotations in scope: their part of the index. */
export function ownWhere(list: ListScope, userId: string): Prisma.AnnotationWhereInput {
  return { authorId: userId, AND: [list.scope] };
}
