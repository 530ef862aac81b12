const DAY_MS = 86_400_000;

/** The core's default export window (core/features/exporting.ts: EXPORT_DEFAULT_DAYS). */
export const EXPORT_DEFAULT_DAYS = 90;

/** The calendar day (YYYY-MM-DD) an instant falls on in the shop's time zone (minutes east of UTC). */
export function shopDay(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The instant a shop day starts, or null for text that is not a day. */
export function dayStart(day: string, offsetMinutes: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2025-02-31 over into March: such a day is not a day.
  if (new Date(utc).toISOString().slice(0, 10) !== day) return null;
  return utc - offsetMinutes * 60_000;
}

/** The instant after a shop day ends: the export's `to` is exclusive, the packer's "to" day inclusive. */
export function dayEnd(day: string, offsetMinutes: number): number | null {
  const start = dayStart(day, offsetMinutes);
  return start === null ? null : start + DAY_MS;
}

/** From the day EXPORT_DEFAULT_DAYS ago to today, in the shop's time zone. */
export function defaultExportDays(now: number, offsetMinutes: number): { from: string; to: string } {
  return { from: shopDay(now - EXPORT_DEFAULT_DAYS * DAY_MS, offsetMinutes), to: shopDay(now, offsetMinutes) };
}
