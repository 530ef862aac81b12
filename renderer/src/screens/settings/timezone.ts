/** Offsets the contract accepts (minutes east of UTC): UTC−14:00 to UTC+14:00. */
export const OFFSET_LIMIT_MINUTES = 840;

/** Every real-world offset is a whole quarter hour; UTC−12:00 to UTC+14:00 covers them all. */
export function offsetChoices(current: number): number[] {
  const out: number[] = [];
  for (let m = -720; m <= OFFSET_LIMIT_MINUTES; m += 15) out.push(m);
  if (!out.includes(current)) out.push(current);
  return out.sort((a, b) => a - b);
}

/** "UTC+08:00", "UTC−03:30": how offsets are written on the bench. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

/** This computer's offset now (getTimezoneOffset counts minutes west, the core minutes east). */
export function computerOffset(date = new Date()): number {
  const west = date.getTimezoneOffset();
  return west === 0 ? 0 : -west;
}
