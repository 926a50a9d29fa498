import type { OrphanReason } from "@/lib/anchoring/selectors";
import type { Rejection } from "./incoming-annotation.ts";

/** What an import did: shown to the importer after it, entry by entry where something went amiss. */
export interface ImportReport {
  format: "web-annotation" | "hypothesis";
  /** Threads imported (each with its place below: exact, moved, fuzzy, or an orphan). */
  imported: number;
  replies: number;
  placed: { exact: number; moved: number; fuzzy: number };
  /** Imported without a place (kept with their quotation, listed apart in the reader). */
  orphans: { index: number; quote: string; source: string; reason: OrphanReason }[];
  /** Entries imported before into the same place: nothing added. */
  duplicates: number;
  rejected: Rejection[];
}
