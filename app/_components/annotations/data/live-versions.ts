/**
 * One live connection per page (`GET /api/annotations/live?sources=…`, server-sent events) for every
 * source whose annotations it shows: the compare view's columns share it rather than holding one
 * connection each. Each source's listeners hear its index's new version as soon as anyone's change
 * gives the reader one; they then fetch the index. The browser reconnects by itself after a drop; if
 * the server refuses (signed out), the page still polls.
 */
type Listener = (version: string) => void;

const listeners = new Map<string, Set<Listener>>();
let connection: EventSource | null = null;
let connectedTo = "";
let scheduled = false;

/** Calls `listener` with each new version of `sourceSlug`'s index, until the returned function is called. */
export function followAnnotationVersions(sourceSlug: string, listener: Listener): () => void {
  const set = listeners.get(sourceSlug) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(sourceSlug, set);
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
  });
}
