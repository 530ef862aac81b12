import { useT } from '../../i18n/useT.js';
import { RECEIPT_DIALECTS, RECEIPT_WIDTHS, type Receipt } from './model.js';

type Kind = 'label' | `receipt-${Receipt['widthMm']}`;

/**
 * What the printer prints on: 100×150 labels (language, dpi and stock below), or a 58 / 80 mm
 * receipt roll, which always speaks ESC/POS in Epson or Star commands.
 */
export function ReceiptFields({ value, onChange }: { value: Receipt | null; onChange(receipt: Receipt | null): void }) {
  const t = useT();
  const kind: Kind = value ? `receipt-${value.widthMm}` : 'label';
  const choose = (k: Kind) =>
    onChange(k === 'label' ? null : { widthMm: Number(k.slice('receipt-'.length)) as Receipt['widthMm'], dialect: value?.dialect ?? 'epson' });
  return (
    <div className="form-row">
      <label className="form-field">
        <span>{t('printers.kind')}</span>
        <select className="form-select" value={kind} onChange={(e) => choose(e.target.value as Kind)} data-testid="printer-add-kind">
          <option value="label">{t('printers.kind.label')}</option>
          {RECEIPT_WIDTHS.map((w) => (
            <option key={w} value={`receipt-${w}`}>
              {t('printers.kind.receipt', { width: w })}
            </option>
          ))}
        </select>
      </label>
      {value && (
        <label className="form-field">
          <span>{t('printers.receipt.dialect')}</span>
          <select
            className="form-select"
            value={value.dialect}
            onChange={(e) => onChange({ ...value, dialect: e.target.value as Receipt['dialect'] })}
            data-testid="printer-add-dialect"
          >
            {RECEIPT_DIALECTS.map((d) => (
              <option key={d} value={d}>
                {t(`printers.receipt.dialect.${d}`)}
              </option>
            ))}
          </select>
          <small className="muted">{t('printers.receipt.hint')}</small>
        </label>
      )}
    </div>
  );
}
