import { memo } from 'react';
import type { ScanHistoryEntry } from '../../store/packing.js';
import { verdictShortKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';

/** The last scans, newest first, so a packer can see what went in after a distraction. */
export const ScanHistory = memo(function ScanHistory({ history }: { history: ScanHistoryEntry[] }) {
  const t = useT();
  return (
    <section className="scan-history" aria-labelledby="scan-history-title">
      <h3 id="scan-history-title">{t('pack.history.title')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('pack.history.empty')}</p>
      ) : (
        <ol>
          {history.map((h) => (
            <li key={h.scanId} className={`scan-history__item ${h.ok ? 'is-ok' : 'is-error'}${h.undone ? ' is-undone' : ''}`}>
              <span className="scan-history__mark" aria-hidden="true">
                {h.ok ? '✔' : '✖'}
              </span>
              <code>{h.scannedCode}</code>
              <span className="scan-history__verdict">{t(verdictShortKey(h.verdict))}</span>
              {h.undone && <span className="scan-history__undone">{t('pack.history.undone')}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
