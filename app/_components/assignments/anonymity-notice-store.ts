/**
 * Anonymous to peers, between the assignment banner (which fetches the reader's assignments) and the
 * composer (which tells a student, before they post on an assigned sentence, who will see their
 * name): the banner sets the assigned ranges of the anonymous assignments on this source with the
 * student's pseudonym; the composer reads it with useSyncExternalStore. Empty: none (or staff).
 */
export interface AnonymousReading {
  /** The pseudonym's number ("Student 7"). */
  pseudonym: number;
  /** Assigned sentences (null: the whole source). */
  ranges: readonly { firstSentence: number | null; lastSentence: number | null }[];
}

let current: readonly AnonymousReading[] = [];
const listeners = new Set<() => void>();

export function setAnonymousReadings(readings: readonly AnonymousReading[]): void {
  if (JSON.stringify(readings) === JSON.stringify(current)) return;
  current = readings;
  for (const listener of listeners) listener();
}

export function getAnonymousReadings(): readonly AnonymousReading[] {
  return current;
}

export function subscribeAnonymousReadings(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const NONE: readonly AnonymousReading[] = [];
/** The server's snapshot (no assignments known): nothing anonymous. */
export function getNoAnonymousReadings(): readonly AnonymousReading[] {
  return NONE;
}

/** The pseudonym a draft on sentences `first` to `last` is posted under, if it touches an anonymous reading. */
export function pseudonymForSentences(
  readings: readonly AnonymousReading[],
  first: number,
  last: number,
): number | null {
  for (const reading of readings) {
    for (const range of reading.ranges) {
      if (range.firstSentence === null || (first <= range.lastSentence! && last >= range.firstSentence)) {
        return reading.pseudonym;
      }
    }
  }
  return null;
}
