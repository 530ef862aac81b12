import { readDateParts, type DateParts } from './date-parts.js';
import type { DateOrder } from './types.js';

/** Used when nothing in the file tells day-first from month-first; see decideDateOrder. */
export const DEFAULT_DATE_ORDER: DateOrder = 'DMY';

export type DateShape = 'YMD' | 'DMY' | 'MDY' | 'EITHER' | 'BAD';

/** What one cell says about the file's date order. */
export function dateShape(raw: string): DateShape {
  const p = readDateParts(raw);
  if (!p) return 'BAD';
  if (p.aLen === 4) return 'YMD';
  if (p.a > 12 && p.b > 12) return 'BAD';
  if (p.a > 12) return 'DMY';
  if (p.b > 12) return 'MDY';
  return 'EITHER';
}

export interface DateOrderDecision {
  /** How day-first/month-first cells are read. */
  order: DateOrder;
  /** Both day-first and month-first cells were seen: cells wrong under `order` are errors. */
  mixed: boolean;
  /** A cell that proves `order` (empty when none does), quoted in error messages. */
  example: string;
}

/**
 * Decides from the whole file: one day above 12 in the first place proves DMY, in the second
 * place proves MDY. A forced order (the seller's setting) wins over any evidence. When the file
 * holds both kinds the majority is used and the minority cells are reported as bad dates.
 */
export class DateEvidence {
  private readonly count: Record<DateShape, number> = { YMD: 0, DMY: 0, MDY: 0, EITHER: 0, BAD: 0 };
  private firstDmy = '';
  private firstMdy = '';

  add(raw: string): void {
    if (raw === '') return;
    const shape = dateShape(raw);
    if (shape === 'DMY' && this.count.DMY === 0) this.firstDmy = raw;
    if (shape === 'MDY' && this.count.MDY === 0) this.firstMdy = raw;
    this.count[shape]++;
  }

  decide(forced?: DateOrder): DateOrderDecision {
    const { count } = this;
    const mixed = count.DMY > 0 && count.MDY > 0;
    let order: DateOrder;
    if (forced) order = forced;
    else if (count.DMY > 0 || count.MDY > 0) order = count.DMY >= count.MDY ? 'DMY' : 'MDY';
    else order = count.YMD > 0 && count.EITHER === 0 ? 'YMD' : DEFAULT_DATE_ORDER;
    return { order, mixed, example: order === 'DMY' ? this.firstDmy : order === 'MDY' ? this.firstMdy : '' };
  }
}

export function decideDateOrder(cells: Iterable<string>, forced?: DateOrder): DateOrderDecision {
  const evidence = new DateEvidence();
  for (const raw of cells) evidence.add(raw);
  return evidence.decide(forced);
}

/**
 * Epoch ms of a local date-time, null for an empty cell, NaN when the text is not a valid date
 * under `order`. An explicit "(GMT+7)" in the cell wins over the seller's configured offset.
 */
export function parseLocalDate(raw: string, order: DateOrder, offsetMinutes: number): number | null {
  if (raw === '') return null;
  const p = readDateParts(raw);
  if (!p) return NaN;
  let year: number, month: number, day: number;
  if (p.aLen === 4) [year, month, day] = [p.a, p.b, p.c];
  else if (order === 'YMD' || (p.cLen !== 4 && p.cLen !== 2)) return NaN;
  else {
    year = p.cLen === 2 ? 2000 + p.c : p.c;
    [day, month] = order === 'DMY' ? [p.a, p.b] : [p.b, p.a];
  }
  const hour = clockHour(p);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour < 0 || hour > 23 || p.minute > 59 || p.second > 59) return NaN;
  return Date.UTC(year, month - 1, day, hour, p.minute, p.second) - (p.offset ?? offsetMinutes) * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function clockHour(p: DateParts): number {
  if (p.meridiem === 0) return p.hour;
  if (p.hour < 1 || p.hour > 12) return -1;
  return (p.hour % 12) + (p.meridiem === 2 ? 12 : 0);
}

/** "YYYY-MM-DD HH:mm:ss" in the seller's local time; the one format every importer reads. */
export function formatLocalDate(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` + `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
