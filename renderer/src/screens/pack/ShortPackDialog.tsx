import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';

const REASONS = ['outOfStock', 'damaged', 'notInBin', 'other'] as const;
type Reason = (typeof REASONS)[number];
const reasonKey = (r: Reason): MessageKey => `pack.shortPack.reason.${r}`;

interface Props {
  orderId: string;
  missing: number;
  onConfirm(reason: string): void;
  onCancel(): void;
}

/** Closes an order with items missing; the core keeps the reason and tells the platform side. */
export function ShortPackDialog({ orderId, missing, onConfirm, onCancel }: Props) {
  const t = useT();
  const [reason, setReason] = useState<Reason>('outOfStock');
  const [other, setOther] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const text = reason === 'other' ? other.trim() : t(reasonKey(reason));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (text) onConfirm(text);
  }

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="short-pack-title"
        onSubmit={submit}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2 id="short-pack-title">{t('pack.shortPack.title', { orderId })}</h2>
        <p>{t('pack.shortPack.missing', { count: missing })}</p>
        <fieldset className="dialog__reasons">
          <legend>{t('pack.shortPack.reason')}</legend>
          {REASONS.map((r, i) => (
            <label key={r} className="choice">
              <input ref={i === 0 ? first : undefined} type="radio" name="reason" checked={reason === r} onChange={() => setReason(r)} />
              {t(reasonKey(r))}
            </label>
          ))}
          {reason === 'other' && (
            <input
              className="text-field"
              aria-label={t('pack.shortPack.reason.other')}
              placeholder={t('pack.shortPack.otherPlaceholder')}
              value={other}
              maxLength={500}
              onChange={(e) => setOther(e.target.value)}
              // biome-ignore lint/a11y/noAutofocus: the packer just chose "Other"; this field appears for that choice and is what they type next
              autoFocus
            />
          )}
        </fieldset>
        <div className="dialog__buttons">
          <button type="button" className="button button--big" onClick={onCancel}>
            {t('pack.shortPack.cancel')}
          </button>
          <button type="submit" className="button button--big button--warning" disabled={!text}>
            {t('pack.shortPack.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
