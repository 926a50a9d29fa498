import "server-only";
import { sharedPart, sharedPartChanges, type SharedPartScope } from "./shared-part.ts";
import { packIndex, type SharedChanges } from "./wire.ts";

/**
 * The tier's shared threads changed from state `from` to `to`, packed as the index packs threads
 * (marked shared), with their authors' names; null when they cannot be told (this instance no
 * longer keeps the part in `from`, the part read is another state than `to`, or a thread is gone).
 */
export async function sharedChangesBetween(
  scope: SharedPartScope,
  from: string,
  to: string,
  version: string,
): Promise<SharedChanges | null> {
  const now = await sharedPart(scope, to);
  if (now.state !== to) return null;
  const changes = sharedPartChanges(scope, from, now);
  if (!changes || changes.removed.length > 0) return null;
  const named = new Set(changes.changed.map((summary) => summary.authorId));
  const packed = packIndex({
    people: now.people.filter((person) => named.has(person.id)),
    annotations: [...changes.changed],
  });
  return { version, from, base: to, people: packed.people, annotations: packed.annotations };
}
