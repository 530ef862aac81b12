import { memo } from 'react';
import type { OrderView } from '../../../../core/api/views.js';
import { useT } from '../../i18n/useT.js';
import { PackageLine } from './PackageLine.js';

/** Which order is on the bench, who it goes to, and how far packing has got. */
export const OrderHeader = memo(function OrderHeader({ order }: { order: OrderView | null }) {
  const t = useT();
  if (!order) return <p className="pack-idle">{t('pack.idle')}</p>;
  const done = order.packedAt !== null;
  return (
    <header className="order-header" data-testid="pack-order" data-order-id={order.id}>
      <div className="order-header__main">
        <h2 className="order-header__id">{t('pack.order', { orderId: order.id })}</h2>
        <p className="order-header__to">{t('pack.shipTo', { name: order.recipient.name, carrier: order.carrier })}</p>
      </div>
      <p className={`order-header__progress${done ? ' is-done' : ''}`} aria-live="polite">
        {done && !order.shortPackReason ? '✔ ' : ''}
        {t('pack.progress', { packed: order.unitsPacked, total: order.unitsOrdered })}
      </p>
      <PackageLine order={order} />
      {order.shortPackReason && <p className="order-header__note is-warning">{t('pack.shortPacked', { reason: order.shortPackReason })}</p>}
      {order.buyerMessage && <p className="order-header__note">{t('pack.buyerMessage', { message: order.buyerMessage })}</p>}
      {order.sellerNote && <p className="order-header__note">{t('pack.sellerNote', { note: order.sellerNote })}</p>}
    </header>
  );
});
