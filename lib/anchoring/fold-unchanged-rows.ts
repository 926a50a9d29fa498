import type { ComparedRow } from "./compare-editions.ts";

/** Unchanged rows kept on each side of a change, so every change is read in its context. */
export const FOLD_CONTEXT = 2;
/**
 * Fewer unchanged rows than this in a row are all shown: folding away three or four sentences saves
 * less reading than following the link to unfold them costs.
 */
export const FOLD_MINIMUM = 8;

/** A stretch of unchanged rows shown as one line ("42 unchanged sentences"), with the first sentence of each side. */
export interface FoldedRows {
  folded: true;
  /** Names the fold in the address that unfolds it: its first old sentence's number. */
  key: number;
  rows: number;
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newTo: number;
}

export type ShownRow = ComparedRow | FoldedRows;

const unchanged = (row: ComparedRow) => row.changes.length === 0 && row.old.length > 0 && row.new.length > 0;

/**
 * The rows to show: every stretch of at least FOLD_MINIMUM unchanged rows keeps FOLD_CONTEXT rows at
 * each end beside a change (all of them at the text's start and end are folded) and the rest becomes
 * one FoldedRows, unless its key is in `unfolded`. A large edition with a few changes is then a page of
 * changes, not half a million characters of text read before.
 */
export function foldUnchangedRows(rows: readonly ComparedRow[], unfolded: ReadonlySet<number>): ShownRow[] {
  const shown: ShownRow[] = [];
  let k = 0;
  while (k < rows.length) {
    if (!unchanged(rows[k]!)) {
      shown.push(rows[k]!);
      k++;
      continue;
    }
    let end = k;
    while (end < rows.length && unchanged(rows[end]!)) end++;
    const keepBefore = k === 0 ? 0 : FOLD_CONTEXT;
    const keepAfter = end === rows.length ? 0 : FOLD_CONTEXT;
    const from = k + keepBefore;
    const to = end - keepAfter;
    const first = rows[from]?.old[0]?.number;
    if (to - from >= FOLD_MINIMUM && first !== undefined && !unfolded.has(first)) {
      shown.push(...rows.slice(k, from));
      shown.push({
        folded: true,
        key: first,
        rows: to - from,
        oldFrom: first,
        oldTo: rows[to - 1]!.old.at(-1)!.number,
        newFrom: rows[from]!.new[0]!.number,
        newTo: rows[to - 1]!.new.at(-1)!.number,
      });
      shown.push(...rows.slice(to, end));
    } else {
      shown.push(...rows.slice(k, end));
    }
    k = end;
  }
  return shown;
}
