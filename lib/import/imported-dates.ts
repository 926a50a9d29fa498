import type { IncomingAnnotation } from "./incoming-annotation.ts";

/** Dates before this are no annotation's (a file's mistake, or a year 0 meant as "unknown"). */
const EARLIEST_DATE = Date.UTC(1990, 0, 1);
/** A clock a little ahead of this server's is still believed; further, the date is not. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * The dates an entry's file gives it (W3C `created` / `modified`, Hypothesis's `created` /
 * `updated`), as ISO 8601 in UTC, each kept only when it is a date that can be one (from 1990 until
 * now), and the last change never before the writing: a date that cannot be is left out (the note
 * arrives dated now), never refused.
 */
export function importedDates(entry: Pick<IncomingAnnotation, "created" | "modified">): {
  importedCreatedAt: string | null;
  importedModifiedAt: string | null;
} {
  const created = plausibleDate(entry.created);
  const modified = plausibleDate(entry.modified);
  return {
    importedCreatedAt: created === null ? null : new Date(created).toISOString(),
    importedModifiedAt:
      modified === null || (created !== null && modified <= created)
        ? null
        : new Date(modified).toISOString(),
  };
}

function plausibleDate(value: string | null): number | null {
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= EARLIEST_DATE && time <= Date.now() + CLOCK_SKEW_MS ? time : null;
}
