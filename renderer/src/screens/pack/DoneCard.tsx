import { memo } from 'react';
import { useT } from '../../i18n/useT.js';
import type { LabelThumbnail } from '../../store/packing.js';

/**
 * Once the order is packed: the next thing to do, big, and its label as the core drew it, so the
 * packer can see at a glance that the label on the parcel is this order's.
 */
export const DoneCard = memo(function DoneCard({ orderId, label }: { orderId: string; label: LabelThumbnail | null }) {
  const t = useT();
  const shown = label?.orderId === orderId ? label : null;
  return (
    <section className="done-card" aria-labelledby="done-card-title" data-testid="done-card">
      <h2 id="done-card-title" className="done-card__title">
        {t('pack.done.title')}
      </h2>
      {shown && (
        <img
          className="done-card__label"
          src={`data:image/png;base64,${shown.png}`}
          width={shown.widthDots}
          height={shown.heightDots}
          alt={t('pack.done.label', { orderId })}
          data-testid="done-label"
        />
      )}
    </section>
  );
});
