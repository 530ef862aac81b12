import { useState, type FormEvent } from 'react';
import { printerName } from '../../i18n/printer-name.js';
import type { SavedPrinter } from '../../../../core/printing/types.js';
import { useT } from '../../i18n/useT.js';
import { FormatFields } from './FormatFields.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import { DARKNESS_MAX, OFFSET_LIMIT_MM, OFFSET_STEP_MM, clampOffset, toInput, type Dpi, type PrinterLanguage } from './model.js';

interface Calibration {
  language: PrinterLanguage;
  dpi: Dpi;
  widthMm: number;
  heightMm: number;
  x: number;
  y: number;
  darkness: number | null;
  rotation: 0 | 180;
}

const calibrationOf = (p: SavedPrinter): Calibration => ({
  language: p.language,
  dpi: p.dpi,
  widthMm: p.stock.widthMm,
  heightMm: p.stock.heightMm,
  x: p.offset.x,
  y: p.offset.y,
  darkness: p.darkness,
  rotation: p.rotation,
});

/**
 * Where the print lands on the label, how dark and which way up, for one printer; saved with
 * printers.save. The screen remounts it (key) when the core's copy of the printer changes.
 */
export function CalibrationPanel({ printer }: { printer: SavedPrinter }) {
  const t = useT();
  const { savePrinter } = usePackdeskStore().getState();
  const saving = usePackdesk((s) => s.printers.busy.includes(printer.name));
  const [draft, setDraft] = useState<Calibration>(() => calibrationOf(printer));
  const edit = (p: Partial<Calibration>) => setDraft((d) => ({ ...d, ...p }));
  const changed = JSON.stringify(draft) !== JSON.stringify(calibrationOf(printer));
  const darknessMax = DARKNESS_MAX[draft.language];

  function submit(e: FormEvent) {
    e.preventDefault();
    void savePrinter({
      ...toInput(printer),
      language: draft.language,
      dpi: draft.dpi,
      stock: { widthMm: draft.widthMm, heightMm: draft.heightMm },
      offset: { x: clampOffset(draft.x), y: clampOffset(draft.y) },
      // A darkness beyond the new language's scale would be clipped by the printer: send none instead.
      darkness: darknessMax === null || draft.darkness === null || draft.darkness > darknessMax ? null : draft.darkness,
      rotation: draft.rotation,
    });
  }

  return (
    <section className="form-panel" aria-labelledby="printers-calibration-title">
      <h3 id="printers-calibration-title">{t('printers.calibration.title', { printer: printerName(t, printer.name) })}</h3>
      <form className="printer-form" onSubmit={submit} noValidate data-testid="printer-calibration">
        <FormatFields
          value={draft}
          onChange={edit}
          testIds={{ language: 'printer-language', dpi: 'printer-dpi', width: 'printer-stock-width', height: 'printer-stock-height' }}
        />
        <div className="form-row">
          <OffsetField axis="x" value={draft.x} onChange={(x) => edit({ x })} />
          <OffsetField axis="y" value={draft.y} onChange={(y) => edit({ y })} />
        </div>
        <div className="form-row">
          <label className="form-field">
            <span>{t('printers.calibration.darkness')}</span>
            <select
              className="form-select"
              value={draft.darkness === null || darknessMax === null ? '' : String(Math.min(draft.darkness, darknessMax))}
              disabled={darknessMax === null}
              onChange={(e) => edit({ darkness: e.target.value === '' ? null : Number(e.target.value) })}
              data-testid="printer-darkness"
            >
              <option value="">{t('printers.calibration.darknessDefault')}</option>
              {darknessMax !== null &&
                Array.from({ length: darknessMax + 1 }, (_, level) => level).map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
            </select>
            {darknessMax === null && <small className="muted">{t('printers.calibration.darknessEscpos')}</small>}
          </label>
          <fieldset className="form-field form-choices form-choices--inline">
            <legend>{t('printers.calibration.rotation')}</legend>
            {([0, 180] as const).map((r) => (
              <label key={r} className="choice">
                <input
                  type="radio"
                  name={`rotation-${printer.name}`}
                  checked={draft.rotation === r}
                  onChange={() => edit({ rotation: r })}
                  data-testid={`printer-rotation-${r}`}
                />
                {t(r === 0 ? 'printers.calibration.rotation0' : 'printers.calibration.rotation180')}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="printer-form__buttons">
          <button type="submit" className="button button--big button--primary" disabled={saving || !changed} data-testid="printer-save">
            {t('printers.calibration.save')}
          </button>
          <button type="button" className="button button--big" disabled={!changed} onClick={() => setDraft(calibrationOf(printer))} data-testid="printer-reset">
            {t('printers.calibration.reset')}
          </button>
          {changed && <span className="muted">{t('printers.calibration.unsaved')}</span>}
        </div>
      </form>
    </section>
  );
}

/** One offset: typed, or nudged half a millimetre at a time. */
function OffsetField({ axis, value, onChange }: { axis: 'x' | 'y'; value: number; onChange(mm: number): void }) {
  const t = useT();
  // While typing, the field shows what is typed ("-", "1."); otherwise the value itself.
  const [typing, setTyping] = useState<string | null>(null);
  const set = (mm: number) => {
    setTyping(null);
    onChange(clampOffset(mm));
  };
  const label = t(axis === 'x' ? 'printers.calibration.offsetX' : 'printers.calibration.offsetY');
  return (
    <div className="form-field offset-field">
      <label htmlFor={`printer-offset-${axis}`}>{label}</label>
      <div className="offset-field__row">
        <button
          type="button"
          className="button"
          onClick={() => set(value - OFFSET_STEP_MM)}
          aria-label={t(axis === 'x' ? 'printers.calibration.left' : 'printers.calibration.up')}
          data-testid={`printer-offset-${axis}-minus`}
        >
          {axis === 'x' ? '←' : '↑'} −{OFFSET_STEP_MM}
        </button>
        <input
          id={`printer-offset-${axis}`}
          className="text-field offset-field__input"
          type="number"
          step={OFFSET_STEP_MM}
          min={-OFFSET_LIMIT_MM}
          max={OFFSET_LIMIT_MM}
          value={typing ?? String(value)}
          onBlur={() => setTyping(null)}
          onChange={(e) => {
            setTyping(e.target.value);
            const mm = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(mm)) onChange(clampOffset(mm));
          }}
          data-testid={`printer-offset-${axis}`}
        />
        <button
          type="button"
          className="button"
          onClick={() => set(value + OFFSET_STEP_MM)}
          aria-label={t(axis === 'x' ? 'printers.calibration.right' : 'printers.calibration.down')}
          data-testid={`printer-offset-${axis}-plus`}
        >
          +{OFFSET_STEP_MM} {axis === 'x' ? '→' : '↓'}
        </button>
        <span className="muted">{t('printers.calibration.mm')}</span>
      </div>
    </div>
  );
}
