import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { onAnnotationChange, type AnnotationChange } from "@/lib/live/annotation-changes";
import { ownStates, stateOf, stateWith } from "./annotation-tags.ts";
import { changedSinceOpened } from "./changed-since-opened.ts";
import { ownChangesBetween } from "./index/own-changes.ts";
import { sharedChangesBetween } from "./index/shared-changes.ts";
import { changesForReader } from "./index/changes-for-reader.ts";
import type { SharedChanges } from "./index/wire.ts";
import { openList } from "./open-list.ts";
import { ownReadTogether, withholds, type OwnRead } from "./own-read-together.ts";
import type { PersonView } from "./types.ts";
import { arrived, left, presenceSoon } from "./watch-presence.ts";
import { watches, type Reader, type Sink, type SourceWatch } from "./watch-state.ts";

/** Changes arriving together (a burst of edits, 30 readers' replies) are looked at once. */
const SETTLE_MS = 150;
/**
 * Readers whose versions are worked out at once in a pass (each a few small aggregates): the rest
 * wait their turn, so a class's readers never hold more than this many of the pool's connections
 * and writes always find one free.
 */
const PASS_CONCURRENCY = 4;

export interface AnnotationWatch {
  /** Stops listening (the connection closed). */
  stop(): void;
}

/**
 * What a connection hears (the live route turns each into a server-sent event): a reader's new
 * index version; or that version with the changes to the shared threads that make it from the index
 * they hold (when nothing of their own changed: applied with applySharedChanges, no fetch); who of
 * their group reads the source now; the end (they may no longer read it).
 */
export interface VersionListener {
  version: (slug: string, version: string) => void;
  changes?: (slug: string, changes: SharedChanges) => void;
  presence?: (slug: string, people: readonly PersonView[]) => void;
  end: () => void;
}

function readerKey(actor: NonNullable<Actor>, slug: string, groupId: string | null): string {
  return [actor.userId, slug, groupId ?? ""].join("\n");
}

/**
 * Follows the annotation indexes of `slugs` as `actor` reads them (their current group and their
 * personal notes, as the page's index): calls `send(slug, version)` at once with each index's
 * version, and again whenever a change anywhere (any app instance) gives that reader a new version.
 * The version is the index's ETag, computed under the policy, so a change the reader may not see —
 * another reader's private note — sends nothing, and what is sent tells only that their own index
 * changed. `onEnd` is called once if the reader may no longer read a source (signed out, left the
 * group). Anonymous: UNAUTHENTICATED; an unknown source or group: NOT_FOUND, before anything is sent.
 *
 * The instance keeps one entry per reader and source (tabs share it) and, after a change, works out
 * each concerned reader's version once per pass, the group's shared state once per tier.
 */
export async function watchAnnotationVersions(
  actor: Actor,
  slugs: readonly string[],
  listener: VersionListener,
): Promise<AnnotationWatch> {
  const opened = await Promise.all(
    slugs.map(async (slug) => {
      const list = await openList(actor, slug, undefined);
      const state = await stateOf(list, actor!.userId);
      return {
        slug,
        list,
        sourceId: list.source.id,
        groupId: list.group?.id ?? null,
        version: state.tag,
        own: state.own,
        shared: state.shared?.state ?? null,
      };
    }),
  );
  let stopped = false;
  // The version this connection heard last, per source: it never hears the same one twice in a row
  // (a tab joining while a change is told, or with a version older than its other tabs', would).
  const heard = new Map<string, string>();
  const fresh = (slug: string, version: string) => {
    if (heard.get(slug) === version) return false;
    heard.set(slug, version);
    return true;
  };
  const send = (slug: string, version: string) => {
    if (fresh(slug, version)) listener.version(slug, version);
  };
  const presence = listener.presence ?? (() => {});
  const sink: Sink = {
    send,
    changes: (slug, changes) => {
      if (!fresh(slug, changes.version)) return;
      // Without a way to hear changes, the version alone: the reader fetches them.
      if (listener.changes) listener.changes(slug, changes);
      else listener.version(slug, changes.version);
    },
    presence,
    end: () => {
      if (stopped) return;
      watch.stop();
      listener.end();
    },
  };
  const joined: { watch: SourceWatch; key: string }[] = [];
  const watch: AnnotationWatch = {
    stop() {
      if (stopped) return;
      stopped = true;
      for (const { watch: source, key } of joined) leave(source, key, sink);
    },
  };
  listenOnce();
  for (const entry of opened) {
    const source = sourceWatch(entry.sourceId);
    const key = readerKey(actor!, entry.slug, entry.groupId);
    let reader = source.readers.get(key);
    if (!reader) {
      reader = {
        actor: actor!,
        slug: entry.slug,
        groupId: entry.groupId,
        list: entry.list,
        version: entry.version,
        own: entry.own,
        shared: entry.shared,
        presence: { json: "", people: [] },
        sinks: new Set(),
      };
      source.readers.set(key, reader);
      arrived(source, reader);
    } else if (reader.version !== entry.version) {
      // This tab worked out its version while a change was told, or before one was: either may be
      // the newer (versions are tags, not counts). The reader is worked out again from what is
      // stored, and each tab hears the result if it heard something else last.
      source.recheck.add(reader);
      schedule(source);
    }
    reader.sinks.add(sink);
    joined.push({ watch: source, key });
    // Another tab of a reader already here: who reads with them, as their other tabs heard.
    if (reader.presence.json) presence(reader.slug, reader.presence.people);
  }
  for (const entry of opened) send(entry.slug, entry.version);
  return watch;
}

function sourceWatch(sourceId: string): SourceWatch {
  let source = watches.sources.get(sourceId);
  if (!source) {
    source = {
      sourceId,
      readers: new Map(),
      dirtyGroups: new Set(),
      authors: new Set(),
      threadsOnly: true,
      recheck: new Set(),
      timer: null,
      running: false,
      presenceTimer: null,
    };
    watches.sources.set(sourceId, source);
  }
  return source;
}

function leave(source: SourceWatch, key: string, sink: Sink): void {
  const reader = source.readers.get(key);
  if (!reader) return;
  reader.sinks.delete(sink);
  if (reader.sinks.size === 0) {
    source.readers.delete(key);
    left(source, reader);
  }
  if (source.readers.size === 0 && !source.running) {
    if (source.timer) clearTimeout(source.timer);
    if (source.presenceTimer) clearTimeout(source.presenceTimer);
    watches.sources.delete(source.sourceId);
  }
}

function listenOnce(): void {
  watches.unsubscribe ??= onAnnotationChange(changed);
}

/** A change on some instance: the source's readers here are looked at after the settle. */
function changed(change: AnnotationChange): void {
  const source = watches.sources.get(change.sourceId);
  if (!source) return;
  if (change.presence) {
    presenceSoon(source);
    return;
  }
  source.dirtyGroups.add(change.groupId);
  if (!change.authors) source.authors = "all";
  else if (source.authors !== "all") for (const author of change.authors) source.authors.add(author);
  if (!change.threadAdded) source.threadsOnly = false;
  schedule(source);
}

function schedule(source: SourceWatch): void {
  if (source.timer || source.running) return;
  source.timer = setTimeout(() => void pass(source), SETTLE_MS);
}

/** Whether a change in `groups` may change what `reader` reads: their group's, or personal notes. */
function concerns(reader: Reader, groups: ReadonlySet<string | null>): boolean {
  return groups.has(null) || (reader.groupId !== null && groups.has(reader.groupId));
}

/**
 * One pass: every reader the gathered changes concern gets their version worked out again (a few at
 * a time, the shared states once per tier), and hears it if it changed. Changes during the pass
 * are gathered for the next, which starts after the settle once this one is done.
 */
async function pass(source: SourceWatch): Promise<void> {
  source.timer = null;
  source.running = true;
  const groups = source.dirtyGroups;
  const authors = source.authors;
  const threadsOnly = source.threadsOnly;
  source.dirtyGroups = new Set();
  source.authors = new Set();
  source.threadsOnly = true;
  const recheck = source.recheck;
  source.recheck = new Set();
  const concerned = [...source.readers.values()].filter(
    (reader) => recheck.has(reader) || concerns(reader, groups),
  );
  let reopen: Set<Reader>;
  try {
    reopen = await changedSinceOpened(source.sourceId, concerned);
  } catch (error) {
    console.error("[glossa] could not look at the readers of a changed source:", error);
    reopen = new Set(concerned);
  }
  const changesOnce = new Map<string, Promise<SharedChanges | null>>();
  let writers: Map<Reader, OwnRead>;
  try {
    writers = await ownReadTogether(source.sourceId, concerned, { authors, threadsOnly, recheck, reopen });
  } catch (error) {
    console.error("[glossa] could not read the writers' own work together:", error);
    writers = new Map();
  }
  let next = 0;
  const work = async () => {
    while (next < concerned.length) {
      const reader = concerned[next++]!;
      if (reader.sinks.size === 0) continue;
      try {
        if (reopen.has(reader)) {
          // What they read is opened again: removed from the group, another role, another group
          // chosen, a new edition. (The entry keeps the key it was found under: a tab opened later
          // shares nothing with it, which costs a little, never a version.)
          const groupBefore = reader.groupId;
          reader.list = await openList(reader.actor, reader.slug, undefined);
          reader.groupId = reader.list.group?.id ?? null;
          reader.own = null;
          reader.shared = null;
          // Who reads with them is of another group now (or of none, removed from theirs): told
          // again, even when the look at who reads, after the change that moved them, came first.
          if (reader.groupId !== groupBefore) presenceSoon(source);
        }
        if (recheck.has(reader)) {
          reader.own = null;
          await tell(reader, "all", false, changesOnce, true);
        } else await tell(reader, authors, threadsOnly, changesOnce, false, writers.get(reader));
      } catch {
        // The reader may no longer read it (signed out everywhere, account gone): their connections end.
        for (const sink of [...reader.sinks]) sink.end();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PASS_CONCURRENCY, concerned.length) }, work));
  } finally {
    source.running = false;
    if (source.readers.size === 0) watches.sources.delete(source.sourceId);
    else if (source.dirtyGroups.size > 0 || source.recheck.size > 0) schedule(source);
  }
}

/**
 * Works out the reader's version after changes by `authors`: their own states read again only if
 * the changes may have touched their work (they wrote it, or it is in their threads) — and only
 * their threads' state when the changes only added threads (`threadsOnly`) — their tier's
 * states once for all (tierStates). A new version goes out with the changes that make it from the
 * reader's index when they can be told: the tier's shared threads added or changed (no thread gone:
 * a thread leaving may leave the reader's replies in it, which only a fetch shows), with the
 * reader's own threads added or changed when theirs moved (ownChangesBetween) and their own replies
 * did not (those decide the placeholders of threads withheld from them); else alone, and the reader
 * fetches.
 */
async function tell(
  reader: Reader,
  authors: ReadonlySet<string> | "all",
  threadsOnly: boolean,
  changesOnce: Map<string, Promise<SharedChanges | null>>,
  everyTab = false,
  /** Their own work as read for all the pass's writers together (ownReadTogether), if it was. */
  read?: OwnRead,
): Promise<void> {
  const { userId } = reader.actor;
  const ownAgain = reader.own === null || authors === "all" || authors.has(userId);
  const withheldBefore = withholds(reader);
  if ((ownAgain && withheldBefore) || authors === "all") {
    // Their own note may have unlocked what was withheld from them (reveal after posting), or an
    // assignment with reveal changed (announced with unknown authors: announce-reveal-change.ts):
    // what they read is opened again, so their version says so and their tabs fetch the index.
    reader.list = await openList(reader.actor, reader.slug, undefined);
  }
  const own = read
    ? read.own
    : ownAgain
      ? await ownStates(reader.list, userId, threadsOnly ? reader.own : null)
      : reader.own!;
  const state = await stateWith(reader.list, userId, own);
  if (state.tag === reader.version) {
    // Worked out again for a tab that joined with another version: the tabs that heard another
    // last hear this one (a tab never hears the version it heard last: watchAnnotationVersions).
    if (everyTab) for (const sink of reader.sinks) sink.send(reader.slug, state.tag);
    return;
  }
  const before = { own: reader.own, shared: reader.shared };
  Object.assign(reader, { version: state.tag, own, shared: state.shared?.state ?? null });
  // The tabs to tell are those here now: a tab that joins while the changes are read below has
  // worked out this version itself and heard it on joining (it would hear it twice).
  const sinks = [...reader.sinks];
  let changes: SharedChanges | null = null;
  // Peers' notes withheld from the reader (reveal after posting), or withheld until this change: the
  // tier's changes are not theirs to hear (nor do they bring what was withheld), so they hear the
  // version alone and fetch their own index.
  if (
    state.shared &&
    before.shared !== null &&
    before.own &&
    before.own.ownReplies === own.ownReplies &&
    !withheldBefore &&
    !withholds(reader)
  ) {
    const { scope } = state.shared;
    const key = `${scope.groupId}|${scope.tier}|${before.shared}|${state.shared.state}`;
    let told = changesOnce.get(key);
    if (!told) {
      told = sharedChangesBetween(scope, before.shared, state.shared.state, state.tag);
      changesOnce.set(key, told);
    }
    const ownMoved = before.own.own !== own.own;
    const [found, ownChanges] = await Promise.all([
      told,
      ownMoved ? (read?.changes ?? ownChangesBetween(reader.list, userId, before.own.own, own.own)) : null,
    ]);
    changes = changesForReader(found, { moved: ownMoved, changes: ownChanges }, userId, state.tag);
  }
  for (const sink of sinks) {
    if (!reader.sinks.has(sink)) continue;
    if (changes) sink.changes(reader.slug, changes);
    else sink.send(reader.slug, state.tag);
  }
}

/** What this instance follows now: for tests and the live benchmark's figures. */
export function watchFigures(): { sources: number; readers: number; connections: number } {
  let readers = 0;
  const connections = new Set<Sink>();
  for (const source of watches.sources.values()) {
    readers += source.readers.size;
    for (const reader of source.readers.values()) for (const sink of reader.sinks) connections.add(sink);
  }
  return { sources: watches.sources.size, readers, connections: connections.size };
}
