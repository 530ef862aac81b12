import type { FormEvent, Ref } from 'react';
import { SCAN_FIELD_ATTRIBUTE } from '../../scanner/capture.js';
import { receiveScan, type CapturedScan } from '../../scanner/scan.js';
import { useT } from '../../i18n/useT.js';

interface Props {
  onScan(scan: CapturedScan): void;
  disabled?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/**
 * The fallback when a barcode will not scan: type it and press Enter. The field is uncontrolled
 * because the scanner capture empties it when a scanner types into it.
 */
export function ManualEntry({ onScan, disabled = false, ref }: Props) {
  const t = useT();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const field = e.currentTarget.elements.namedItem('code') as HTMLInputElement;
    const raw = field.value;
    field.value = '';
    if (raw.trim()) onScan(receiveScan(raw));
  }
  return (
    <form className="manual-entry" onSubmit={submit}>
      <label htmlFor="manual-code" className="manual-entry__label">
        {t('pack.manual.label')} <kbd>F2</kbd>
      </label>
      <div className="manual-entry__row">
        <input
          ref={ref}
          id="manual-code"
          name="code"
          className="text-field"
          placeholder={t('pack.manual.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          disabled={disabled}
          data-testid="manual-entry"
          {...{ [SCAN_FIELD_ATTRIBUTE]: '' }}
        />
        <button type="submit" className="button" disabled={disabled}>
          {t('pack.manual.submit')}
        </button>
      </div>
    </form>
  );
}
