import { useEffect, useRef } from 'react';
import type { HandoverBatchView } from '../../../../core/api/views.js';
import { useT } from '../../i18n/useT.js';

/** After closing: what left with the carrier, and what the core took out because its order changed. */
export function ClosedSummary({ batch, onNew }: { batch: HandoverBatchView; onNew(): void }) {
  const t = useT();
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  return (
    <section className="handover-closed" aria-labelledby="handover-closed-title">
      <h2 id="handover-closed-title">{t('handover.closed.title', { batchId: batch.id })}</h2>
      <p className="handover-closed__count" data-testid="handover-closed-count">
        {t('handover.closed.count', { count: batch.parcels.length })}
      </p>
      {batch.heldBack.length > 0 ? (
        <section className="parcel-list parcel-list--rejected" aria-labelledby="held-back-title" role="alert">
          <h3 id="held-back-title">{t('handover.heldBack.title', { count: batch.heldBack.length })}</h3>
          <ol>
            {batch.heldBack.map((h) => (
              <li key={h.orderId} className="parcel is-rejected" data-testid="handover-held-back" data-order-id={h.orderId}>
                <span className="parcel__mark" aria-hidden="true">
                  ✖
                </span>
                <span className="parcel__id">{h.orderId}</span>
                <span className="parcel__reason">{t('handover.heldBack.reason', { status: t(`orderStatus.${h.status}`) })}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <p className="muted">{t('handover.heldBack.none')}</p>
      )}
      <button ref={next} type="button" className="button button--big button--primary" onClick={onNew}>
        {t('handover.new')}
      </button>
    </section>
  );
}
