import { useT } from '../../i18n/useT.js';
import type { HandoverScan } from '../../store/handover.js';
import { handoverFeedback, handoverVerdictKey } from './feedback.js';

/** The last parcel's verdict in words, large, with the same colour wash as the pack screen. */
export function HandoverVerdictPanel({ last, busy, openFirst }: { last: HandoverScan | null; busy: boolean; openFirst?: boolean }) {
  const t = useT();
  const feedback = openFirst ? 'error' : last ? handoverFeedback(last) : null;
  let text: string;
  if (openFirst) text = t('handover.openFirst');
  else if (last) text = t(handoverVerdictKey(last.verdict), { orderId: last.orderId ?? last.code, code: last.code });
  else text = t('handover.idle');
  return (
    <>
      {last && feedback && !openFirst && <div key={last.scanId} className={`flash flash--${feedback}`} aria-hidden="true" />}
      <section className={`verdict${feedback ? ` verdict--${feedback}` : ''}`} aria-live="assertive" data-testid="handover-verdict">
        <p className={`verdict__text${feedback ? '' : ' verdict__text--idle'}`}>{text}</p>
        {busy && <p className="verdict__busy">{t('handover.busy')}</p>}
      </section>
    </>
  );
}
