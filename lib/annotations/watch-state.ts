import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { OwnStates } from "./annotation-tags.ts";
import type { SharedChanges } from "./index/wire.ts";
import type { ListScope } from "./open-list.ts";
import type { PersonView } from "./types.ts";

/**
 * What this instance follows live, kept per process (and across a development server's reloads):
 * the sources its readers have open, each reader once however many tabs, and their connections.
 * watch-annotations.ts tells them of changes, watch-presence.ts of who reads with them.
 */

export interface Sink {
  send: (slug: string, version: string) => void;
  changes: (slug: string, changes: SharedChanges) => void;
  presence: (slug: string, people: readonly PersonView[]) => void;
  end: () => void;
}

/** A reader of one source in one group, however many connections (tabs) they hold open here. */
export interface Reader {
  actor: NonNullable<Actor>;
  slug: string;
  groupId: string | null;
  /**
   * What the reader reads (their group, role, memberships, the edition), as opened when they
   * connected: opened again only when a pass finds it changed (changedSinceOpened, three queries for
   * all readers), so a pass costs each reader two small aggregates, not the eight of opening it
   * and asking. Another group chosen in a page also reconnects it (live-versions.ts).
   */
  list: ListScope;
  version: string;
  /** The states of the reader's own work in `version` (null: to be read again). */
  own: OwnStates | null;
  /** The state of their tier's shared part in `version` (null: no group). */
  shared: string | null;
  /** The classmates last said to be reading the source with them (JSON), and who they are. */
  presence: { json: string; people: readonly PersonView[] };
  sinks: Set<Sink>;
}

/**
 * What this instance follows of one source: its readers, and the changes not yet looked at. At most
 * one pass over its readers runs at a time; changes arriving meanwhile are gathered into the next
 * (`dirtyGroups`), so however many writes come, a source costs at most one pass after another —
 * never one per write per reader — and what waits is a set of group ids, not a queue.
 */
export interface SourceWatch {
  sourceId: string;
  readers: Map<string, Reader>;
  /** Groups changed since the last pass began; null in it: personal notes (everyone's own). */
  dirtyGroups: Set<string | null>;
  /** Whose own work those changes touched ("all": not known, every reader's is read again). */
  authors: Set<string> | "all";
  /**
   * Those changes only added threads (AnnotationChange.threadAdded): no reply anyone reads moved, so
   * a reader's own states of replies are kept and only their own threads' state is read again.
   */
  threadsOnly: boolean;
  /**
   * Readers to work out again from what is stored, whatever changed: one of their tabs joined with a
   * version other than the one their tabs heard last, and which of the two is the newer only the
   * database can say. Each of their tabs then hears the version it lacks (none hears it twice).
   */
  recheck: Set<Reader>;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  /** Who reads it is looked at again soon (someone came or went, on any instance). */
  presenceTimer: ReturnType<typeof setTimeout> | null;
}

interface Watches {
  sources: Map<string, SourceWatch>;
  unsubscribe: (() => void) | null;
  /** Marks this instance's readers present every PRESENCE_INTERVAL_MS while it has any. */
  presenceTicker: ReturnType<typeof setInterval> | null;
}

const globalForWatches = globalThis as unknown as { glossaWatches?: Watches };
export const watches = (globalForWatches.glossaWatches ??= {
  sources: new Map(),
  unsubscribe: null,
  presenceTicker: null,
});
