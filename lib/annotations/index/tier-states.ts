import "server-only";
import type { ReadingTier } from "@/lib/auth/policy";
import { dbReads as db } from "@/lib/db";
import { onAnnotationChange, type AnnotationChange } from "@/lib/live/annotation-changes";
import { stateOfLatest, type IndexPart, type PartScope } from "./part.ts";

/**
 * Tiers' parts kept up to date after annotation changes, and tiers' states: which parts this
 * instance keeps up to date (keepUpToDate, called by shared-part.ts with the way to read each), the
 * listening for changes, the parts read again in the background after one (reread), and the states
 * every member of a tier shares, read once for them all per change (tierStates). This module imports
 * nothing from shared-part.ts: it is given the read.
 */

/** A tier in a group, of a source: what its states are kept by (a SharedPartScope is one). */
type TierScope = Pick<PartScope, "source"> & { groupId: string; tier: ReadingTier };

/**
 * The states of what a tier shares in a group, as the database keeps them in the write's own
 * transaction (model TierState): one row read, where an aggregate over the group's thousands of
 * threads and replies was. Its `shared` is exactly what partState gives for the tier's threads
 * (groupSharedReadWhere) in the same snapshot (tier-states.test.ts), so a part read from rows is kept
 * under it; `replies` moves with every change to the replies the tier reads (groupSharedReplyWhere),
 * and with no other, so a change hidden from the tier leaves it as it was.
 */
export async function readTierStates(
  scope: TierScope,
  client: Pick<typeof db, "tierState"> = db,
): Promise<TierStates> {
  const row = await client.tierState.findUnique({
    where: { sourceId_groupId_tier: { sourceId: scope.source.id, groupId: scope.groupId, tier: scope.tier } },
    select: { threads: true, threadsLatest: true, repliesVersion: true },
  });
  return {
    shared: stateOfLatest(row?.threads ?? 0, row?.threadsLatest?.getTime() ?? 0),
    replies: `v${row?.repliesVersion ?? 0}`,
  };
}

/** The state of what a tier shares in a group (partState): what its part is kept under. */
export async function sharedState(scope: TierScope): Promise<string> {
  return (await readTierStates(scope)).shared;
}

/** The states every member of a tier shares: of its part of the index, and of the replies it reads. */
export interface TierStates {
  shared: string;
  replies: string;
}

/** How long this instance trusts a tier's states with no change heard (the listening connection may be down). */
const TIER_STATES_TRUSTED_MS = 2_000;
/** The tier's states as read, by source, group and tier: of its threads, and of its replies. */
const threadStatesKept = new Map<string, { state: Promise<string>; at: number }>();
const replyStatesKept = new Map<string, { state: Promise<string>; at: number }>();

/**
 * The tier's states, each read once for all its members who ask until a change in the group that
 * may move it is heard (on any instance) or TIER_STATES_TRUSTED_MS pass: the tier's row
 * (readTierStates), read once per change rather than once per reader — the threads' state taken
 * from the part read again after the change when there is one (a state the part took, so the live
 * chain's steps lead to it), the replies' kept when the change only added a thread. A state read just before a change
 * is heard may be a moment old: never wrong (parts are kept under the state of their own rows),
 * only late, and the change's live event follows it.
 */
export async function tierStates(scope: TierScope): Promise<TierStates> {
  listenForChanges();
  const key = tierKey(scope);
  const [shared, replies] = await Promise.all([
    keptState(threadStatesKept, key, () => {
      const readAgain = partsAfterChange.get(key);
      return readAgain ? readAgain.then((part) => part.state) : sharedState(scope);
    }),
    keptState(replyStatesKept, key, () => readTierStates(scope).then((states) => states.replies)),
  ]);
  return { shared, replies };
}

function keptState(
  kept: Map<string, { state: Promise<string>; at: number }>,
  key: string,
  read: () => Promise<string>,
): Promise<string> {
  const found = kept.get(key);
  if (found && Date.now() - found.at < TIER_STATES_TRUSTED_MS) return found.state;
  const state = read();
  kept.set(key, { state, at: Date.now() });
  // A failed read is not kept.
  state.catch(() => {
    if (kept.get(key)?.state === state) kept.delete(key);
  });
  if (kept.size > MAX_KEPT_UP_TO_DATE) kept.delete(kept.keys().next().value!);
  return state;
}

function tierKey(scope: TierScope): string {
  return `${scope.source.id}|${scope.groupId}|${scope.tier}`;
}

/** The parts this instance read lately, by source, group and tier (least recently read out first). */
export const MAX_KEPT_UP_TO_DATE = 256;
const keptUpToDate = new Map<string, { scope: TierScope; readLatest: () => Promise<IndexPart> }>();
let listening = false;

/**
 * The part read again after the latest change heard in its group (reread), by source, group and
 * tier: its state is the tier's state until the next change (tierStates).
 */
const partsAfterChange = new Map<string, Promise<IndexPart>>();

/**
 * Keeps the tier's part up to date here: after each change heard in its group it is read again in
 * the background with `readLatest` (shared-part.ts: the tier's part as it is now, kept).
 */
export function keepUpToDate(scope: TierScope, readLatest: () => Promise<IndexPart>): void {
  const key = tierKey(scope);
  keptUpToDate.delete(key);
  keptUpToDate.set(key, { scope, readLatest });
  if (keptUpToDate.size > MAX_KEPT_UP_TO_DATE) {
    const oldest = keptUpToDate.keys().next().value!;
    keptUpToDate.delete(oldest);
    partsAfterChange.delete(oldest);
  }
  listenForChanges();
}

function listenForChanges(): void {
  if (listening) return;
  listening = true;
  onAnnotationChange(readAgain);
}

/** Reads in the background, until they end. */
const reading = new Set<Promise<IndexPart>>();

/** A change in a group (made on any instance): its parts here are read again in the background. */
function readAgain(change: AnnotationChange): void {
  if (change.groupId === null || change.presence) return;
  const group = `${change.sourceId}|${change.groupId}|`;
  for (const key of threadStatesKept.keys()) if (key.startsWith(group)) threadStatesKept.delete(key);
  if (!change.threadAdded) {
    for (const key of replyStatesKept.keys()) if (key.startsWith(group)) replyStatesKept.delete(key);
  }
  for (const [key, { scope, readLatest }] of keptUpToDate) {
    if (scope.source.id === change.sourceId && scope.groupId === change.groupId) reread(key, readLatest);
  }
}

/**
 * Reads the part again after a change (readLatest: the read under way if it started after the
 * change, else the one waiting for it, so a burst of writes costs two reads, not one each) and
 * makes it the tier's state from now on (tierStates). The tier's state is thus always a state the
 * part took, one its steps lead to: readers' changes are told along the steps, never by comparing
 * or reading parts again — even while a read is under way when the next change comes.
 */
function reread(key: string, readLatest: () => Promise<IndexPart>): void {
  const latest = readLatest();
  partsAfterChange.set(key, latest);
  if (reading.has(latest)) return;
  reading.add(latest);
  latest
    .catch((error: unknown) => {
      if (partsAfterChange.get(key) === latest) partsAfterChange.delete(key);
      // Only a head start: the next reader reads it themselves.
      console.error("[glossa] could not read a group's index again after a change:", error);
    })
    .finally(() => reading.delete(latest));
}

/** Waits for the background reads under way (before the database connection is closed). */
export async function backgroundReadsDone(): Promise<void> {
  // A read that ends may start the one that waited.
  while (reading.size > 0) await Promise.allSettled([...reading]);
}
