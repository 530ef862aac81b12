import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT.js';
import type { QueueFilters } from '../../store/queue.js';

/** Typing pauses this long before the core is asked; Enter asks at once (a scanner ends with it). */
export const TYPING_DELAY_MS = 300;

type TextKey = 'carrier' | 'sku' | 'bin';

interface Props {
  filters: QueueFilters;
  carriers: readonly string[];
  onChange(filters: QueueFilters): void;
}

function normalised(f: QueueFilters): QueueFilters {
  const out: QueueFilters = {};
  for (const key of ['carrier', 'sku', 'bin'] as const) {
    const v = f[key]?.trim();
    if (v) out[key] = v;
  }
  if (f.singleItem !== undefined) out.singleItem = f.singleItem;
  if (f.cancelRequested !== undefined) out.cancelRequested = f.cancelRequested;
  return out;
}

const same = (a: QueueFilters, b: QueueFilters) => JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));

/** The queue's filters. The status is fixed (orders the core says may be packed); the rest narrow it. */
export function QueueFilterBar({ filters, carriers, onChange }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<QueueFilters>(filters);
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  latest.current = draft;

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  function apply(next: QueueFilters) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!same(next, filters)) onChange(normalised(next));
  }

  function update(patch: QueueFilters, now: boolean) {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    if (now) apply(next);
    else {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => apply(latest.current), TYPING_DELAY_MS);
    }
  }

  const text = (key: TextKey) => ({
    value: draft[key] ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement>) => update({ [key]: e.target.value }, false),
    onKeyDown: (e: KeyboardEvent) => e.key === 'Enter' && apply(latest.current),
    onBlur: () => apply(latest.current),
  });

  const single = draft.singleItem === undefined ? '' : draft.singleItem ? 'single' : 'multi';
  const cancel = draft.cancelRequested === undefined ? '' : draft.cancelRequested ? 'yes' : 'no';
  const any = Object.keys(normalised(draft)).length > 0;

  return (
    <search className="queue-filters" aria-label={t('queue.filters.label')}>
      <label className="queue-filter">
        <span>{t('queue.filter.carrier')}</span>
        <input className="text-field" list="queue-carriers" placeholder={t('queue.filter.any')} data-testid="filter-carrier" {...text('carrier')} />
        <datalist id="queue-carriers">
          {carriers.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </label>
      <label className="queue-filter">
        <span>{t('queue.filter.items')}</span>
        <select
          className="text-field"
          data-testid="filter-single"
          value={single}
          onChange={(e) => update({ singleItem: e.target.value === '' ? undefined : e.target.value === 'single' }, true)}
        >
          <option value="">{t('queue.filter.any')}</option>
          <option value="single">{t('queue.filter.single')}</option>
          <option value="multi">{t('queue.filter.multi')}</option>
        </select>
      </label>
      <label className="queue-filter">
        <span>{t('queue.filter.sku')}</span>
        <input className="text-field" placeholder={t('queue.filter.skuHint')} data-testid="filter-sku" {...text('sku')} />
      </label>
      <label className="queue-filter">
        <span>{t('queue.filter.bin')}</span>
        <input className="text-field" placeholder={t('queue.filter.binHint')} data-testid="filter-bin" {...text('bin')} />
      </label>
      <label className="queue-filter">
        <span>{t('queue.filter.cancel')}</span>
        <select
          className="text-field"
          data-testid="filter-cancel"
          value={cancel}
          onChange={(e) => update({ cancelRequested: e.target.value === '' ? undefined : e.target.value === 'yes' }, true)}
        >
          <option value="">{t('queue.filter.any')}</option>
          <option value="yes">{t('queue.filter.cancelYes')}</option>
          <option value="no">{t('queue.filter.cancelNo')}</option>
        </select>
      </label>
      <button
        type="button"
        className="button queue-filters__clear"
        disabled={!any}
        onClick={() => update({ carrier: undefined, sku: undefined, bin: undefined, singleItem: undefined, cancelRequested: undefined }, true)}
      >
        {t('queue.filter.clear')}
      </button>
    </search>
  );
}
