import type { OrderView } from '../../../../core/api/views.js';
import { useT } from '../../i18n/useT.js';
import { isParcelNews, packageOnBench } from '../../store/parcel.js';

/**
 * Which package is on the bench, for a split order ("Package 1 of 2", its id and tracking number,
 * and when it is full, that F8 prints its label before the next is started) or a combined package
 * (the orders it holds, packed as one parcel). Nothing for an order in one package of its own.
 */
export function PackageLine({ order }: { order: OrderView }) {
  const t = useT();
  const pkg = packageOnBench(order);
  if (!pkg || !isParcelNews(order, pkg)) return null;
  const split = pkg.of > 1;
  const full = split && pkg.unitsPacked >= pkg.unitsTotal && pkg.seq < pkg.of && order.packedAt === null;
  return (
    <div className="order-header__package" data-testid="pack-package" data-package-id={pkg.id} data-seq={pkg.seq} data-of={pkg.of} data-full={full}>
      <p>
        {split && <strong className="order-header__package-seq">{t('pack.package.seq', { seq: pkg.seq, of: pkg.of })}</strong>}
        <span className="order-header__package-id">{t('pack.package.id', { packageId: pkg.id })}</span>
        {pkg.trackingNumber && <span className="order-header__package-id">{t('pack.package.tracking', { tracking: pkg.trackingNumber })}</span>}
        {split && <span>{t('pack.package.units', { packed: pkg.unitsPacked, total: pkg.unitsTotal })}</span>}
      </p>
      {pkg.orderIds.length > 1 && <p data-testid="pack-package-combined">{t('pack.package.combined', { orderIds: pkg.orderIds.join(', ') })}</p>}
      {full && (
        <p className="is-warning" data-testid="pack-package-full">
          {t('pack.package.full', { seq: pkg.seq, of: pkg.of, next: pkg.seq + 1 })}
        </p>
      )}
    </div>
  );
}
