import { useState, type FormEvent } from 'react';
import type { SyncSettings } from '../../../../core/sync/views.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';

/**
 * The shop's sync settings: how far back the first sync reads, and "Arrange ahead" (off by
 * default), whose price — the 72 h collection clock starting early — is said beside it.
 */
export function SyncSettingsForm({ settings }: { settings: SyncSettings }) {
  const t = useT();
  const saved = usePackdesk((s) => s.sync.settingsSaved);
  const { saveSyncSettings } = usePackdeskStore().getState();
  const [backfillDays, setBackfillDays] = useState(String(settings.backfillDays));
  const [arrangeAhead, setArrangeAhead] = useState(settings.arrangeAhead);
  const [savedAt] = useState(saved);
  const days = Number(backfillDays);
  const valid = Number.isInteger(days) && days >= 1 && days <= 90;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) void saveSyncSettings({ backfillDays: days, arrangeAhead });
  };
  return (
    <form className="form-panel shop-form" onSubmit={onSubmit} data-testid="sync-settings">
      <h3>{t('shopConnection.settings.title')}</h3>
      <label className="form-field">
        {t('shopConnection.backfillDays')}
        <input
          className="text-field"
          type="number"
          min={1}
          max={90}
          step={1}
          style={{ maxWidth: 140 }}
          data-testid="sync-backfill"
          value={backfillDays}
          onChange={(e) => setBackfillDays(e.target.value)}
        />
      </label>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="sync-arrange-ahead"
          checked={arrangeAhead}
          aria-checked={arrangeAhead}
          onChange={(e) => setArrangeAhead(e.target.checked)}
        />
        {t('shopConnection.arrangeAhead')}
      </label>
      <p className="shop-form__hint muted">{t('shopConnection.arrangeAhead.hint')}</p>
      <div className="shop-form__buttons">
        <button type="submit" className="button" disabled={!valid} data-testid="sync-settings-save">
          {t('shopConnection.settings.save')}
        </button>
        {saved > savedAt && <span className="shop-form__saved">{t('shopConnection.settings.saved')}</span>}
      </div>
    </form>
  );
}
