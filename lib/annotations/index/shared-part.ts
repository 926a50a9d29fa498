import "server-only";
import { groupSharedReadWhere, type ReadingTier } from "@/lib/auth/policy";
import { onAnnotationChange, type AnnotationChange } from "@/lib/live/annotation-changes";
import { sharedIndexPart } from "./cache.ts";
import { partState, readIndexPart, type IndexPart, type PartScope } from "./part.ts";

/**
 * The part of a group's index that every member of a reading tier reads (`groupSharedReadWhere`):
 * read once per change of the group and kept by this instance (cache.ts), each reader adding
 * their own annotations to it. After a change in a group, the parts this instance kept for it are
 * read again at once, before anyone asks: the next member to open the source finds theirs ready.
 */
export interface SharedPartScope extends PartScope {
  groupId: string;
  tier: ReadingTier;
}

/** The state of what a tier shares in a group (partState): what its part is kept under. */
export function sharedState(scope: Pick<SharedPartScope, "source" | "groupId" | "tier">): Promise<string> {
  return partState(scope.source, groupSharedReadWhere(scope.groupId, scope.tier));
}

/**
 * The tier's part in `state` (sharedState): kept, being read for another member, or read now. A
 * part is kept under the state of the rows it was read from, not under `state`: a change committed
 * after `state` was read and before the rows were would otherwise leave newer rows under an older
 * state, served again the moment the group returns to it (a note shared, then made private again).
 * So the part returned may be newer than `state`: its own `state` says which it is.
 */
export function sharedPart(scope: SharedPartScope, state: string): Promise<IndexPart> {
  keepUpToDate(scope);
  const key = (state: string) =>
    [scope.source.id, scope.groupId, scope.tier, scope.edition.id, state].join("|");
  return sharedIndexPart(
    key(state),
    () =>
      readIndexPart(
        scope,
        groupSharedReadWhere(scope.groupId, scope.tier),
        { groupId: scope.groupId },
        false,
      ),
    (part) => key(part.state),
  );
}

/** The parts this instance read lately, by source, group and tier (least recently read out first). */
const MAX_KEPT_UP_TO_DATE = 256;
const keptUpToDate = new Map<string, SharedPartScope>();
let listening = false;

function keepUpToDate(scope: SharedPartScope): void {
  const key = `${scope.source.id}|${scope.groupId}|${scope.tier}`;
  keptUpToDate.delete(key);
  keptUpToDate.set(key, scope);
  if (keptUpToDate.size > MAX_KEPT_UP_TO_DATE) keptUpToDate.delete(keptUpToDate.keys().next().value!);
  if (!listening) {
    listening = true;
    onAnnotationChange(readAgain);
  }
}

/** Reads in the background, until they end. */
const reading = new Set<Promise<unknown>>();
/**
 * Parts being read again, by source, group and tier; `true`: changed again meanwhile, so read once
 * more when this read ends. However many changes come, a part is read at most once at a time, with
 * at most one read waiting: a burst of writes costs two reads, not one each.
 */
const rereading = new Map<string, boolean>();

/** A change in a group (made on any instance): its parts here are read again in the background. */
function readAgain(change: AnnotationChange): void {
  if (change.groupId === null) return;
  for (const [key, scope] of keptUpToDate) {
    if (scope.source.id !== change.sourceId || scope.groupId !== change.groupId) continue;
    if (rereading.has(key)) rereading.set(key, true);
    else reread(key, scope);
  }
}

function reread(key: string, scope: SharedPartScope): void {
  rereading.set(key, false);
  const read = sharedState(scope)
    .then((state) => sharedPart(scope, state))
    .catch((error: unknown) => {
      // Only a head start: the next reader reads it themselves.
      console.error("[glossa] could not read a group's index again after a change:", error);
    })
    .finally(() => {
      reading.delete(read);
      const again = rereading.get(key);
      rereading.delete(key);
      if (again) reread(key, scope);
    });
  reading.add(read);
}

/** Waits for the background reads under way (before the database connection is closed). */
export async function backgroundReadsDone(): Promise<void> {
  // A read that ends may start the one that waited.
  while (reading.size > 0) await Promise.allSettled([...reading]);
}
