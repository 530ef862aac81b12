import type { ScanNormalisation } from '../domain/barcode.js';
import { sql, type Db } from './db.js';

export function getSetting(db: Db, key: string): string | null {
  return (sql(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** A setting stored as JSON; a missing or unreadable one gives the fallback. */
export function getJsonSetting<T>(db: Db, key: string, fallback: T): T {
  const raw = getSetting(db, key);
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** Prefixes/suffixes the station's scanner is set to add (settings key `scanner`, JSON). */
export function scannerSettings(db: Db): ScanNormalisation {
  const v = getJsonSetting<{ prefixes?: unknown; suffixes?: unknown }>(db, 'scanner', {});
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  return { prefixes: strings(v.prefixes), suffixes: strings(v.suffixes) };
}
