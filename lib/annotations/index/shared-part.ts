import "server-only";
import { groupSharedReadWhere, type ReadingTier } from "@/lib/auth/policy";
import type { AnchorView, AnnotationSummary, PersonView } from "../types.ts";
import { keepSharedIndexPart, keptSharedIndexPart, partChanges, sharedIndexPart } from "./cache.ts";
import { dbReads as db } from "@/lib/db";
import {
  indexPartOf,
  latestOfState,
  readIndexPart,
  readIndexRows,
  stateOfLatest,
  stateOfTimes,
  type IndexPart,
  type PartScope,
} from "./part.ts";
import { changesAlongSteps, recordStep } from "./part-steps.ts";
import { textOrder } from "./text-order.ts";
import { keepUpToDate, MAX_KEPT_UP_TO_DATE, readTierStates } from "./tier-states.ts";

/**
 * The part of a group's index that every member of a reading tier reads (`groupSharedReadWhere`):
 * read once per change of the group and kept by this instance (cache.ts), each reader adding
 * their own annotations to it. After a change in a group, the parts this instance kept for it are
 * read again at once, before anyone asks: the next member to open the source finds theirs ready
 * (tier-states.ts).
 */
export interface SharedPartScope extends PartScope {
  groupId: string;
  tier: ReadingTier;
}

/**
 * The tier's part in `state` (sharedState, tier-states.ts): kept, being read for another member, or
 * read now. A part is kept under the state of the rows it was read from, not under `state`: a change
 * committed after `state` was read and before the rows were would otherwise leave newer rows under an
 * older state, served again the moment the group returns to it (a note shared, then made private
 * again). So the part returned may be newer than `state`: its own `state` says which it is.
 */
export function sharedPart(scope: SharedPartScope, state: string): Promise<IndexPart> {
  keepUpToDate(scope, () => readLatest(scope));
  return sharedIndexPart(
    partKey(scope, state),
    () => readLatest(scope),
    (part) => partKey(scope, part.state),
  );
}

/** A scope's reads of its latest part: the one under way, and the one waiting for it. */
interface LatestReads {
  current: Promise<IndexPart>;
  queued: Promise<IndexPart> | null;
}
const latestReads = new Map<string, LatestReads>();

/**
 * The tier's part as it is now, kept. A scope's parts are read one at a time, each from the one
 * before (its steps make one chain: changesAlongSteps), with at most one read waiting: whoever asks
 * while one is under way gets the next, which starts when it ends and sees every write committed
 * by then.
 */
function readLatest(scope: SharedPartScope): Promise<IndexPart> {
  const key = scopeKey(scope);
  const reads = latestReads.get(key);
  if (!reads) {
    const current = readLatestNow(scope);
    latestReads.set(key, { current, queued: null });
    if (latestReads.size > MAX_KEPT_UP_TO_DATE) latestReads.delete(latestReads.keys().next().value!);
    return current;
  }
  if (reads.queued) return reads.queued;
  const queued = reads.current
    .then(
      () => {},
      () => {},
    )
    .then(() => {
      reads.queued = null;
      return readLatestNow(scope);
    });
  reads.current = queued;
  reads.queued = queued;
  return queued;
}

/** The tier's part as it is now (brought up to date from the latest one, or read whole), kept. */
async function readLatestNow(scope: SharedPartScope): Promise<IndexPart> {
  const part = (await partSince(scope)) ?? (await readWhole(scope));
  latestParts.set(scopeKey(scope), part);
  if (latestParts.size > MAX_KEPT_UP_TO_DATE) latestParts.delete(latestParts.keys().next().value!);
  keepSharedIndexPart(partKey(scope, part.state), part);
  return part;
}

function scopeKey(scope: SharedPartScope): string {
  return [scope.source.id, scope.groupId, scope.tier, scope.edition.id].join("|");
}

async function readWhole(scope: SharedPartScope): Promise<IndexPart> {
  const part = await readIndexPart(
    scope,
    groupSharedReadWhere(scope.groupId, scope.tier),
    { groupId: scope.groupId },
    false,
  );
  for (const summary of part.annotations) summary.shared = true;
  return part;
}

/** The latest part this instance read of each scope: what the next one is made from. */
const latestParts = new Map<string, IndexPart>();
/**
 * How far before the latest change a kept part knows the threads touched since are looked for: a
 * write's time is taken when it is sent, so one committed a moment after a later one is still found.
 */
const LATE_COMMIT_MS = 5_000;
/** More threads touched than this: the part is read whole. */
const MAX_TOUCHED = 2_000;

/**
 * The tier's part now, made from the latest one this instance read rather than read whole: the
 * group's threads touched since its latest change (LATE_COMMIT_MS before it) are looked for (ids
 * and times only), those of them changed since the kept part (another time than it holds) and
 * shared by the tier read, and the rest of the kept part kept. After a class's
 * note that is one or two rows instead of thousands. The tier's state and the threads touched are
 * read in one snapshot, so writes committing meanwhile cannot make them disagree; the part is used
 * only if it is exactly what the snapshot holds (its count and latest change equal the state read
 * there: a thread deleted outright, or a write committed more than LATE_COMMIT_MS after its time,
 * shows there), else null (the part is read whole).
 */
async function partSince(scope: SharedPartScope): Promise<IndexPart | null> {
  const base = latestParts.get(scopeKey(scope));
  if (!base) return null;
  const since = new Date(latestOfState(base.state) - LATE_COMMIT_MS);
  const shared = groupSharedReadWhere(scope.groupId, scope.tier);
  const read = await db.$transaction(
    async (tx) => {
      // One after the other: a transaction's statements share one connection.
      const { shared: state } = await readTierStates(scope, tx);
      const touched = await tx.annotation.findMany({
        where: {
          sourceId: scope.source.id,
          groupId: scope.groupId,
          parentId: null,
          updatedAt: { gte: since },
        },
        select: { id: true, updatedAt: true },
        take: MAX_TOUCHED + 1,
      });
      if (touched.length > MAX_TOUCHED) return null;
      // A thread the kept part holds at the same time has not changed since (every write moves it).
      const ids = touched
        .filter((row) => base.times.get(row.id) !== row.updatedAt.getTime())
        .map((row) => row.id);
      const rows = ids.length
        ? await readIndexRows(tx, scope.source, { AND: [shared, { id: { in: ids } }] })
        : [];
      return { state, ids: new Set(ids), rows };
    },
    { isolationLevel: "RepeatableRead", maxWait: SNAPSHOT_WAIT_MS, timeout: SNAPSHOT_WAIT_MS },
  );
  if (!read) return null;
  const { ids } = read;
  // Authors named in the kept part are named again from it; new ones are read.
  const fresh = await indexPartOf(scope, read.rows, base.people, false);
  // The kept part's order and times, the touched threads taken out and their new summaries put
  // in their places: a few steps for a class's note, not a sort of thousands.
  const touchedHere = [...ids].filter((id) => base.times.has(id));
  const before = new Map<string, AnnotationSummary>();
  const annotations = touchedHere.length
    ? base.annotations.filter((summary) => {
        if (!ids.has(summary.id)) return true;
        before.set(summary.id, summary);
        return false;
      })
    : base.annotations.slice();
  for (const summary of fresh.annotations) {
    summary.shared = true;
    insertInTextOrder(annotations, summary);
  }
  const times = base.times.with(touchedHere, fresh.times.entries());
  const people = [...new Map([...base.people, ...fresh.people].map((p) => [p.id, p])).values()];
  // Only threads taken out can leave an author, or the latest change, behind.
  const authors = touchedHere.length ? new Set(annotations.map((summary) => summary.authorId)) : null;
  const baseLatest = latestOfState(base.state);
  const part: IndexPart = {
    annotations,
    people: authors ? people.filter((person) => authors.has(person.id)) : people,
    state: touchedHere.some((id) => base.times.get(id)! >= baseLatest)
      ? stateOfTimes(times)
      : stateOfLatest(times.size, Math.max(baseLatest, ...fresh.times.values())),
    times,
  };
  if (part.state !== read.state) return null;
  const added = new Set(fresh.annotations.map((summary) => summary.id));
  recordStep(scopeKey(scope), base.state, {
    to: part.state,
    // Threads read again as they were (touched lately, but not since) are no change.
    changed: fresh.annotations.filter((summary) => {
      const old = before.get(summary.id);
      return !old || !sameSummary(old, summary);
    }),
    removed: touchedHere.filter((id) => !added.has(id)),
  });
  return part;
}

/** Puts `summary` into `sorted` (in text order) where it belongs. */
function insertInTextOrder(sorted: AnnotationSummary[], summary: AnnotationSummary): void {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (textOrder(sorted[middle]!, summary) < 0) low = middle + 1;
    else high = middle;
  }
  sorted.splice(low, 0, summary);
}

/** How long bringing a part up to date may wait for a connection, and take, under a class's load. */
const SNAPSHOT_WAIT_MS = 10_000;

function partKey(scope: SharedPartScope, state: string): string {
  return [scope.source.id, scope.groupId, scope.tier, scope.edition.id, state].join("|");
}

/**
 * What changed in the tier's part from state `from` to the part `now`: the threads added or changed,
 * and the ids of those gone: along the steps this instance took from `from` (changesAlongSteps), else
 * by comparing the two parts, once per pair of states however many readers ask. Null when this
 * instance neither took those steps nor keeps the part in `from` (the reader then gets the whole index).
 */
export function sharedPartChanges(
  scope: SharedPartScope,
  from: string,
  now: IndexPart,
): { changed: readonly AnnotationSummary[]; removed: readonly string[] } | null {
  const stepped = changesAlongSteps(scopeKey(scope), from, now.state);
  if (stepped) return stepped;
  const before = keptSharedIndexPart<IndexPart>(partKey(scope, from));
  if (!before) return null;
  return partChanges(`${partKey(scope, from)}>${now.state}`, () => changesBetween(before, now));
}

/**
 * What changed in the tier's part from state `from` to state `to` (both states this instance's part
 * took), with the names of the authors of the threads changed: along the steps when they lead from
 * `from` to `to` — even when the part has moved on since (a class writing moves it every moment),
 * with no read — else from the part in `to`, kept or read, as sharedPartChanges does. Null when
 * neither can tell (the part read is newer than `to` and no steps lead there).
 */
export async function sharedChangesTo(
  scope: SharedPartScope,
  from: string,
  to: string,
): Promise<{
  changed: readonly AnnotationSummary[];
  removed: readonly string[];
  people: PersonView[];
  /** The states the part passed between `from` and `to`, in order, when the steps tell them. */
  via: readonly string[];
} | null> {
  keepUpToDate(scope, () => readLatest(scope));
  const stepped = changesAlongSteps(scopeKey(scope), from, to);
  const latest = latestParts.get(scopeKey(scope));
  if (stepped && latest) {
    const people = [...authorsOf(latest, stepped.changed).values()];
    if (people.every((person) => person !== undefined)) return { ...stepped, people: people as PersonView[] };
  }
  const now = await sharedPart(scope, to);
  if (now.state !== to) return null;
  const changes = sharedPartChanges(scope, from, now);
  if (!changes) return null;
  const named = authorsOf(now, changes.changed);
  return { ...changes, people: now.people.filter((person) => named.has(person.id)), via: [] };
}

/**
 * The authors of `changed`, each once in the order they first appear there, with the person `part`
 * names for each (undefined when it names none): sharedChangesTo tells the changes with them.
 */
function authorsOf(
  part: IndexPart,
  changed: readonly AnnotationSummary[],
): Map<string, PersonView | undefined> {
  const names = new Map(part.people.map((person) => [person.id, person]));
  return new Map(changed.map((summary) => [summary.authorId, names.get(summary.authorId)]));
}

function changesBetween(before: IndexPart, now: IndexPart) {
  const earlier = new Map(before.annotations.map((summary) => [summary.id, summary]));
  const changed = now.annotations.filter((summary) => {
    const old = earlier.get(summary.id);
    earlier.delete(summary.id);
    return !old || !sameSummary(old, summary);
  });
  return { changed, removed: [...earlier.keys()] };
}

function sameSummary(a: AnnotationSummary, b: AnnotationSummary): boolean {
  return (
    a.kind === b.kind &&
    a.authorId === b.authorId &&
    a.mine === b.mine &&
    a.deleted === b.deleted &&
    a.hidden === b.hidden &&
    a.helpful === b.helpful &&
    a.featured === b.featured &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i]) &&
    sameAnchor(a.anchor, b.anchor)
  );
}

function sameAnchor(a: AnchorView, b: AnchorView): boolean {
  if (a.status === "orphan" || b.status === "orphan") return a.status === b.status;
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.firstSentence === b.firstSentence &&
    a.lastSentence === b.lastSentence
  );
}
