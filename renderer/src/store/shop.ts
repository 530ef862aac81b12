import type { ShopSettings } from '../../../core/api/views.js';
import { errorCodeOf, type Api, type ErrorCode } from './api.js';
import type { SliceCreator } from './types.js';

export type { ShopSettings };

/**
 * The shop's settings, shared by every station and kept in the core (settings.get / settings.set):
 * the return address printed on labels, the shop's time zone, the scanner's prefixes and suffixes.
 * Unlike the bench settings they are never stored on this machine.
 */
export interface Shop {
  settings: ShopSettings | null;
  loading: boolean;
  saving: boolean;
  error: ErrorCode | null;
  /** Bumped on each successful save, so the screen can say "saved" once per save. */
  savedSeq: number;
}

export interface ShopSlice {
  shop: Shop;
  loadShopSettings(): Promise<ShopSettings | null>;
  /** Sends only the parts given; resolves with the settings the core kept, or null when it refused. */
  saveShopSettings(patch: Partial<ShopSettings>): Promise<ShopSettings | null>;
}

export function createShopSlice(api: Api): SliceCreator<ShopSlice> {
  return (set, get) => {
    const patch = (p: Partial<Shop>) => set((s) => ({ shop: { ...s.shop, ...p } }));
    return {
      shop: { settings: null, loading: false, saving: false, error: null, savedSeq: 0 },

      async loadShopSettings() {
        patch({ loading: true });
        try {
          const settings = await api.call('settings.get', {});
          patch({ settings, error: null });
          return settings;
        } catch (err) {
          patch({ error: errorCodeOf(err) });
          return null;
        } finally {
          patch({ loading: false });
        }
      },

      async saveShopSettings(changes) {
        patch({ saving: true });
        try {
          const settings = await api.call('settings.set', changes);
          patch({ settings, error: null, savedSeq: get().shop.savedSeq + 1 });
          return settings;
        } catch (err) {
          patch({ error: errorCodeOf(err) });
          return null;
        } finally {
          patch({ saving: false });
        }
      },
    };
  };
}
