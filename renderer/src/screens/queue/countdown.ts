import type { QueueRow } from '../../../../core/api/views.js';
import type { MessageVars } from '../../i18n/index.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Urgency = QueueRow['urgency'];

/** How a countdown reads: the catalogue key of its unit pattern and the numbers to put in it. */
export interface CountdownText {
  overdue: boolean;
  key: 'queue.time.days' | 'queue.time.hours' | 'queue.time.minutes';
  vars: MessageVars;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Time left to (or past) a deadline, as precise as it is worth: seconds only in the last hour. */
export function countdown(at: number, now: number): CountdownText {
  const left = at - now;
  const overdue = left < 0;
  // Past the deadline the count goes up from zero; before it, whole seconds down (never "0 s left" early).
  const ms = overdue ? -left : Math.ceil(left / SECOND) * SECOND;
  if (ms >= DAY) return { overdue, key: 'queue.time.days', vars: { d: Math.floor(ms / DAY), h: Math.floor((ms % DAY) / HOUR) } };
  if (ms >= HOUR) return { overdue, key: 'queue.time.hours', vars: { h: Math.floor(ms / HOUR), m: pad(Math.floor((ms % HOUR) / MINUTE)) } };
  return { overdue, key: 'queue.time.minutes', vars: { m: Math.floor(ms / MINUTE), s: pad(Math.floor((ms % MINUTE) / SECOND)) } };
}

/**
 * The urgency to colour a row by: the core's, except that a deadline that has passed since the
 * core answered is overdue now (a fact, not a rule; the core's next answer says the same).
 */
export function liveUrgency(row: Pick<QueueRow, 'urgency' | 'nextDeadline'>, now: number): Urgency {
  if (row.nextDeadline && row.nextDeadline.at <= now) return 'OVERDUE';
  return row.urgency;
}

export const URGENCY_CLASS: Record<Urgency, string> = {
  OVERDUE: 'is-overdue',
  UNDER_6H: 'is-under-6h',
  UNDER_24H: 'is-under-24h',
  LATER: 'is-later',
  NONE: 'is-none',
};
