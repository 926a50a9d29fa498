import "server-only";
import { sharedChangesWithheldOn } from "@/lib/auth/policy";
import { ownWhere, type OwnStates } from "./annotation-tags.ts";
import { ownChangesOf, type OwnChanges } from "./index/own-changes.ts";
import { partStatesByAuthor } from "./index/part.ts";
import type { Reader } from "./watch-state.ts";

/**
 * The live passes' reads of their writers' own work, together (watch-annotations.ts): a class
 * writing is a class of writers, and one statement for all of them serves what one each would.
 */

/** A writer's own work read with the others' (ownReadTogether): their states, and the changes to them. */
export interface OwnRead {
  own: OwnStates;
  /** Their threads added or changed since the state they hold (ownChangesBetween); absent: unmoved. */
  changes?: Promise<OwnChanges | null>;
}

/**
 * The own work of the pass's readers who wrote only new threads (the usual burst of a class
 * writing: AnnotationChange.threadAdded, each their own), read for all of them together: the state
 * of each one's own part in one statement, and the threads that moved it in two more, where each
 * reader's turn would otherwise ask three (tell). The readers it leaves out are read in their turn
 * as before: those opened again or checked again, those who hold no states yet, whose shared
 * changes are withheld, or who read the source in more than one group here.
 */
export async function ownReadTogether(
  sourceId: string,
  concerned: readonly Reader[],
  pass: {
    authors: ReadonlySet<string> | "all";
    threadsOnly: boolean;
    recheck: ReadonlySet<Reader>;
    reopen: ReadonlySet<Reader>;
  },
): Promise<Map<Reader, OwnRead>> {
  const { authors, threadsOnly, recheck, reopen } = pass;
  if (authors === "all" || !threadsOnly) return new Map();
  const mine = concerned.filter((reader) => authors.has(reader.actor.userId));
  const entries = new Map<string, number>();
  for (const reader of mine) entries.set(reader.actor.userId, (entries.get(reader.actor.userId) ?? 0) + 1);
  const writers = mine.flatMap((reader) => {
    return entries.get(reader.actor.userId) === 1 &&
      reader.own &&
      reader.sinks.size > 0 &&
      !recheck.has(reader) &&
      !reopen.has(reader) &&
      !withholds(reader)
      ? [{ reader, held: reader.own }]
      : [];
  });
  if (writers.length === 0) return new Map();
  const states = await partStatesByAuthor(
    { id: sourceId },
    new Map(writers.map(({ reader }) => [reader.actor.userId, ownWhere(reader.list, reader.actor.userId)])),
  );
  const read = new Map<Reader, OwnRead>();
  const moved: { reader: Reader; held: OwnStates; own: OwnStates }[] = [];
  for (const { reader, held } of writers) {
    const own = { ...held, own: states.get(reader.actor.userId)! };
    read.set(reader, { own });
    if (own.own !== held.own) moved.push({ reader, held, own });
  }
  if (moved.length > 0) {
    const changes = ownChangesOf(
      { id: sourceId },
      moved.map(({ reader, held, own }) => ({
        list: reader.list,
        userId: reader.actor.userId,
        from: held.own,
        to: own.own,
      })),
    );
    for (const { reader } of moved) {
      const theirs = changes.then((found) => found.get(reader.actor.userId) ?? null);
      // Awaited only in turns that tell changes: a failure is that turn's (tell), never unhandled.
      theirs.catch(() => {});
      read.set(reader, { ...read.get(reader)!, changes: theirs });
    }
  }
  return read;
}

/**
 * Whether the tier's shared changes are not the reader's to hear: peers' notes on the source are
 * withheld from them (reveal after posting) or shown under pseudonyms (anonymous to peers).
 */
export function withholds(reader: Reader): boolean {
  return sharedChangesWithheldOn(reader.list.memberships, reader.list.group?.id, reader.list.source.id);
}
