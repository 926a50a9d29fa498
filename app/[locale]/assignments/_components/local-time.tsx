"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useHydrated } from "../../../_components/citations/use-hydrated";

/**
 * A date and time in the reader's own time zone, with the zone's name. The server renders it in
 * `zone` (the instructor's), and the browser then shows it in its own zone.
 */
export function LocalTime({ iso, zone }: { iso: string; zone: string }) {
  const locale = useLocale();
  // The reader's zone is known only in the browser, after hydration.
  const shownZone = useHydrated() ? Intl.DateTimeFormat().resolvedOptions().timeZone : zone;
  const text = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: shownZone,
    timeZoneName: "short",
  }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "Due in 2 days" or "Due 3 hours ago", counted in the browser (the page may be old). */
export function TimeLeft({ iso }: { iso: string }) {
  const locale = useLocale();
  const t = useTranslations("assignments");
  const hydrated = useHydrated();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  // The server's clock and the page's age would make any figure wrong: shown once in the browser.
  if (!hydrated) return null;
  const left = new Date(iso).getTime() - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(left) >= ms) ?? UNITS[2]!;
  const amount = Math.round(left / size);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(amount, unit);
  return (
    <span>{left >= 0 ? t("dueRelative", { when: relative }) : t("overdueRelative", { when: relative })}</span>
  );
}
