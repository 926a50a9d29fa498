"use client";

import { createContext, useContext, useMemo, useState, useSyncExternalStore } from "react";
import {
  MAX_CARDS_PER_REQUEST,
  type AnnotationSummary,
  type AnnotationView,
  type PersonView,
} from "@/lib/annotations/types";
import { fetchAnnotationCards } from "./api-client";
import { CardStore, cardStateOf, type CardState } from "./card-store";

export type { CardState } from "./card-store";

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

/** A scope names the source, group and role: "slug\ngroup\nrole". */
function scopeOf(sourceSlug: string, group: string, role: string): string {
  return `${sourceSlug}\n${group}\n${role}`;
}

function fetchInScope(scope: string, ids: string[]): Promise<AnnotationView[]> {
  const [sourceSlug = "", group = ""] = scope.split("\n");
  return fetchAnnotationCards(sourceSlug, group, ids);
}

/**
 * The panel's cards (data/card-store.ts), for the index the panel shows: its source, group, the
 * reader's role in it (`role`) and its version.
 */
export function useAnnotationCards(
  sourceSlug: string,
  group: string,
  role: string,
  /** The index's version: cards fetched under another one are out of date. */
  version: string,
  people: readonly PersonView[],
): AnnotationCards {
  const [store] = useState(() => new CardStore(fetchInScope, MAX_CARDS_PER_REQUEST));
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const scope = scopeOf(sourceSlug, group, role);
  const names = useMemo(() => new Map(people.map((person) => [person.id, person.name])), [people]);

  return useMemo<AnnotationCards>(
    () => ({
      stateOf: (summary) => cardStateOf(snapshot, scope, version, summary.id),
      load: (summaries) => store.load(scope, summaries, version),
      retry: () => store.retry(scope),
      put: (view) => store.put(scope, view),
      names,
    }),
    [snapshot, store, scope, version, names],
  );
}

export const AnnotationCardsContext = createContext<AnnotationCards | null>(null);

export function useCards(): AnnotationCards {
  const cards = useContext(AnnotationCardsContext);
  if (!cards) throw new Error("useCards() is used outside AnnotationPanel");
  return cards;
}
