/**
 * Wall-clock times in an IANA time zone, for due dates typed by an instructor ("10:00 in Warsaw")
 * and stored as UTC instants. Pure: uses only Intl.
 */

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/Warsaw", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/u;

/** The offset of `zone` from UTC at the instant `utcMs`, in milliseconds (Warsaw in winter: +3600000). */
function zoneOffset(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time ("2026-12-05T10:00", as a datetime-local input gives it) in
 * `zone`, or null when the text is not such a time. A time skipped by a clock change is read with
 * the offset before the change; one repeated is read as its first occurrence.
 */
export function zonedTimeToUtc(local: string, zone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match || !isTimeZone(zone)) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  // Two passes settle the offset near a clock change.
  let utc = wall - zoneOffset(wall, zone);
  utc = wall - zoneOffset(utc, zone);
  return new Date(utc);
}

/** The wall-clock time of `instant` in `zone`, as a datetime-local input takes it. */
export function utcToZonedTime(instant: Date, zone: string): string {
  const local = new Date(instant.getTime() + zoneOffset(instant.getTime(), zone));
  return local.toISOString().slice(0, 16);
}
