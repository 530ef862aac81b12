import { useT } from '../../i18n/useT.js';
import type { Handover, HandoverScan } from '../../store/handover.js';
import { handoverFeedback, handoverVerdictKey } from './feedback.js';

interface Props {
  last: HandoverScan | null;
  busy: boolean;
  openFirst?: boolean;
  /** Set (a number per burst) when the last burst was cut short and never reached the core. */
  cutShort?: number | null;
  /** The last parcel may be arranged now (Enter, or the button). */
  arrangeOffer?: Handover['arrangeOffer'];
  onArrange?(): void;
}

/** The last parcel's verdict in words, large, with the same colour wash as the pack screen. */
export function HandoverVerdictPanel({ last, busy, openFirst, cutShort = null, arrangeOffer = null, onArrange }: Props) {
  const t = useT();
  const refused = openFirst || cutShort !== null;
  const feedback = refused ? 'error' : last ? handoverFeedback(last) : null;
  const offer = !refused && last?.verdict === 'PARCEL_NOT_ARRANGED' && arrangeOffer?.orderId === last.orderId ? arrangeOffer : null;
  let text: string;
  if (cutShort !== null) text = t('pack.scanIncomplete');
  else if (openFirst) text = t('handover.openFirst');
  else if (offer) text = t('handover.arrange.offer', { orderId: offer.orderId });
  else if (last) text = t(handoverVerdictKey(last.verdict), { orderId: last.orderId ?? last.code, code: last.code });
  else text = t('handover.idle');
  return (
    <>
      {last && feedback && !refused && <div key={last.scanId} className={`flash flash--${feedback}`} aria-hidden="true" />}
      {cutShort !== null && <div key={`cut-short-${cutShort}`} className="flash flash--error" aria-hidden="true" />}
      <section
        className={`verdict${feedback ? ` verdict--${feedback}` : ''}`}
        aria-live="assertive"
        data-testid="handover-verdict"
        data-code={cutShort !== null ? 'SCAN_INCOMPLETE' : undefined}
      >
        <p className={`verdict__text${feedback ? '' : ' verdict__text--idle'}`}>{text}</p>
        {offer && (
          <button type="button" className="button button--big handover-arrange" onClick={onArrange} disabled={offer.arranging} data-testid="handover-arrange">
            {offer.arranging ? t('handover.arrange.busy') : t('handover.arrange.button')} {!offer.arranging && <kbd>Enter</kbd>}
          </button>
        )}
        {busy && <p className="verdict__busy">{t('handover.busy')}</p>}
      </section>
    </>
  );
}
