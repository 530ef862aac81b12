import { memo } from 'react';
import type { LineView } from '../../../../core/api/views.js';
import { useT } from '../../i18n/useT.js';

interface Props {
  line: LineView;
  /** The product's picture, when one is known (none is in the data yet: then no picture at all, never a stand-in). */
  picture?: string | null;
}

/** What to scan next, big enough to read from the shelf: SKU, name, bin and how many are left. */
export const NextCard = memo(function NextCard({ line, picture = null }: Props) {
  const t = useT();
  const left = line.qty - line.packedQty;
  return (
    <section className={`next-card${picture ? ' next-card--picture' : ''}`} aria-labelledby="next-card-title" data-testid="next-card" data-sku={line.sellerSku}>
      {picture && <img className="next-card__picture" src={picture} alt="" />}
      <div className="next-card__what">
        <h2 id="next-card-title" className="next-card__title">
          {t('pack.next.title')}
        </h2>
        <p className="next-card__sku">{line.sellerSku}</p>
        <p className="next-card__name">
          {line.name}
          {line.variation && <span className="next-card__variation"> · {line.variation}</span>}
        </p>
      </div>
      <dl className="next-card__facts">
        <div>
          <dt>{t('pack.next.bin')}</dt>
          <dd className="next-card__bin" data-testid="next-bin">
            {line.bin ?? t('pack.line.noBin')}
          </dd>
        </div>
        <div>
          <dt>{t('pack.next.left')}</dt>
          <dd className="next-card__left" data-testid="next-left">
            {left}
          </dd>
        </div>
      </dl>
    </section>
  );
});
