import type { Language } from '../../i18n/index.js';

/** A job's time as the packer reads it: date and time of day in the station's language. */
export function formatTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(ms));
}
