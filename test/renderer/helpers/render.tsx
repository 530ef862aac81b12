import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ShopSettings } from '../../../core/api/views.js';
import type { Cue, SoundPlayer } from '../../../renderer/src/feedback/sounds.js';
import { StoreProvider } from '../../../renderer/src/store/context.js';
import { createPackdeskStore } from '../../../renderer/src/store/index.js';
import { FakeApi, memoryStorage } from './fake-api.js';
import { syncStatus } from './sync-status.js';

// waitFor/findBy give up after 1 s by default: on a busy machine (CI with another job beside it)
// a React update can take longer than that, and a test failing for it is a flake, not a finding.
configure({ asyncUtilTimeout: 15_000 });

/** Sounds as a list of cues, so tests can hear what the packer would. */
export function recordingSounds(): SoundPlayer & { played: Cue[] } {
  const played: Cue[] = [];
  return { played, play: (cue) => void played.push(cue) };
}

/** The shop's settings as a fresh core has them (UTC, label printed on completion, no shipping). */
export function shopSettings(over: Partial<ShopSettings> = {}): ShopSettings {
  return {
    sender: { name: '', phone: '', address: '', district: '', city: '', state: '', postcode: '', country: '' },
    timeZoneOffsetMinutes: 0,
    scanner: { prefixes: [], suffixes: [] },
    packing: { autoPrint: true, autoShip: false },
    ...over,
  };
}

/** Renders UI over a fresh store and a fake core that already answers the start-up calls. */
export function renderWithCore(ui: ReactNode, api = new FakeApi()) {
  if (!api.handles('sync.status')) api.handle('sync.status', () => syncStatus(0));
  if (!api.handles('packing.current')) api.handle('packing.current', () => null);
  if (!api.handles('settings.get')) api.handle('settings.get', () => shopSettings());
  const store = createPackdeskStore(api, { storage: memoryStorage() });
  store.getState().updateSettings({ station: 'bench-3', packer: 'amy', language: 'en' });
  const result = render(
    <StoreProvider store={store} api={api}>
      {ui}
    </StoreProvider>,
  );
  return { ...result, api, store };
}
