import { leadsOnFrom } from "./live-chain.ts";

/**
 * A reader's page fetches its index while the class writes: the live events heard while the fetch
 * was on its way are kept, and when its answer comes they bring it up to the last of them — the
 * changes sent with each (apply-delta.ts's applySharedChanges), in order, from the state the
 * answer holds — instead of fetching once more. Pure: the page (use-index-sync.ts) and the live
 * benchmark (tests/bench/live.ts) both decide with it.
 */

/** What catching up needs of live changes: the states they lead from (or pass) and to. */
type LiveChangesShape = { from: string; via?: readonly string[]; base: string };

/** A live event: a new version of the reader's index, with the changes that make it when sent. */
export interface HeardVersion<Changes extends LiveChangesShape> {
  version: string;
  changes?: Changes | null;
}

/**
 * What to apply, in order, to the index just fetched (version `etag`, shared state `base`) to reach
 * the last version heard while it was on its way; null when the events cannot take it there (one
 * came without its changes, or they do not lead on from the state fetched): fetch again.
 *
 * The answer may hold some of the events already (those up to the last one whose version it has),
 * or none; the rest must follow one another from its state.
 */
export function changesToCatchUp<Changes extends LiveChangesShape>(
  etag: string | null,
  base: string | undefined,
  heard: readonly HeardVersion<Changes>[],
): { apply: Changes[]; version: string | null } | null {
  const last = heard.at(-1);
  if (!last || last.version === etag) return { apply: [], version: etag };
  if (base === undefined) return null;
  let next = 0;
  for (let i = heard.length - 1; i >= 0; i--) {
    if (heard[i]!.version === etag) {
      next = i + 1;
      break;
    }
  }
  const apply: Changes[] = [];
  let state = base;
  for (const { changes } of heard.slice(next)) {
    if (!changes || !leadsOnFrom(changes, state)) return null;
    apply.push(changes);
    state = changes.base;
  }
  return { apply, version: last.version };
}
