import type { Language } from './index.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A moment as the shop's clock shows it (the shop's time zone, ShopSettings.timeZoneOffsetMinutes,
 * not this computer's): "10:25" on the shop's today, else with the day ("3 Dec 10:25").
 */
export function shopTime(at: number, offsetMinutes: number, language: Language, now: number = Date.now()): string {
  const local = at + offsetMinutes * MINUTE;
  const sameDay = Math.floor(local / DAY) === Math.floor((now + offsetMinutes * MINUTE) / DAY);
  // The moment shifted into the shop's zone, then read as UTC: no daylight saving guesswork.
  const format = new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
  });
  return format.format(new Date(local));
}
