import type { ConflictView } from '../../../../core/sync/views.js';
import type { MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';

/** The conflict's words in the station's language: the core's key, or its English when the key is newer than this screen. */
export function useConflictText(): (c: ConflictView) => string {
  const t = useT();
  return (c) => {
    const text = t(c.key as MessageKey);
    return text === c.key || text === undefined ? c.text : text;
  };
}

/** Every open conflict, all orders (the sync panel). */
export function ConflictList() {
  const t = useT();
  const conflicts = usePackdesk((s) => s.sync.conflicts);
  const text = useConflictText();
  const { acknowledgeConflict } = usePackdeskStore().getState();
  if (conflicts.length === 0)
    return (
      <p className="muted" data-testid="sync-conflicts-empty">
        {t('syncPanel.noConflicts')}
      </p>
    );
  return (
    <ul className="sync-list" data-testid="sync-conflicts">
      {conflicts.map((c) => (
        <li key={c.id} className="sync-entry" data-testid="sync-conflict" data-kind={c.kind} data-order-id={c.orderId}>
          <span className="sync-entry__what">{t('sync.conflict.order', { orderId: c.orderId })}</span>
          <p className="sync-entry__message">{text(c)}</p>
          <span className="sync-entry__buttons">
            <button type="button" className="button button--small" data-testid="sync-conflict-ack" onClick={() => void acknowledgeConflict(c.id)}>
              {t('sync.conflict.acknowledge')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
