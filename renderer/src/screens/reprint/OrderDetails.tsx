import type { OrderView } from '../../../../core/api/views.js';
import { StatusChips } from '../../components/StatusChips.js';
import { useT } from '../../i18n/useT.js';

/** Enough of the chosen order to be sure it is the parcel in hand before reprinting its label. */
export function OrderDetails({ order }: { order: OrderView }) {
  const t = useT();
  const none = t('reprint.order.none.value');
  const place = [order.recipient.city, order.recipient.country].filter(Boolean).join(', ');
  return (
    <section className="order-details" aria-labelledby="order-details-title">
      <h2 id="order-details-title" className="order-details__id">
        {t('reprint.order.title', { orderId: order.id })}
      </h2>
      <dl className="order-details__facts">
        <div>
          <dt>{t('reprint.order.recipient')}</dt>
          <dd>
            {order.recipient.name || none}
            {place && <span className="muted"> · {place}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('reprint.order.tracking')}</dt>
          <dd className="order-details__code">{order.trackingNumber || none}</dd>
        </div>
        <div>
          <dt>{t('reprint.order.carrier')}</dt>
          <dd>{order.carrier || none}</dd>
        </div>
        <div>
          <dt>{t('reprint.order.package')}</dt>
          <dd className="order-details__code">{order.packageId || none}</dd>
        </div>
        <div>
          <dt>{t('reprint.order.status')}</dt>
          <dd>
            {t(`orderStatus.${order.status}`)}
            <span className="muted"> · {t('reprint.order.units', { packed: order.unitsPacked, total: order.unitsOrdered })}</span> <StatusChips order={order} />
          </dd>
        </div>
      </dl>
      <h3 className="order-details__items-title">{t('reprint.order.items')}</h3>
      <ul className="order-details__items">
        {order.lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the core lists an order's lines by line number and they are shown in that order, so the index is the line number (one SKU may be on two lines)
          <li key={i}>
            <strong>{l.sellerSku}</strong> × {l.qty} <span className="muted">{l.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
