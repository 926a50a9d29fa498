import "server-only";
import { sharedChangesTo, type SharedPartScope } from "./shared-part.ts";
import { packIndex, type SharedChanges } from "./wire.ts";

/** Most states passed that an event names (SharedChanges.via): the latest ones. */
const MAX_VIA = 32;

/**
 * The tier's shared threads changed from state `from` to `to`, packed as the index packs threads
 * (marked shared), with their authors' names; null when they cannot be told (this instance no
 * longer took the steps from `from` to `to` nor keeps both parts, or a thread is gone).
 */
export async function sharedChangesBetween(
  scope: SharedPartScope,
  from: string,
  to: string,
  version: string,
): Promise<SharedChanges | null> {
  const changes = await sharedChangesTo(scope, from, to);
  if (!changes || changes.removed.length > 0) return null;
  const packed = packIndex({ people: changes.people, annotations: [...changes.changed] });
  const via = changes.via.slice(-MAX_VIA);
  return {
    version,
    from,
    base: to,
    people: packed.people,
    annotations: packed.annotations,
    ...(via.length > 0 && { via }),
  };
}
