/**
 * One live connection per page (`GET /api/annotations/live?sources=…`, server-sent events) for every
 * source whose annotations it shows: the compare view's columns share it rather than holding one
 * connection each. Each source's listeners hear its index's new version as soon as anyone's change
 * gives the reader one; they then fetch the index. The browser reconnects by itself after a drop; if
 * the server refuses (signed out), the page still polls. Another group chosen on the page, it
 * connects again, so that the server follows the new group.
 */
import { unpackThreads, type SharedChanges } from "@/lib/annotations/index/wire";
import type { AnnotationSummary, PersonView } from "@/lib/annotations/types";
import { CURRENT_GROUP_CHANGED } from "../../current-group-event";

/** A new version of the reader's index; with the shared threads that make it, when sent with it. */
type Listener = (version: string, changes?: LiveChanges) => void;

/** A live `changes` event, unpacked: apply with applySharedChanges (lib/annotations/index/apply-delta.ts). */
export interface LiveChanges {
  version: string;
  from: string;
  /** States passed between `from` and `base`: an index held in one of them takes these changes too. */
  via?: string[];
  base: string;
  people: PersonView[];
  annotations: AnnotationSummary[];
  /** Sent when the reader's own threads changed too: how many of theirs the index holds now. */
  ownCount?: number;
}
type PresenceListener = () => void;

const listeners = new Map<string, Set<Listener>>();
/** Who else of the reader's group reads each source now, as the server last said (presence). */
const presence = new Map<string, readonly PersonView[]>();
const presenceListeners = new Map<string, Set<PresenceListener>>();
const NOBODY: readonly PersonView[] = [];
let connection: EventSource | null = null;
let connectedTo = "";
let scheduled = false;
let followingGroupChanges = false;

/** Calls `listener` with each new version of `sourceSlug`'s index, until the returned function is called. */
export function followAnnotationVersions(sourceSlug: string, listener: Listener): () => void {
  const set = listeners.get(sourceSlug) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(sourceSlug, set);
  if (!followingGroupChanges && typeof window !== "undefined") {
    followingGroupChanges = true;
    // The server follows the group the reader read when connecting: another one chosen, it is
    // connected to again (and says the version in the new group at once).
    window.addEventListener(CURRENT_GROUP_CHANGED, () => {
      connectedTo = "";
      reconnectSoon();
    });
  }
  reconnectSoon();
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(sourceSlug);
    reconnectSoon();
  };
}

/** Columns mounting together make one connection, not one each. */
function reconnectSoon(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    const sources = [...listeners.keys()].sort().join(",");
    if (sources === connectedTo && connection) return;
    connection?.close();
    connection = null;
    connectedTo = sources;
    if (!sources || typeof EventSource === "undefined") return;
    connection = new EventSource(`/api/annotations/live?sources=${encodeURIComponent(sources)}`);
    connection.addEventListener("version", (event) => {
      const { source, version } = JSON.parse((event as MessageEvent<string>).data) as {
        source: string;
        version: string;
      };
      listeners.get(source)?.forEach((listener) => listener(version));
    });
    connection.addEventListener("changes", (event) => {
      const { source, ...sent } = JSON.parse((event as MessageEvent<string>).data) as SharedChanges & {
        source: string;
      };
      const changes: LiveChanges = { ...sent, annotations: unpackThreads(sent.annotations, sent.people) };
      listeners.get(source)?.forEach((listener) => listener(changes.version, changes));
    });
    connection.addEventListener("presence", (event) => {
      const { source, people } = JSON.parse((event as MessageEvent<string>).data) as {
        source: string;
        people: PersonView[];
      };
      presence.set(source, people);
      presenceListeners.get(source)?.forEach((listener) => listener());
    });
  });
}

/**
 * The members of the reader's group who read `sourceSlug` now besides them, as the live connection
 * last said (nobody before it says): for useSyncExternalStore. It opens no connection of its own.
 */
export function readingNow(sourceSlug: string): readonly PersonView[] {
  return presence.get(sourceSlug) ?? NOBODY;
}

/** Calls `listener` whenever who reads `sourceSlug` changes, until the returned function is called. */
export function followReadingNow(sourceSlug: string, listener: PresenceListener): () => void {
  const set = presenceListeners.get(sourceSlug) ?? new Set<PresenceListener>();
  set.add(listener);
  presenceListeners.set(sourceSlug, set);
  return () => {
    set.delete(listener);
    if (set.size === 0) presenceListeners.delete(sourceSlug);
  };
}
