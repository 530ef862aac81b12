import { useShallow } from 'zustand/react/shallow';
import { printerName } from '../i18n/printer-name.js';
import type { PrinterStatus } from '../../../printer/status/types.js';
import { conditionKey, errorKey } from '../i18n/index.js';
import { useT, type T } from '../i18n/useT.js';
import { SyncStatusText } from '../screens/sync/SyncStatusText.js';
import { usePackdesk } from '../store/context.js';
import type { PrintFailure } from '../store/status.js';

/**
 * Station, packer, the link to the station, the shop (sync) and printer, always in view at the
 * bottom. Each says only what is known: the sync part is the core's own headline (SyncStatusText).
 */
export function StatusBar({ onOpenSync }: { onOpenSync?: () => void } = {}) {
  const t = useT();
  const { station, packer } = usePackdesk(useShallow((s) => ({ station: s.settings.station, packer: s.settings.packer })));
  const { online, connected, answering, printers, lastPrintFailure } = usePackdesk(useShallow((s) => s.status));
  const link = !connected ? t('status.disconnected') : !answering ? t('status.notAnswering') : t('status.stationAnswering');
  const printer = printerSummary(t, printers, lastPrintFailure);
  return (
    <footer className="status-bar" role="contentinfo" aria-label={t('status.label')}>
      <span>{t('status.station', { station })}</span>
      <span>{t('status.packer', { packer })}</span>
      <span
        className={connected && answering ? 'is-ok' : 'is-error'}
        data-testid="status-link"
        data-state={!connected ? 'disconnected' : !answering ? 'not-answering' : 'answering'}
      >
        {link}
      </span>
      <SyncStatusText onOpen={onOpenSync} />
      {!online && (
        <span className="is-warning" data-testid="status-offline">
          {t('status.offline')}
        </span>
      )}
      <span className={printer.ok === null ? '' : printer.ok ? 'is-ok' : 'is-error'} data-testid="status-printer">
        {printer.text}
      </span>
    </footer>
  );
}

function printerSummary(t: T, printers: Record<string, PrinterStatus>, failure: PrintFailure | null): { ok: boolean | null; text: string } {
  const troubled = Object.entries(printers).filter(([, s]) => !s.ready);
  if (troubled.length > 0) {
    const text = troubled
      .map(([name, s]) => t('status.printer.problem', { printer: printerName(t, name), conditions: s.conditions.map((c) => t(conditionKey(c))).join(', ') }))
      .join(' · ');
    return { ok: false, text };
  }
  if (failure) return { ok: false, text: t('status.printer.jobFailed', { message: t(errorKey(failure.code)) }) };
  if (Object.keys(printers).length === 0) return { ok: null, text: t('status.printer.unknown') };
  return { ok: true, text: t('status.printer.ready') };
}
