import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorKey, type MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import type { ShopSettings } from '../../store/shop.js';
import { affixProblem, MAX_AFFIX_LENGTH, MAX_AFFIXES, parseAffixes } from './affixes.js';
import { computerOffset, formatOffset, offsetChoices } from './timezone.js';
import './forms.css';
import './shop-settings.css';

type Sender = ShopSettings['sender'];
type SenderField = keyof Sender;

/** The return address as it reads on a label, top to bottom. */
const SENDER_FIELDS: { field: SenderField; max: number; wide?: boolean }[] = [
  { field: 'name', max: 200 },
  { field: 'phone', max: 40 },
  { field: 'address', max: 500, wide: true },
  { field: 'district', max: 200 },
  { field: 'city', max: 200 },
  { field: 'state', max: 200 },
  { field: 'postcode', max: 20 },
  { field: 'country', max: 100 },
];

const senderKey = (f: SenderField): MessageKey => `shop.sender.${f}`;

/**
 * The shop's settings, shared by every station: kept in the core, not on this computer, and
 * changed only by Save.
 */
export function ShopSettingsSection() {
  const t = useT();
  const settings = usePackdesk((s) => s.shop.settings);
  const loading = usePackdesk((s) => s.shop.loading);
  const error = usePackdesk((s) => s.shop.error);
  const savedSeq = usePackdesk((s) => s.shop.savedSeq);
  const { loadShopSettings } = usePackdeskStore().getState();
  // "Saved" shows after a save until the next edit.
  const [acknowledged, setAcknowledged] = useState(savedSeq);
  useEffect(() => {
    void loadShopSettings();
  }, [loadShopSettings]);

  return (
    <section className="shop-settings" aria-labelledby="shop-settings-title" data-testid="settings-shop">
      <h2 id="shop-settings-title">{t('shop.title')}</h2>
      <p className="muted">{t('shop.hint')}</p>
      {error && (
        <div className="notice notice--error" role="alert" data-testid="settings-shop-error">
          <span>
            {t(settings ? 'shop.saveFailed' : 'shop.loadFailed')} {t(errorKey(error))}
          </span>
          {!settings && (
            <button type="button" className="button button--small" onClick={() => void loadShopSettings()}>
              {t('shop.retry')}
            </button>
          )}
        </div>
      )}
      {!settings && loading && <p className="muted">{t('shop.loading')}</p>}
      {settings && (
        <ShopForm
          // After a save the core's copy is shown: the form starts again from it.
          key={JSON.stringify(settings)}
          settings={settings}
          saved={savedSeq > acknowledged}
          onEdit={() => setAcknowledged(savedSeq)}
        />
      )}
    </section>
  );
}

function ShopForm({ settings, saved, onEdit }: { settings: ShopSettings; saved: boolean; onEdit(): void }) {
  const t = useT();
  const saving = usePackdesk((s) => s.shop.saving);
  const { saveShopSettings } = usePackdeskStore().getState();
  const [sender, setSender] = useState<Sender>(settings.sender);
  const [offset, setOffset] = useState(settings.timeZoneOffsetMinutes);
  const [prefixes, setPrefixes] = useState(settings.scanner.prefixes.join('\n'));
  const [suffixes, setSuffixes] = useState(settings.scanner.suffixes.join('\n'));
  const [packing, setPacking] = useState(settings.packing);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const first = useRef(true);
  const touched = () => {
    if (first.current) onEdit();
    first.current = false;
    setProblem(null);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const scanner = { prefixes: parseAffixes(prefixes), suffixes: parseAffixes(suffixes) };
    const bad = affixProblem(scanner.prefixes) ?? affixProblem(scanner.suffixes);
    if (bad) return setProblem(bad === 'tooMany' ? 'shop.scanner.tooMany' : 'shop.scanner.tooLong');
    void saveShopSettings({ sender, timeZoneOffsetMinutes: offset, scanner, packing });
  }

  return (
    <form className="shop-form" onSubmit={submit} noValidate>
      <fieldset className="shop-form__group">
        <legend>{t('shop.sender.title')}</legend>
        <p className="muted shop-form__hint">{t('shop.sender.hint')}</p>
        <div className="shop-form__grid">
          {SENDER_FIELDS.map(({ field, max, wide }) => (
            <label key={field} className={`form-field${wide ? ' shop-form__wide' : ''}`}>
              <span>{t(senderKey(field))}</span>
              <input
                className="text-field"
                value={sender[field]}
                maxLength={max}
                autoComplete="off"
                onChange={(e) => {
                  touched();
                  setSender((s) => ({ ...s, [field]: e.target.value }));
                }}
                data-testid={`settings-sender-${field}`}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <PackingRule
        value={packing}
        onChange={(p) => {
          touched();
          setPacking(p);
        }}
      />
      <fieldset className="shop-form__group">
        <legend>{t('shop.timeZone.title')}</legend>
        <div className="form-row shop-form__timezone">
          <label className="form-field">
            <span>{t('shop.timeZone.offset')}</span>
            <select
              className="form-select"
              value={offset}
              onChange={(e) => {
                touched();
                setOffset(Number(e.target.value));
              }}
              data-testid="settings-timezone"
            >
              {offsetChoices(offset).map((m) => (
                <option key={m} value={m}>
                  {formatOffset(m)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={() => {
              touched();
              setOffset(computerOffset());
            }}
            data-testid="settings-timezone-computer"
          >
            {t('shop.timeZone.useComputer', { offset: formatOffset(computerOffset()) })}
          </button>
        </div>
        <p className="muted shop-form__hint">{t('shop.timeZone.hint')}</p>
      </fieldset>
      <fieldset className="shop-form__group">
        <legend>{t('shop.scanner.title')}</legend>
        <p className="muted shop-form__hint">{t('shop.scanner.hint', { count: MAX_AFFIXES, length: MAX_AFFIX_LENGTH })}</p>
        <div className="form-row">
          <label className="form-field shop-form__affixes">
            <span>{t('shop.scanner.prefixes')}</span>
            <textarea
              className="text-area"
              rows={3}
              value={prefixes}
              onChange={(e) => {
                touched();
                setPrefixes(e.target.value);
              }}
              data-testid="settings-scanner-prefixes"
            />
          </label>
          <label className="form-field shop-form__affixes">
            <span>{t('shop.scanner.suffixes')}</span>
            <textarea
              className="text-area"
              rows={3}
              value={suffixes}
              onChange={(e) => {
                touched();
                setSuffixes(e.target.value);
              }}
              data-testid="settings-scanner-suffixes"
            />
          </label>
        </div>
      </fieldset>
      {problem && (
        <p className="form-problem" role="alert" data-testid="settings-shop-problem">
          {t(problem)}
        </p>
      )}
      <div className="shop-form__buttons">
        <button type="submit" className="button button--big button--primary" disabled={saving} data-testid="settings-shop-save">
          {saving ? t('shop.saving') : t('shop.save')}
        </button>
        {saved && (
          <span className="shop-form__saved" role="status" data-testid="settings-shop-saved">
            {t('shop.saved')}
          </span>
        )}
      </div>
    </form>
  );
}

/**
 * What the core does once the last item of an order is scanned (packing.finish): print the label,
 * then arrange shipment. Shipment waits for the label: a parcel is never announced without one.
 */
function PackingRule({ value, onChange }: { value: ShopSettings['packing']; onChange(p: ShopSettings['packing']): void }) {
  const t = useT();
  return (
    <fieldset className="shop-form__group" data-testid="settings-packing">
      <legend>{t('shop.packing.title')}</legend>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={value.autoPrint}
          aria-checked={value.autoPrint}
          onChange={(e) => onChange({ ...value, autoPrint: e.target.checked })}
          data-testid="settings-auto-print"
        />
        {t('shop.packing.autoPrint')}
      </label>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={value.autoShip}
          aria-checked={value.autoShip}
          onChange={(e) => onChange({ ...value, autoShip: e.target.checked })}
          data-testid="settings-auto-ship"
        />
        {t('shop.packing.autoShip')}
      </label>
      <p className="muted shop-form__hint">{t('shop.packing.hint')}</p>
    </fieldset>
  );
}
