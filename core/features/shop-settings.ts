import type { Handlers } from '../api/dispatch.js';
import type { ShopSettings } from '../api/views.js';
import type { Db } from '../store/db.js';
import { getJsonSetting, setSetting } from '../store/settings-repo.js';

const NO_SENDER: ShopSettings['sender'] = { name: '', phone: '', address: '', district: '', city: '', state: '', postcode: '', country: '' };

/** A bench prints the label as soon as the order is complete; arranging shipment is the shop's choice. */
const PACKING_DEFAULTS: ShopSettings['packing'] = { autoPrint: true, autoShip: false };

export function shopSettings(db: Db): ShopSettings {
  return {
    sender: { ...NO_SENDER, ...getJsonSetting<Partial<ShopSettings['sender']>>(db, 'sender', {}) },
    timeZoneOffsetMinutes: getJsonSetting<number>(db, 'timeZoneOffsetMinutes', 0),
    scanner: { prefixes: [], suffixes: [], ...getJsonSetting<Partial<ShopSettings['scanner']>>(db, 'scanner', {}) },
    packing: { ...PACKING_DEFAULTS, ...getJsonSetting<Partial<ShopSettings['packing']>>(db, 'packing', {}) },
  };
}

export const shopSettingsHandlers: Pick<Handlers, 'settings.get' | 'settings.set'> = {
  'settings.get': (_input, ctx) => shopSettings(ctx.db),
  /** Only the settings named change; the sender address is the return address on every label. */
  'settings.set': (input, ctx) =>
    ctx.write(() => {
      if (input.sender) setSetting(ctx.db, 'sender', JSON.stringify(input.sender));
      if (input.timeZoneOffsetMinutes !== undefined) setSetting(ctx.db, 'timeZoneOffsetMinutes', JSON.stringify(input.timeZoneOffsetMinutes));
      if (input.scanner) setSetting(ctx.db, 'scanner', JSON.stringify(input.scanner));
      if (input.packing) setSetting(ctx.db, 'packing', JSON.stringify({ ...shopSettings(ctx.db).packing, ...input.packing }));
      return shopSettings(ctx.db);
    }),
};
