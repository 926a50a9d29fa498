import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { onAnnotationChange, type AnnotationChange } from "@/lib/live/annotation-changes";
import { tagOf, type SharedStates } from "./annotation-tags.ts";
import { openList } from "./open-list.ts";

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

/** One connection's part: where its events go. */
interface Sink {
  send: (slug: string, version: string) => void;
  end: () => void;
}

/** A reader of one source in one group, however many connections (tabs) they hold open here. */
interface Reader {
  actor: NonNullable<Actor>;
  slug: string;
  groupId: string | null;
  version: string;
  sinks: Set<Sink>;
}

/**
 * What this instance follows of one source: its readers, and the changes not yet looked at. At most
 * one pass over its readers runs at a time; changes arriving meanwhile are gathered into the next
 * (`dirtyGroups`), so however many writes come, a source costs at most one pass after another —
 * never one per write per reader — and what waits is a set of group ids, not a queue.
 */
interface SourceWatch {
  sourceId: string;
  readers: Map<string, Reader>;
  /** Groups changed since the last pass began; null in it: personal notes (everyone's own). */
  dirtyGroups: Set<string | null>;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
}

interface Watches {
  sources: Map<string, SourceWatch>;
  unsubscribe: (() => void) | null;
}

const globalForWatches = globalThis as unknown as { glossaWatches?: Watches };
const watches = (globalForWatches.glossaWatches ??= { sources: new Map(), unsubscribe: null });

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
  send: (slug: string, version: string) => void,
  onEnd: () => void,
): Promise<AnnotationWatch> {
  const opened = await Promise.all(
    slugs.map(async (slug) => {
      const list = await openList(actor, slug, undefined);
      return {
        slug,
        sourceId: list.source.id,
        groupId: list.group?.id ?? null,
        version: await tagOf(list, actor!.userId, "index"),
      };
    }),
  );
  let stopped = false;
  const sink: Sink = {
    send,
    end: () => {
      if (stopped) return;
      watch.stop();
      onEnd();
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
        version: entry.version,
        sinks: new Set(),
      };
      source.readers.set(key, reader);
    } else if (reader.version !== entry.version) {
      // Newer than what the reader's other tabs heard last: they hear it too.
      reader.version = entry.version;
      for (const other of reader.sinks) other.send(entry.slug, entry.version);
    }
    reader.sinks.add(sink);
    joined.push({ watch: source, key });
  }
  for (const entry of opened) send(entry.slug, entry.version);
  return watch;
}

function sourceWatch(sourceId: string): SourceWatch {
  let source = watches.sources.get(sourceId);
  if (!source) {
    source = { sourceId, readers: new Map(), dirtyGroups: new Set(), timer: null, running: false };
    watches.sources.set(sourceId, source);
  }
  return source;
}

function leave(source: SourceWatch, key: string, sink: Sink): void {
  const reader = source.readers.get(key);
  if (!reader) return;
  reader.sinks.delete(sink);
  if (reader.sinks.size === 0) source.readers.delete(key);
  if (source.readers.size === 0 && !source.running) {
    if (source.timer) clearTimeout(source.timer);
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
  source.dirtyGroups.add(change.groupId);
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
  source.dirtyGroups = new Set();
  const concerned = [...source.readers.values()].filter((reader) => concerns(reader, groups));
  const shared: SharedStates = new Map();
  let next = 0;
  const work = async () => {
    while (next < concerned.length) {
      const reader = concerned[next++]!;
      if (reader.sinks.size === 0) continue;
      try {
        const list = await openList(reader.actor, reader.slug, undefined);
        // Another group chosen (in any tab): followed from now on. (The entry keeps the key it was
        // found under; a tab opened now shares nothing with it, which costs a little, never a version.)
        reader.groupId = list.group?.id ?? null;
        const version = await tagOf(list, reader.actor.userId, "index", shared);
        if (version === reader.version) continue;
        reader.version = version;
        for (const sink of [...reader.sinks]) sink.send(reader.slug, version);
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
    else if (source.dirtyGroups.size > 0) schedule(source);
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
