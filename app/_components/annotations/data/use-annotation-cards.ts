"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import {
  MAX_CARDS_PER_REQUEST,
  type AnnotationSummary,
  type AnnotationView,
  type PersonView,
} from "@/lib/annotations/types";
import { fetchAnnotationCards } from "./api-client";

/** What the panel knows of one annotation's card. */
export type CardState =
  /** `stale`: the thread has changed since; the newer card is on its way and replaces it. */
  | { status: "ready"; view: AnnotationView; stale: boolean }
  | { status: "loading" }
  | { status: "error" }
  /** The reader can no longer see it (deleted, or moved out of reach) though the index still lists it. */
  | { status: "gone" };

export interface AnnotationCards {
  stateOf: (summary: AnnotationSummary) => CardState;
  /** Fetches the cards of these summaries that are missing or fetched under an older index. */
  load: (summaries: readonly AnnotationSummary[]) => void;
  /** Asks again for the cards that failed to load. */
  retry: () => void;
  /** A card the reader has just made (the server's answer to creating it): shown without a fetch. */
  put: (view: AnnotationView) => void;
  /** Author names by id, for cards still loading. */
  names: ReadonlyMap<string, string>;
}

interface Entry {
  /** The index version the card was fetched under; null: put by the reader, not fetched. */
  version: string | null;
  view: AnnotationView | null;
  /** The version whose fetch failed, or that found nothing (gone). */
  failed: string | null;
  gone: string | null;
}

/**
 * The cards of a source's annotations, fetched as the panel draws them (50 at a time, at most 100 per
 * request, the requests of one render put together) and kept while the panel lives, so changing a
 * filter back and forth costs nothing. When the index changes (anyone's new work, an edit), the cards
 * drawn are fetched again; each stays shown until its new version comes, so nothing flickers. `scope` names the group and role the index was read with: when it
 * changes, every card is dropped (what the reader may see and do has changed).
 */
export function useAnnotationCards(
  sourceSlug: string,
  group: string,
  scope: string,
  /** The index's version: cards fetched under another one are out of date. */
  version: string,
  people: readonly PersonView[],
): AnnotationCards {
  const key = `${sourceSlug} ${group} ${scope}`;
  const store = useRef<Store | null>(null);
  /** What the lists draw from: a copy of the store's entries, made after every change to them. */
  const [snapshot, setSnapshot] = useState<Snapshot>(EMPTY_SNAPSHOT);
  const publish = useCallback(
    (cache: Store) => setSnapshot({ key: cache.key, entries: new Map(cache.entries) }),
    [],
  );

  /** The cards read under the current group and role; a new one starts empty. */
  const current = useCallback((): Store => {
    if (store.current?.key !== key) store.current = newStore(key);
    return store.current;
  }, [key]);

  const flush = useCallback(() => {
    const cache = current();
    cache.flushScheduled = false;
    const wanted = [...cache.pending];
    cache.pending = new Map();
    for (let i = 0; i < wanted.length; i += MAX_CARDS_PER_REQUEST) {
      const batch = wanted.slice(i, i + MAX_CARDS_PER_REQUEST);
      for (const [id, version] of batch) cache.inFlight.set(id, version);
      const settle = (views: AnnotationView[] | null) => {
        // Read under another group or role: dropped.
        if (store.current !== cache) return;
        const byId = new Map(views?.map((view) => [view.id, view]));
        for (const [id, version] of batch) {
          if (cache.inFlight.get(id) === version) cache.inFlight.delete(id);
          const entry = cache.entries.get(id) ?? { version: null, view: null, failed: null, gone: null };
          const view = byId.get(id);
          if (view) cache.entries.set(id, { version, view, failed: null, gone: null });
          else if (views) cache.entries.set(id, { ...entry, gone: version });
          else cache.entries.set(id, { ...entry, failed: version });
        }
        publish(cache);
      };
      fetchAnnotationCards(
        sourceSlug,
        group,
        batch.map(([id]) => id),
      ).then(settle, () => settle(null));
    }
  }, [current, sourceSlug, group, publish]);

  const load = useCallback(
    (summaries: readonly AnnotationSummary[]) => {
      const cache = current();
      for (const { id } of summaries) {
        const entry = cache.entries.get(id);
        if (entry?.version === version && entry.view) continue;
        if (entry?.failed === version || entry?.gone === version) continue;
        if (cache.inFlight.get(id) === version || cache.pending.get(id) === version) continue;
        cache.pending.set(id, version);
      }
      if (cache.pending.size > 0 && !cache.flushScheduled) {
        cache.flushScheduled = true;
        // Every list drawn in this render (the main one, orphans, a reveal) in one request.
        queueMicrotask(flush);
      }
    },
    [current, flush, version],
  );

  const retry = useCallback(() => {
    const cache = current();
    for (const [id, entry] of cache.entries) {
      if (entry.failed !== null) cache.entries.set(id, { ...entry, failed: null });
    }
    publish(cache);
  }, [current, publish]);

  const put = useCallback(
    (view: AnnotationView) => {
      const cache = current();
      cache.entries.set(view.id, { version: null, view, failed: null, gone: null });
      publish(cache);
    },
    [current, publish],
  );

  const names = useMemo(() => new Map(people.map((person) => [person.id, person.name])), [people]);

  return useMemo<AnnotationCards>(
    () => ({
      stateOf: (summary) => {
        // Entries read under another group or role are never shown.
        const entry = snapshot.key === key ? snapshot.entries.get(summary.id) : undefined;
        if (entry?.view) {
          return { status: "ready", view: entry.view, stale: entry.version !== version };
        }
        if (entry?.gone === version) return { status: "gone" };
        if (entry?.failed === version) return { status: "error" };
        return { status: "loading" };
      },
      load,
      retry,
      put,
      names,
    }),
    [snapshot, key, load, retry, put, names, version],
  );
}

interface Store {
  key: string;
  entries: Map<string, Entry>;
  /** Versions being fetched, by id. */
  inFlight: Map<string, string>;
  /** Versions asked for in this render, fetched together once it is done. */
  pending: Map<string, string>;
  flushScheduled: boolean;
}

interface Snapshot {
  key: string;
  entries: ReadonlyMap<string, Entry>;
}

const EMPTY_SNAPSHOT: Snapshot = { key: "", entries: new Map() };

function newStore(key: string): Store {
  return { key, entries: new Map(), inFlight: new Map(), pending: new Map(), flushScheduled: false };
}

export const AnnotationCardsContext = createContext<AnnotationCards | null>(null);

export function useCards(): AnnotationCards {
  const cards = useContext(AnnotationCardsContext);
  if (!cards) throw new Error("useCards() is used outside AnnotationPanel");
  return cards;
}
