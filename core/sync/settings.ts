/** The shop's sync settings (settings key `sync`, JSON). */
import { getJsonSetting, setSetting } from '../features/settings.js';
import type { Db } from '../store/db.js';
import type { SyncSettings } from './views.js';
import { DEFAULT_PULL, MAX_BACKFILL_DAYS } from './window.js';

export type { SyncSettings };

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  backfillDays: DEFAULT_PULL.backfillDays,
  arrangeAhead: false,
  handoverMethod: 'DROP_OFF',
  rejectReason: null,
};

export function syncSettings(db: Db): SyncSettings {
  const stored = getJsonSetting<Partial<SyncSettings>>(db, 'sync', {});
  const s = { ...DEFAULT_SYNC_SETTINGS, ...stored };
  return {
    backfillDays: Math.min(Math.max(Math.round(Number(s.backfillDays) || DEFAULT_PULL.backfillDays), 1), MAX_BACKFILL_DAYS),
    arrangeAhead: s.arrangeAhead === true,
    handoverMethod: s.handoverMethod === 'PICKUP' ? 'PICKUP' : 'DROP_OFF',
    rejectReason: typeof s.rejectReason === 'string' && s.rejectReason ? s.rejectReason : null,
  };
}

export function saveSyncSettings(db: Db, patch: Partial<SyncSettings>): SyncSettings {
  const next = { ...syncSettings(db), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  setSetting(db, 'sync', JSON.stringify(next));
  return syncSettings(db);
}
