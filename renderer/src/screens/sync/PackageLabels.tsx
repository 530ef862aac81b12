import { useState } from 'react';
import type { OrderView } from '../../../../core/api/views.js';
import { errorKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdeskStore } from '../../store/context.js';
import './sync.css';

/**
 * The order's parcels on the Reprint screen, each with the label it prints: TikTok's own (kept
 * for offline printing) or Packdesk's. A split order's packages each reprint their own label.
 */
export function PackageLabels({ order }: { order: OrderView }) {
  const t = useT();
  const { reprintPackage } = usePackdeskStore().getState();
  const [outcome, setOutcome] = useState<Record<string, string>>({});
  const packages = order.packages ?? [];
  if (packages.length === 0) return null;
  return (
    <ul className="sync-list" data-testid="package-labels">
      {packages.map((p) => (
        <li key={p.id} className="sync-entry" data-testid="package-label" data-package-id={p.id} data-label={p.label ? 'PLATFORM' : 'PACKDESK'}>
          <span className="sync-entry__what">{t('reprint.package', { packageId: p.id })}</span>
          {p.of > 1 && <span className="muted">{`${p.seq}/${p.of}`}</span>}
          {p.trackingNumber && <span>{p.trackingNumber}</span>}
          <span className={p.label ? 'shop-form__saved' : 'muted'}>{p.label ? t('reprint.platformLabel') : t('reprint.ownLabel')}</span>
          {packages.length > 1 && (
            <span className="sync-entry__buttons">
              <button
                type="button"
                className="button button--small"
                data-testid="package-reprint"
                onClick={() => void reprintPackage(order.id, p.id).then((r) => setOutcome((o) => ({ ...o, [p.id]: r })))}
              >
                {t('reprint.reprint')}
              </button>
              {outcome[p.id] && outcome[p.id] !== 'SENT' && outcome[p.id] !== 'QUEUED' && <span className="form-problem">{t(errorKey(outcome[p.id]!))}</span>}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
