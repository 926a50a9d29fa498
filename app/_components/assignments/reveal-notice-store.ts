/**
 * Reveal after posting, between the assignment banner (which fetches the reader's assignments) and
 * the annotation panel (which says why classmates' notes are missing): the banner sets how many of
 * their own notes the student still has to post on this source to see them, the panel reads it with
 * useSyncExternalStore. Null: nothing withheld (or not known).
 */
export interface RevealNotice {
  /** The assignment's minimum, to post on the reading. */
  required: number;
}

let current: RevealNotice | null = null;
const listeners = new Set<() => void>();

export function setRevealNotice(notice: RevealNotice | null): void {
  if (current?.required === notice?.required) return;
  current = notice;
  for (const listener of listeners) listener();
}

export function getRevealNotice(): RevealNotice | null {
  return current;
}

export function subscribeRevealNotice(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
