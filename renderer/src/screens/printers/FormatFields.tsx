import { useT } from '../../i18n/useT.js';
import { DPIS, LANGUAGES, languageKey, type Dpi, type PrinterLanguage } from './model.js';

export interface PrinterFormat {
  language: PrinterLanguage;
  dpi: Dpi;
  widthMm: number;
  heightMm: number;
}

interface Props {
  value: PrinterFormat;
  onChange: (patch: Partial<PrinterFormat>) => void;
  /** End-to-end tests find these fields by id; adding and calibrating use different ones. */
  testIds: { language: string; dpi: string; width: string; height: string };
}

/** Language, dpi and label stock: the same four fields when adding a printer and when calibrating it. */
export function FormatFields({ value, onChange, testIds }: Props) {
  const t = useT();
  return (
    <div className="form-row">
      <label className="form-field">
        <span>{t('printers.field.language')}</span>
        <select
          className="form-select"
          value={value.language}
          onChange={(e) => onChange({ language: e.target.value as PrinterLanguage })}
          data-testid={testIds.language}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(languageKey(l))}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        <span>{t('printers.field.dpi')}</span>
        <select className="form-select" value={value.dpi} onChange={(e) => onChange({ dpi: Number(e.target.value) as Dpi })} data-testid={testIds.dpi}>
          {DPIS.map((d) => (
            <option key={d} value={d}>
              {t('printers.saved.dpi', { dpi: d })}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        <span>{t('printers.field.stockWidth')}</span>
        <input
          className="text-field"
          type="number"
          min={20}
          max={300}
          step={1}
          value={value.widthMm}
          onChange={(e) => onChange({ widthMm: Number(e.target.value) })}
          data-testid={testIds.width}
        />
      </label>
      <label className="form-field">
        <span>{t('printers.field.stockHeight')}</span>
        <input
          className="text-field"
          type="number"
          min={10}
          max={2000}
          step={1}
          value={value.heightMm}
          onChange={(e) => onChange({ heightMm: Number(e.target.value) })}
          data-testid={testIds.height}
        />
      </label>
    </div>
  );
}
