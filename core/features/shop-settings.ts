import type { Handlers } from '../api/dispatch.js';
import type { ShopSettings } from '../api/views.js';
import type { Db } from '../store/db.js';
import { getJsonSetting, setSetting } from './settings.js';

const NO_SENDER: ShopSettings['sender'] = { name: '', phone: '', address: '', district: '', city: '', state: '', postcode: '', country: '' };

export function shopSettings(db: Db): ShopSettings {
  return {
    sender: { ...NO_SENDER, ...getJsonSetting<Partial<ShopSettings['sender']>>(db, 'sender', {}) },
    timeZoneOffsetMinutes: getJsonSetting<number>(db, 'timeZoneOffsetMinutes', 0),
    scanner: { prefixes: [], suffixes: [], ...getJsonSetting<Partial<ShopSettings['scanner']>>(db, 'scanner', {}) },
  };
}

export const shopSettingsHandlers: Pick<Handlers, 'settings.get' | 'settings.set'> = {
  'settings.get': (_input, ctx) => shopSettings(ctx.db),
  /** Only the settings named change; the sender address is the return address on every label. */
  'settings.set': (input, ctx) => {
    ctx.db.transaction(() => {
      if (input.sender) setSetting(ctx.db, 'sender', JSON.stringify(input.sender));
      if (input.timeZoneOffsetMinutes !== undefined) setSetting(ctx.db, 'timeZoneOffsetMinutes', JSON.stringify(input.timeZoneOffsetMinutes));
      if (input.scanner) setSetting(ctx.db, 'scanner', JSON.stringify(input.scanner));
    })();
    return shopSettings(ctx.db);
  },
};
