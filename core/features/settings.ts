import type { ScanNormalisation } from '../domain/barcode.js';
import type { Db } from '../store/db.js';
import { sql } from '../store/db.js';

export function getSetting(db: Db, key: string): string | null {
  return (sql(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Prefixes/suffixes the station's scanner is set to add (settings key `scanner`, JSON). */
export function scannerSettings(db: Db): ScanNormalisation {
  const raw = getSetting(db, 'scanner');
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as { prefixes?: unknown; suffixes?: unknown };
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
    return { prefixes: strings(v.prefixes), suffixes: strings(v.suffixes) };
  } catch {
    return {};
  }
}
