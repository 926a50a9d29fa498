import type { RevisionsState } from "./revision-history";

/** An opened history: what was read, and the entry's `editedAt` when it was asked for. */
export interface OpenHistory {
  state: RevisionsState;
  editedAt: string | null;
}

/**
 * What an entry's history panel shows now that the entry may have changed under it (another reader's
 * edit or deletion arrives with the live index): nothing once the entry is deleted (its earlier
 * versions are deleted with it, and must not stay on screen until a reload), and the versions read
 * so far, to be asked for again (`reload`), once it was edited since they were read. Pure.
 */
export function historyOnShow(
  entry: { deleted: boolean; editedAt: string | null },
  open: OpenHistory | null,
): { state: RevisionsState | null; reload: boolean } {
  if (!open || entry.deleted) return { state: null, reload: false };
  const reload = open.state.status !== "loading" && open.editedAt !== entry.editedAt;
  return { state: open.state, reload };
}
