import { useLayoutEffect } from 'react';
import type { ScanVerdict } from '../../../../core/api/views.js';
import { feedbackFor, verdictMessage } from '../../feedback/verdict.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk } from '../../store/context.js';

interface Props {
  verdict: ScanVerdict | null;
  busy: boolean;
  openOrderId: string | null;
  /** Set when the last burst was cut short (it never reached the core): it shows instead of the verdict. */
  incompleteScan?: number | null;
}

/**
 * The last verdict in words, large, plus a full-screen colour wash (green accepted, bright green
 * complete, amber packed already, red anything refused). The wash is decoration; the words are what screen readers get.
 */
export function VerdictPanel({ verdict, busy, openOrderId, incompleteScan = null }: Props) {
  const t = useT();
  const language = usePackdesk((s) => s.settings.language);
  const timeZoneOffsetMinutes = usePackdesk((s) => s.shop.settings?.timeZoneOffsetMinutes ?? 0);
  useVerdictPaintedMark(verdict?.scanId ?? null);
  if (incompleteScan !== null) {
    return (
      <>
        <div key={`incomplete-${incompleteScan}`} className="flash flash--error" aria-hidden="true" />
        <section className="verdict verdict--error" aria-live="assertive" data-testid="verdict" data-code="SCAN_INCOMPLETE">
          <p className="verdict__text">{t('pack.scanIncomplete')}</p>
          {busy && <p className="verdict__busy">{t('pack.busy')}</p>}
        </section>
      </>
    );
  }
  const feedback = verdict ? feedbackFor(verdict) : null;
  const message = verdict ? verdictMessage(verdict, { language, timeZoneOffsetMinutes }) : null;
  return (
    <>
      {verdict && feedback && <div key={verdict.scanId} className={`flash flash--${feedback}`} aria-hidden="true" />}
      <section className={`verdict${feedback ? ` verdict--${feedback}` : ''}`} aria-live="assertive" data-testid="verdict" data-code={verdict?.code}>
        {verdict ? (
          <>
            <p className="verdict__text">{message && t(message.key, message.vars)}</p>
            {/* A refused order's progress would read as the open order's: only show the open one's. */}
            {verdict.progress && verdict.orderId === openOrderId && (
              <p className="verdict__progress">{t('pack.progress', { packed: verdict.progress.packed, total: verdict.progress.total })}</p>
            )}
          </>
        ) : (
          <p className="verdict__text verdict__text--idle">{t('pack.title')}</p>
        )}
        {busy && <p className="verdict__busy">{t('pack.busy')}</p>}
      </section>
    </>
  );
}

/**
 * 'verdict-painted' for the scan-to-verdict benchmark: the layout effect runs once the verdict is
 * in the DOM, and the animation frame it asks for runs just before that DOM is painted.
 */
function useVerdictPaintedMark(scanId: string | null) {
  useLayoutEffect(() => {
    if (!scanId) return;
    const frame = requestAnimationFrame(() => performance.mark?.('verdict-painted', { detail: { scanId } }));
    return () => cancelAnimationFrame(frame);
  }, [scanId]);
}
