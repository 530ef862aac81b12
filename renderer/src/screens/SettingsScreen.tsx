import { useState } from 'react';
import type { MessageKey } from '../i18n/index.js';
import { useT } from '../i18n/useT.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { usePackdesk, usePackdeskStore } from '../store/context.js';
import type { Settings } from '../store/settings.js';
import { ScannerSection } from './settings/ScannerSection.js';
import { ShopConnectionSection } from './settings/ShopConnectionSection.js';
import { ShopSettingsSection } from './settings/ShopSettingsSection.js';

type Toggle = 'sounds' | 'singleItemMode';
const TOGGLES: [Toggle, MessageKey][] = [
  ['sounds', 'settings.sounds'],
  ['singleItemMode', 'settings.singleItemMode'],
];

/**
 * This bench's settings (they apply at once and stay on this machine), then the shop's, kept in
 * the core — among them what happens once an order is complete (print, arrange shipment).
 */
export function SettingsScreen() {
  const t = useT();
  const settings = usePackdesk((s) => s.settings);
  const { updateSettings } = usePackdeskStore().getState();
  return (
    <div className="settings-screen">
      <section className="settings">
        <h2>{t('settings.title')}</h2>
        <NameField label={t('settings.station')} value={settings.station} onCommit={(station) => updateSettings({ station })} />
        <NameField label={t('settings.packer')} value={settings.packer} onCommit={(packer) => updateSettings({ packer })} />
        {TOGGLES.map(([key, label]) => (
          <label key={key} className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={settings[key]}
              aria-checked={settings[key]}
              onChange={(e) => updateSettings({ [key]: e.target.checked } as Partial<Settings>)}
            />
            {t(label)}
          </label>
        ))}
        <div className="settings__row">
          <span>{t('settings.language')}</span>
          <LanguageSwitch />
        </div>
      </section>
      <ScannerSection />
      <ShopConnectionSection />
      <ShopSettingsSection />
    </div>
  );
}

/** Committed on leaving the field, so a half-typed name is never sent with a scan. */
function NameField({ label, value, onCommit }: { label: string; value: string; onCommit(value: string): void }) {
  const [draft, setDraft] = useState(value);
  return (
    <label className="settings__field">
      <span>{label}</span>
      <input
        className="text-field"
        value={draft}
        maxLength={100}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => (draft.trim() ? onCommit(draft.trim()) : setDraft(value))}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
}
