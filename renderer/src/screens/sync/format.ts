import type { Language } from '../../i18n/index.js';

/** A time of day as the status bar and the sync panel show it: 10:42, on this computer's clock. */
export function clockTime(ms: number, language: Language): string {
  return new Date(ms).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** A date and time for expiries: "token valid until 12 Mar, 10:42". */
export function dateTime(ms: number, language: Language): string {
  return new Date(ms).toLocaleString(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
