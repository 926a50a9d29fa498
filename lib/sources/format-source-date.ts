import type { Locale } from "./types.ts";

const DATE_LOCALES: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

/**
 * A source's ISO date (YYYY-MM-DD) as readers of `locale` write it: "17 września 1939",
 * "17 September 1939". Read as a calendar date in UTC, so no time zone can shift the day.
 * English uses British day-month order, as the sources' own metadata does. An unparseable value is
 * returned unchanged.
 */
export function formatSourceDate(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}
