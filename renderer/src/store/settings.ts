import { systemLanguage, type Language } from '../i18n/index.js';
import type { ScannerProfile } from '../scanner/profile.js';
import type { SliceCreator } from './types.js';

/**
 * How this bench works; kept on this machine (localStorage), not in the core. What happens once an
 * order is complete (print, arrange shipment) is the shop's rule, not the bench's: ShopSettings.packing.
 */
export interface Settings {
  station: string;
  packer: string;
  sounds: boolean;
  language: Language;
  /** A scanned item opens the most urgent single-item order that needs it. */
  singleItemMode: boolean;
  /** How this bench's scanner types (the scanner test); null until tested: the capture's defaults. */
  scanner: ScannerProfile | null;
}

export interface SettingsSlice {
  settings: Settings;
  updateSettings(patch: Partial<Settings>): void;
}

export function defaultSettings(nav: Pick<Navigator, 'language'> | undefined = globalThis.navigator): Settings {
  return {
    // The core's own default station name, so labels printed from the CLI and here agree.
    station: 'packdesk',
    packer: 'packer',
    sounds: true,
    language: systemLanguage(nav),
    singleItemMode: false,
    scanner: null,
  };
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: defaultSettings(),
  updateSettings(patch) {
    set((s) => ({ settings: { ...s.settings, ...withoutBlankNames(patch) } }));
  },
});

/** The core refuses an empty station or packer on every write: keep the last good name. */
function withoutBlankNames(patch: Partial<Settings>): Partial<Settings> {
  const out = { ...patch };
  if (out.station !== undefined && out.station.trim() === '') delete out.station;
  if (out.packer !== undefined && out.packer.trim() === '') delete out.packer;
  return out;
}
