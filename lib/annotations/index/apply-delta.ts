import { countSentences } from "../count-sentences.ts";
import type { AnnotationIndexDelta, AnnotationIndexView, AnnotationSummary, PersonView } from "../types.ts";
import { leadsOnFrom } from "./live-chain.ts";
import { textOrder } from "./text-order.ts";

/**
 * The index `delta` describes, made from the one the reader holds: its shared threads, less those
 * gone or sent again, with the threads sent (the shared ones changed, and the reader's own part and
 * withheld threads whole), in text order, counted again. Null when `current` is not the index the
 * delta was made against (another shared state): the reader then asks for the whole index. Pure:
 * the reader's client applies it, the integration tests check it gives the index the server sends.
 */
export function applyIndexDelta(
  current: AnnotationIndexView,
  delta: AnnotationIndexDelta,
): AnnotationIndexView | null {
  if (current.base === undefined || current.base !== delta.delta.from) return null;
  const replaced = new Set(delta.delta.removed);
  for (const summary of delta.annotations) if (summary.shared) replaced.add(summary.id);
  const annotations = [
    ...current.annotations.filter((summary) => summary.shared && !replaced.has(summary.id)),
    ...delta.annotations,
  ];
  annotations.sort(textOrder);
  const named = new Set(annotations.map((summary) => summary.authorId));
  const people = new Map([...current.people, ...delta.people].map((person) => [person.id, person]));
  const { delta: _changes, ...view } = delta;
  return {
    ...view,
    people: [...people.values()].filter((person) => named.has(person.id)),
    annotations,
    sentenceCounts: countSentences(annotations),
  };
}

/**
 * The index of `changes.version`, made from the one the reader holds in shared state `changes.from`
 * (or one of the states `changes.via` it passed: live-chain.ts)
 * with the shared threads added or changed (a live `changes` event: nothing was removed), and the
 * reader's own added or changed when theirs changed too (`ownCount`): each thread sent replaces the
 * one of the same id (a withheld placeholder too, when its thread became readable again). Null when
 * `current` is in another state, or holds another number of the reader's own than `ownCount` (one
 * of theirs is gone): the reader then fetches the index.
 */
export function applySharedChanges(
  current: AnnotationIndexView,
  changes: {
    version: string;
    from: string;
    via?: readonly string[];
    base: string;
    people: PersonView[];
    annotations: AnnotationSummary[];
    ownCount?: number;
  },
): AnnotationIndexView | null {
  if (!leadsOnFrom(changes, current.base)) return null;
  const replaced = new Set(changes.annotations.map((summary) => summary.id));
  const annotations = [
    ...current.annotations.filter((summary) => !replaced.has(summary.id)),
    ...changes.annotations,
  ];
  // Fewer or more of the reader's own than their part now holds: one of theirs is gone, so the
  // changes do not make the index of `version`.
  if (changes.ownCount !== undefined && annotations.filter((a) => a.mine).length !== changes.ownCount) {
    return null;
  }
  annotations.sort(textOrder);
  const people = new Map([...current.people, ...changes.people].map((person) => [person.id, person]));
  const named = new Set(annotations.map((summary) => summary.authorId));
  return {
    ...current,
    version: changes.version,
    base: changes.base,
    people: [...people.values()].filter((person) => named.has(person.id)),
    annotations,
    sentenceCounts: countSentences(annotations),
  };
}
