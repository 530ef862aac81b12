import { useState } from 'react';
import { printerName } from '../../i18n/printer-name.js';
import type { SavedPrinter } from '../../../../core/printing/types.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import { documentKey, languageKey } from './model.js';
import { PrinterStatusText } from './PrinterStatusText.js';

interface Props {
  printers: SavedPrinter[];
  selected: string | null;
  onSelect(name: string): void;
}

/** The printers this shop has set up, each with how it is and what can be done with it. */
export function SavedPrinterList({ printers, selected, onSelect }: Props) {
  const t = useT();
  const loaded = usePackdesk((s) => s.printers.loaded);
  return (
    <section className="form-panel" aria-labelledby="printers-saved-title">
      <h3 id="printers-saved-title">{t('printers.saved.title')}</h3>
      {loaded && printers.length === 0 && <p className="muted">{t('printers.saved.empty')}</p>}
      <ul className="printer-list">
        {printers.map((p) => (
          <PrinterRow key={p.name} printer={p} selected={p.name === selected} onSelect={() => onSelect(p.name)} />
        ))}
      </ul>
    </section>
  );
}

function PrinterRow({ printer, selected, onSelect }: { printer: SavedPrinter; selected: boolean; onSelect(): void }) {
  const t = useT();
  const busy = usePackdesk((s) => s.printers.busy.includes(printer.name));
  const checking = usePackdesk((s) => s.printers.checks[printer.name]?.state === 'checking');
  const { testPrinter, refreshPrinterStatus, removePrinter } = usePackdeskStore().getState();
  // Removing asks twice, in place: no pop-up to lose behind the window, and Enter twice still works.
  const [confirmRemove, setConfirmRemove] = useState(false);
  const { stock } = printer;
  return (
    <li className={`printer-row${selected ? ' is-selected' : ''}`} data-testid="printer-row" data-name={printer.name}>
      <div className="printer-row__head">
        <button type="button" className="printer-row__name" aria-pressed={selected} onClick={onSelect} data-testid="printer-select">
          {printerName(t, printer.name)}
          {printer.builtIn && <span className="badge">{t('printers.saved.builtIn')}</span>}
        </button>
        <PrinterStatusText name={printer.name} />
      </div>
      <p className="printer-row__facts">
        <span className="printer-row__uri">{printer.uri}</span>
        {printer.options.receipt ? (
          <span data-testid="printer-receipt">
            {t('printers.saved.receipt', { width: printer.options.receipt.widthMm, dialect: t(`printers.receipt.dialect.${printer.options.receipt.dialect}`) })}
          </span>
        ) : (
          <>
            <span>{t(languageKey(printer.language))}</span>
            <span>{t('printers.saved.dpi', { dpi: printer.dpi })}</span>
            <span>{t('printers.saved.stock', { width: stock.widthMm, height: stock.heightMm })}</span>
          </>
        )}
      </p>
      <p className="printer-row__documents">
        {printer.documents.length === 0
          ? t('printers.saved.noDocuments')
          : t('printers.saved.documents', { documents: printer.documents.map((d) => t(documentKey(d))).join(', ') })}
      </p>
      <div className="printer-row__actions">
        <button type="button" className="button" disabled={busy} onClick={() => void testPrinter(printer.name)} data-testid="printer-test">
          {t('printers.action.test')}
        </button>
        <button type="button" className="button" disabled={checking} onClick={() => void refreshPrinterStatus(printer.name)} data-testid="printer-refresh">
          {t('printers.action.refresh')}
        </button>
        <button type="button" className="button" onClick={onSelect} data-testid="printer-calibrate">
          {t('printers.action.calibrate')}
        </button>
        {!printer.builtIn &&
          (confirmRemove ? (
            <>
              <button
                type="button"
                className="button button--danger"
                // biome-ignore lint/a11y/noAutofocus: the Remove button just pressed is gone; focus moves to the button that now answers it, not to the page
                autoFocus
                onClick={() => void removePrinter(printer.name)}
                data-testid="printer-remove-confirm"
              >
                {t('printers.action.removeConfirm', { printer: printerName(t, printer.name) })}
              </button>
              <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
                {t('printers.action.keep')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmRemove(true)} data-testid="printer-remove">
              {t('printers.action.remove')}
            </button>
          ))}
      </div>
    </li>
  );
}
