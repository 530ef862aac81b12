import type { DiscoveredPrinters } from '../../../../core/api/views.js';
import type { SavedPrinter } from '../../../../core/printing/types.js';
import { printerName } from '../../i18n/printer-name.js';
import { useT, type T } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import { languageKey, type PrinterLanguage } from './model.js';

export interface DiscoveredChoice {
  name: string;
  uri: string;
  language: PrinterLanguage | null;
}

type DiscoveryNote = DiscoveredPrinters['notes'][number];

/**
 * A discovery note in the station's language, by its code (printer/discovery/usb.ts). A code this
 * screen does not know yet shows the core's English message rather than nothing.
 */
export function discoveryNote(t: T, note: DiscoveryNote): string {
  switch (note.code) {
    case 'USB_UNAVAILABLE':
      return t('printers.discovered.usbUnavailable');
    case 'USB_NO_PERMISSION':
      return t('printers.discovered.usbNoPermission', { count: note.count });
    default:
      return (note as { message?: string }).message ?? '';
  }
}

/** Printers found on the station computer (USB, with the language they say they speak, and the system's). */
export function DiscoveredList({ saved, onUse }: { saved: SavedPrinter[]; onUse(choice: DiscoveredChoice): void }) {
  const t = useT();
  const discovered = usePackdesk((s) => s.printers.discovered);
  const discovering = usePackdesk((s) => s.printers.discovering);
  const { discoverPrinters } = usePackdeskStore().getState();
  const savedAs = (uri: string) => saved.find((p) => p.uri.toLowerCase() === uri.toLowerCase())?.name ?? null;
  const found = discovered ? discovered.usb.length + discovered.os.length : 0;

  const row = (key: string, choice: DiscoveredChoice, kind: 'usb' | 'os') => {
    const existing = savedAs(choice.uri);
    return (
      <li key={key} className="discovered-row" data-testid="discovered-row" data-uri={choice.uri} data-kind={kind}>
        <div className="discovered-row__text">
          <strong>{choice.name}</strong>
          <span className="muted">
            {choice.uri} ·{' '}
            {choice.language ? t('printers.discovered.language', { language: t(languageKey(choice.language)) }) : t('printers.discovered.languageUnknown')}
          </span>
        </div>
        {existing ? (
          <span className="muted">{t('printers.discovered.savedAs', { printer: printerName(t, existing) })}</span>
        ) : (
          <button type="button" className="button" onClick={() => onUse(choice)} data-testid="discovered-use">
            {t('printers.discovered.use')}
          </button>
        )}
      </li>
    );
  };

  return (
    <section className="form-panel" aria-labelledby="printers-discovered-title" aria-busy={discovering}>
      <div className="form-panel__head">
        <h3 id="printers-discovered-title">{t('printers.discovered.title')}</h3>
        <button type="button" className="button" disabled={discovering} onClick={() => void discoverPrinters()} data-testid="printer-discover">
          {discovering ? t('printers.discovered.searching') : t('printers.discovered.search')}
        </button>
      </div>
      {discovered && found === 0 && <p className="muted">{t('printers.discovered.none')}</p>}
      {discovered && (
        <ul className="discovered-list">
          {discovered.usb.map((p) =>
            row(`usb:${p.uri}`, { name: [p.maker, p.model].filter(Boolean).join(' ') || p.uri, uri: p.uri, language: p.language }, 'usb'),
          )}
          {discovered.os.map((p) => row(`os:${p.uri}`, { name: p.name, uri: p.uri, language: null }, 'os'))}
        </ul>
      )}
      {discovered?.notes.map((n) => (
        <p key={n.code} className="muted printers-hint" data-testid="discovery-note" data-code={n.code}>
          {discoveryNote(t, n)}
        </p>
      ))}
    </section>
  );
}
