import { useEffect } from 'react';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import { useConflictText } from './ConflictList.js';
import type { ConflictView } from '../../../../core/sync/views.js';
import './sync.css';

const NONE: ConflictView[] = [];

/**
 * The Pack screen's banners for the order on the bench that TikTok Shop changed under it:
 * cancelled while packing ("put the items back"), shipped elsewhere, address changed after the
 * label (reprint), on hold. Asked again whenever the order or the core's sync state changes; the
 * scan verdicts refuse what must not be packed whether or not the banner is up yet.
 */
export function ConflictBanners() {
  const t = useT();
  const orderId = usePackdesk((s) => s.packing.order?.id ?? null);
  // The order's view counts its open conflicts: a change there (orders.changed) asks again.
  const orderFacts = usePackdesk((s) => (s.packing.order ? `${s.packing.order.status}:${s.packing.order.conflicts?.length ?? 0}` : ''));
  const stamp = usePackdesk((s) => (s.status.sync ? `${s.status.sync.lastCycleAt}:${s.status.sync.conflicts}` : ''));
  const shown = usePackdesk((s) => (s.sync.orderConflicts?.orderId === orderId ? s.sync.orderConflicts.list : NONE));
  const text = useConflictText();
  const { loadOrderConflicts, acknowledgeConflict } = usePackdeskStore().getState();
  // biome-ignore lint/correctness/useExhaustiveDependencies: orderFacts and stamp are triggers, not inputs: a change to the order or a sync cycle asks the core again
  useEffect(() => {
    void loadOrderConflicts(orderId);
  }, [orderId, orderFacts, stamp, loadOrderConflicts]);
  if (shown.length === 0) return null;
  return (
    <div className="pack-screen__conflicts" data-testid="conflict-banners">
      {shown.map((c) => (
        <div key={c.id} className="conflict-banner" role="alert" data-testid="conflict-banner" data-kind={c.kind}>
          <p>{text(c)}</p>
          <button type="button" className="button button--small" data-testid="conflict-ack" onClick={() => void acknowledgeConflict(c.id)}>
            {t('sync.conflict.acknowledge')}
          </button>
        </div>
      ))}
    </div>
  );
}
