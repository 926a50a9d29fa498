import type { AnchorView } from "../types.ts";

/**
 * Anchored annotations by position (longer first where they start together), then orphans; on the
 * same place, by id (made in order, so older first). A total order: the list and the index, whose
 * parts are read apart, come out the same, and so does an index the reader brings up to date with
 * the changes since the one they hold (apply-delta.ts). Pure: the server and the reader sort alike.
 */
export function textOrder(
  a: { id: string; anchor: AnchorView },
  b: { id: string; anchor: AnchorView },
): number {
  const orphans = Number(a.anchor.status === "orphan") - Number(b.anchor.status === "orphan");
  if (orphans !== 0) return orphans;
  if (a.anchor.status === "anchored" && b.anchor.status === "anchored") {
    const byPlace = a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end;
    if (byPlace !== 0) return byPlace;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
