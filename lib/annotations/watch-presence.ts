import "server-only";
import { presentAs } from "@/lib/assignments/anonymity";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";
import {
  forgetStale,
  markAbsent,
  markPresent,
  PRESENCE_INTERVAL_MS,
  readingNow,
  type PresenceRow,
} from "@/lib/live/presence";
import type { PersonView } from "./types.ts";
import { watches, type Reader, type SourceWatch } from "./watch-state.ts";

/**
 * Who reads a source now, for the readers this instance follows (watch-annotations.ts): a reader
 * arriving or leaving is marked in the database and announced, so every instance's readers of the
 * source hear who of their group reads with them (named as the anonymity rules say); every
 * PRESENCE_INTERVAL_MS all of this instance's readers are marked present in one statement, so those
 * of an instance that went away drop out of the others' lists.
 */

/** Someone came or went: the others hear of it after this (arrivals together make one look). */
const PRESENCE_SETTLE_MS = 500;

/** A reader with a group opened the source here: marked present, and everyone reading it hears. */
export function arrived(source: SourceWatch, reader: Reader): void {
  presenceEvery();
  if (reader.groupId === null) {
    presenceSoon(source);
    return;
  }
  const row = { userId: reader.actor.userId, sourceId: source.sourceId, groupId: reader.groupId };
  void markPresent([row])
    .then(() => announceAnnotationChange({ sourceId: source.sourceId, groupId: row.groupId, presence: true }))
    .catch((error: unknown) => console.error("[glossa] could not mark a reader present:", error));
}

/** A reader's last connection here closed: unmarked, and the others hear. */
export function left(source: SourceWatch, reader: Reader): void {
  if (reader.groupId === null) return;
  const row = { userId: reader.actor.userId, sourceId: source.sourceId, groupId: reader.groupId };
  void markAbsent(row)
    .then(() => announceAnnotationChange({ sourceId: source.sourceId, groupId: row.groupId, presence: true }))
    .catch((error: unknown) => console.error("[glossa] could not mark a reader gone:", error));
}

export function presenceSoon(source: SourceWatch): void {
  source.presenceTimer ??= setTimeout(() => {
    source.presenceTimer = null;
    void tellWhoReads(source);
  }, PRESENCE_SETTLE_MS);
}

/**
 * Every PRESENCE_INTERVAL_MS while this instance holds readers: all of them marked present in one
 * statement, then each source's readers told who reads with them (one query per source), so that
 * readers whose instance went away drop out of the others' lists.
 */
function presenceEvery(): void {
  if (watches.presenceTicker) return;
  let ticks = 0;
  watches.presenceTicker = setInterval(() => {
    if (watches.sources.size === 0) {
      clearInterval(watches.presenceTicker!);
      watches.presenceTicker = null;
      return;
    }
    const rows: PresenceRow[] = [];
    for (const source of watches.sources.values()) {
      for (const reader of source.readers.values()) {
        if (reader.groupId !== null) {
          rows.push({ userId: reader.actor.userId, sourceId: source.sourceId, groupId: reader.groupId });
        }
      }
    }
    const forget = ++ticks % 20 === 0 ? forgetStale() : null;
    void Promise.all([markPresent(rows), forget])
      .then(() => Promise.all([...watches.sources.values()].map(tellWhoReads)))
      .catch((error: unknown) => console.error("[glossa] could not mark readers present:", error));
  }, PRESENCE_INTERVAL_MS);
  watches.presenceTicker.unref?.();
}

/** Tells each reader of the source here who else of their group reads it now, when that changed. */
async function tellWhoReads(source: SourceWatch): Promise<void> {
  const readers = [...source.readers.values()];
  const groups = [...new Set(readers.flatMap((reader) => reader.groupId ?? []))];
  let present: Map<string, PersonView[]>;
  try {
    present = await readingNow(source.sourceId, groups);
  } catch (error) {
    console.error("[glossa] could not read who reads a source:", error);
    return;
  }
  for (const reader of readers) {
    let people = (reader.groupId === null ? [] : (present.get(reader.groupId) ?? [])).filter(
      (person) => person.id !== reader.actor.userId,
    );
    if (reader.groupId !== null && people.length > 0) {
      // Anonymous to peers: classmates reading with a student are named by their pseudonyms.
      const shown = await presentAs(
        reader.actor,
        reader.list.memberships,
        reader.groupId,
        source.sourceId,
        people,
      ).catch((error: unknown) => {
        console.error("[glossa] could not read pseudonyms for who reads a source:", error);
        return null;
      });
      // Not knowing how to show them, the reader is told nothing new (never their names).
      if (!shown) continue;
      people = shown;
    }
    const json = JSON.stringify(people);
    if (json === reader.presence.json) continue;
    reader.presence = { json, people };
    for (const sink of [...reader.sinks]) sink.presence(reader.slug, people);
  }
}
