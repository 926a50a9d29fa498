"use client";

import { useFormatter, useNow } from "next-intl";

/** How often relative times ("5 minutes ago") are brought up to date. */
const UPDATE_EVERY_MS = 60_000;

/** Older than this, a date is written out instead of "… days ago". */
const RELATIVE_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/** A moment as "3 hours ago" (recent) or a date, with the full date and time as its tooltip. */
export function RelativeTime({ iso }: { iso: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: UPDATE_EVERY_MS });
  const date = new Date(iso);
  const full = format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  const recent = Math.abs(now.getTime() - date.getTime()) < RELATIVE_FOR_MS;
  return (
    <time dateTime={iso} title={full}>
      {recent ? format.relativeTime(date, now) : format.dateTime(date, { dateStyle: "medium" })}
    </time>
  );
}
