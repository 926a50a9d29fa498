import type { OwnChanges } from "./own-changes.ts";
import { packIndex, unpackThreads, type SharedChanges } from "./wire.ts";

/**
 * What a reader is told with a new version (watch-annotations.ts's tell), from the tier's shared
 * changes `found` (one read for all the tier's readers) and whether their own part moved (`own`:
 * with its changes, when they could be read). Null: the version goes alone and the reader fetches.
 *
 * The reader's index holds their own threads from their own part, marked as theirs; the tier's part
 * holds them too, as anyone's. So the shared copies of theirs are always left out:
 *  - their own part stood still: a thread of theirs in the shared changes is one the tier's part
 *    caught up with since their own part told it (a burst of the class's writes, read in one go);
 *  - their own part moved: their own changes go with the shared ones, with how many of theirs the
 *    index then holds (`ownCount`), or, if those could not be read, nothing.
 * Pure: given its reads, the same for every instance.
 */
export function changesForReader(
  found: SharedChanges | null,
  own: { moved: boolean; changes: OwnChanges | null },
  userId: string,
  version: string,
): SharedChanges | null {
  if (!found) return null;
  if (own.moved) return own.changes ? withOwnChanges(found, own.changes, userId, version) : null;
  const holdsTheirs = found.annotations.authors.some((place) => found.people[place]?.id === userId);
  return holdsTheirs ? withOwnChanges(found, null, userId, version) : { ...found, version };
}

/** `found` without the reader's shared threads, with their own changes (`own`) when given. */
function withOwnChanges(
  found: SharedChanges,
  own: OwnChanges | null,
  userId: string,
  version: string,
): SharedChanges {
  const shared = unpackThreads(found.annotations, found.people).filter((a) => a.authorId !== userId);
  const annotations = [...shared, ...(own?.annotations ?? [])];
  const named = new Set(annotations.map((a) => a.authorId));
  const people = [...new Map([...found.people, ...(own?.people ?? [])].map((p) => [p.id, p])).values()];
  const packed = packIndex({ people: people.filter((p) => named.has(p.id)), annotations });
  return {
    ...found,
    version,
    people: packed.people,
    annotations: packed.annotations,
    ...(own && { ownCount: own.count }),
  };
}
