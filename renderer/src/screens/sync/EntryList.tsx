import { useState } from 'react';
import type { EntryView } from '../../../../core/sync/views.js';
import type { MessageKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';

/**
 * Changes waiting for TikTok Shop. A refused one shows the platform's code and message, with
 * Retry and Discard; discarding asks first and says what it means. An entry no API call exists
 * for (redelivery) says so and links to Seller Center — it is never faked as sent.
 */
export function EntryList() {
  const t = useT();
  const entries = usePackdesk((s) => s.sync.entries);
  if (entries.length === 0)
    return (
      <p className="muted" data-testid="sync-entries-empty">
        {t('syncPanel.noEntries')}
      </p>
    );
  return (
    <ul className="sync-list" data-testid="sync-entries">
      {entries.map((e) => (
        <Entry key={e.id} entry={e} />
      ))}
    </ul>
  );
}

function Entry({ entry }: { entry: EntryView }) {
  const t = useT();
  const { retrySyncEntry, discardSyncEntry } = usePackdeskStore().getState();
  const [confirming, setConfirming] = useState(false);
  const refusal = entry.refusal;
  const noApi = refusal?.code === 'SELLER_CENTER_ONLY';
  return (
    <li
      className="sync-entry"
      data-testid="sync-entry"
      data-entry-id={entry.id}
      data-state={entry.state}
      data-kind={entry.kind}
      data-order-id={entry.orderId ?? undefined}
    >
      <span className="sync-entry__what">{t(`syncKind.${entry.kind}` as MessageKey)}</span>
      {entry.orderId && <span>{t('syncPanel.entry.order', { orderId: entry.orderId })}</span>}
      <span className={entry.state === 'refused' ? 'form-problem' : 'muted'}>{t(`syncPanel.entry.state.${entry.state}`)}</span>
      {entry.attempts > 0 && <span className="muted">{t('syncPanel.entry.attempts', { count: entry.attempts })}</span>}
      {refusal && (
        <p className="sync-entry__message" data-testid="sync-entry-message">
          {noApi ? t('syncPanel.entry.noApi') : refusal.platformCode !== null ? `${t('syncPanel.entry.platformCode', { code: refusal.platformCode })}: ` : ''}
          {!noApi && refusal.message}
          {refusal.link && (
            <>
              {' '}
              <a href={refusal.link} target="_blank" rel="noreferrer" data-testid="sync-entry-link">
                {t('syncPanel.entry.sellerCenter')}
              </a>
            </>
          )}
        </p>
      )}
      {!refusal && entry.lastError && <p className="sync-entry__message muted">{entry.lastError}</p>}
      {entry.state === 'refused' && !confirming && (
        <span className="sync-entry__buttons">
          {!noApi && (
            <button type="button" className="button button--small" data-testid="sync-entry-retry" onClick={() => void retrySyncEntry(entry.id)}>
              {t('syncPanel.retry')}
            </button>
          )}
          <button type="button" className="button button--small" data-testid="sync-entry-discard" onClick={() => setConfirming(true)}>
            {t('syncPanel.discard')}
          </button>
        </span>
      )}
      {confirming && (
        <div className="confirm-box sync-entry__message" role="alertdialog" data-testid="sync-discard-confirm">
          <p>{t('syncPanel.discardConfirm')}</p>
          {entry.kind === 'order.shipment_arranged' && <p>{t('syncPanel.discardShipment')}</p>}
          <div className="confirm-box__buttons">
            <button
              type="button"
              className="button button--danger"
              data-testid="sync-discard-yes"
              onClick={() => void discardSyncEntry(entry.id).then(() => setConfirming(false))}
            >
              {t('syncPanel.discardYes')}
            </button>
            <button type="button" className="button" data-testid="sync-discard-no" onClick={() => setConfirming(false)}>
              {t('syncPanel.discardNo')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
