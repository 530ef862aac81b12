import type { HandoverBatchView } from '../../../../core/api/views.js';
import { useT } from '../../i18n/useT.js';
import type { HandoverScan } from '../../store/handover.js';
import { handoverReasonKey } from './feedback.js';

type Parcel = HandoverBatchView['parcels'][number];

/**
 * Refused parcels first, in red with the reason, so none goes with the courier by mistake; then
 * the batch as the core has it, newest first.
 */
export function ParcelList({ rejected, parcels, lastOrderId }: { rejected: HandoverScan[]; parcels: Parcel[]; lastOrderId: string | null }) {
  const t = useT();
  const newestFirst = [...parcels].reverse();
  return (
    <div className="parcel-lists">
      {rejected.length > 0 && (
        <section className="parcel-list parcel-list--rejected" aria-labelledby="parcels-rejected-title">
          <h3 id="parcels-rejected-title">{t('handover.rejected.title', { count: rejected.length })}</h3>
          <ol>
            {rejected.map((r) => (
              <li key={r.scanId} className="parcel is-rejected" data-testid="handover-parcel" data-order-id={r.orderId ?? ''} data-ok="false">
                <span className="parcel__mark" aria-hidden="true">
                  ✖
                </span>
                <span className="parcel__id">{r.orderId ?? r.code}</span>
                <span className="parcel__reason">{t(handoverReasonKey(r.verdict))}</span>
                {r.orderId && r.code !== r.orderId && <code className="parcel__code">{r.code}</code>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="parcel-list" aria-labelledby="parcels-title">
        <h3 id="parcels-title">{t('handover.parcels.title')}</h3>
        {parcels.length === 0 ? (
          <p className="muted">{t('handover.parcels.empty')}</p>
        ) : (
          <ol>
            {newestFirst.map((p) => (
              <li
                key={p.orderId}
                className={`parcel is-ok${p.orderId === lastOrderId ? ' is-last' : ''}`}
                data-testid="handover-parcel"
                data-order-id={p.orderId}
                data-ok="true"
              >
                <span className="parcel__mark" aria-hidden="true">
                  ✔
                </span>
                <span className="parcel__id">{p.orderId}</span>
                <span className="parcel__detail">{p.trackingNumber && t('handover.parcel.tracking', { trackingNumber: p.trackingNumber })}</span>
                <span className="parcel__detail">{p.carrier && t('handover.parcel.carrier', { carrier: p.carrier })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
