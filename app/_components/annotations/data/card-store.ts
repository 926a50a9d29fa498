/**
 * The cards of a source's annotations (each thread's body, replies and actions), fetched as the panel
 * draws them and kept while the panel lives, so changing a filter back and forth costs nothing. Pure
 * of React: the panel reads it through use-annotation-cards.ts, tests drive it with a fake fetch.
 *
 * - Cards asked for in one render are fetched together (on the next microtask), at most
 *   `maxPerRequest` per request.
 * - Each card is kept with the index version it was fetched under. When the index changes (anyone's
 *   new work, an edit), the cards drawn are fetched again; each stays shown (as `stale`) until its
 *   new version comes, so nothing flickers.
 * - A card that failed, or that the server no longer gives (deleted, out of reach), is not asked for
 *   again under the same version (retry() asks again for the failed ones).
 * - `scope` names the source, group and role the index was read with: when it changes, every card is
 *   dropped (what the reader may see and do has changed) and answers to earlier requests are ignored.
 */
import type { AnnotationSummary, AnnotationView } from "@/lib/annotations/types";

/** What the panel knows of one annotation's card. */
export type CardState =
  /** `stale`: the thread has changed since; the newer card is on its way and replaces it. */
  | { status: "ready"; view: AnnotationView; stale: boolean }
  | { status: "loading" }
  | { status: "error" }
  /** The reader can no longer see it (deleted, or moved out of reach) though the index still lists it. */
  | { status: "gone" };

interface Entry {
  /** The index version the card was fetched under; null: put by the reader, not fetched. */
  version: string | null;
  view: AnnotationView | null;
  /** The version whose fetch failed, or that found nothing (gone). */
  failed: string | null;
  gone: string | null;
}

/** The cards of one scope as they are now: replaced (never changed) on every change. */
export interface CardSnapshot {
  scope: string;
  entries: ReadonlyMap<string, Entry>;
}

/** Fetches the cards with these ids in a scope: those the reader may see (others are left out). */
export type FetchCards = (scope: string, ids: string[]) => Promise<AnnotationView[]>;

const EMPTY_ENTRY: Entry = { version: null, view: null, failed: null, gone: null };

export class CardStore {
  private scope = "";
  private entries = new Map<string, Entry>();
  /** Versions being fetched, by id. */
  private inFlight = new Map<string, string>();
  /** Versions asked for in this render, fetched together once it is done. */
  private pending = new Map<string, string>();
  private flushScheduled = false;
  private snapshot: CardSnapshot = { scope: "", entries: new Map() };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly fetchCards: FetchCards,
    private readonly maxPerRequest: number,
    /** (A wrapper: called as a method, the browser's queueMicrotask would throw "Illegal invocation".) */
    private readonly schedule: (task: () => void) => void = (task) => queueMicrotask(task),
  ) {}

  /** The cards as they are now (for useSyncExternalStore). */
  readonly getSnapshot = (): CardSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Fetches the cards of these summaries that are missing or were fetched under another version. */
  load(scope: string, summaries: readonly AnnotationSummary[], version: string): void {
    this.enter(scope);
    for (const { id } of summaries) {
      const entry = this.entries.get(id);
      if (entry?.version === version && entry.view) continue;
      if (entry?.failed === version || entry?.gone === version) continue;
      if (this.inFlight.get(id) === version || this.pending.get(id) === version) continue;
      this.pending.set(id, version);
    }
    if (this.pending.size > 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      // Every list drawn in this render (the main one, orphans, a reveal) in one request.
      this.schedule(() => this.flush());
    }
  }

  /** Asks again for the cards that failed to load. */
  retry(scope: string): void {
    this.enter(scope);
    let changed = false;
    for (const [id, entry] of this.entries) {
      if (entry.failed === null) continue;
      this.entries.set(id, { ...entry, failed: null });
      changed = true;
    }
    if (changed) this.publish();
  }

  /** A card the reader has just made (the server's answer to creating it): shown without a fetch. */
  put(scope: string, view: AnnotationView): void {
    this.enter(scope);
    this.entries.set(view.id, { version: null, view, failed: null, gone: null });
    this.publish();
  }

  /**
   * Starts afresh when the scope changes: nothing read under another one is kept. (Nothing is
   * published: the snapshot's entries are of the old scope, which cardStateOf never shows, and a
   * load may come during a render.)
   */
  private enter(scope: string): void {
    if (scope === this.scope) return;
    this.scope = scope;
    this.entries = new Map();
    this.inFlight = new Map();
    this.pending = new Map();
  }

  private flush(): void {
    this.flushScheduled = false;
    const scope = this.scope;
    const wanted = [...this.pending];
    this.pending = new Map();
    for (let i = 0; i < wanted.length; i += this.maxPerRequest) {
      const batch = wanted.slice(i, i + this.maxPerRequest);
      for (const [id, version] of batch) this.inFlight.set(id, version);
      const settle = (views: AnnotationView[] | null) => {
        // Asked under another group or role: dropped.
        if (this.scope !== scope) return;
        const byId = new Map(views?.map((view) => [view.id, view]));
        for (const [id, version] of batch) {
          if (this.inFlight.get(id) === version) this.inFlight.delete(id);
          const entry = this.entries.get(id) ?? EMPTY_ENTRY;
          const view = byId.get(id);
          if (view) this.entries.set(id, { version, view, failed: null, gone: null });
          else if (views) this.entries.set(id, { ...entry, gone: version });
          else this.entries.set(id, { ...entry, failed: version });
        }
        this.publish();
      };
      this.fetchCards(
        scope,
        batch.map(([id]) => id),
      ).then(settle, () => settle(null));
    }
  }

  private publish(): void {
    this.snapshot = { scope: this.scope, entries: new Map(this.entries) };
    for (const listener of [...this.listeners]) listener();
  }
}

/** What a snapshot says of one summary's card, read under `scope` and index `version`. */
export function cardStateOf(snapshot: CardSnapshot, scope: string, version: string, id: string): CardState {
  // Entries read under another group or role are never shown.
  const entry = snapshot.scope === scope ? snapshot.entries.get(id) : undefined;
  if (entry?.view) return { status: "ready", view: entry.view, stale: entry.version !== version };
  if (entry?.gone === version) return { status: "gone" };
  if (entry?.failed === version) return { status: "error" };
  return { status: "loading" };
}
