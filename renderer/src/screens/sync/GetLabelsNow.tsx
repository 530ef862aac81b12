import { useEffect, useState } from 'react';
import { errorKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import './sync.css';

/**
 * The queue's "Get labels now" (shown only when the shop's "Arrange ahead" is on): arranges
 * shipment for the selected orders and downloads TikTok's labels while online, so the bench can
 * print them offline. The 72 h collection clock is said before it runs; what happened, after.
 */
export function GetLabelsNow() {
  const t = useT();
  const arrangeAhead = usePackdesk((s) => s.sync.settings?.arrangeAhead ?? false);
  const connected = usePackdesk((s) => s.status.sync !== null && s.status.sync.state !== 'NOT_CONNECTED');
  const selected = usePackdesk((s) => s.queue.selection.ids);
  const arranging = usePackdesk((s) => s.sync.arranging);
  const result = usePackdesk((s) => s.sync.arranged);
  const failure = usePackdesk((s) => s.sync.arrangeError);
  const { loadSyncSettings, arrangeAhead: run } = usePackdeskStore().getState();
  const [asking, setAsking] = useState<string[] | null>(null);
  useEffect(() => {
    void loadSyncSettings();
  }, [loadSyncSettings]);
  if (!arrangeAhead || !connected) return null;
  return (
    <div className="get-labels" data-testid="get-labels">
      <button
        type="button"
        className="button"
        data-testid="action-get-labels"
        disabled={selected.size === 0 || arranging || asking !== null}
        onClick={() => setAsking([...selected])}
      >
        {arranging ? t('arrangeAhead.running') : t('arrangeAhead.action')}
      </button>
      {asking && (
        <div className="confirm-box" role="alertdialog" data-testid="get-labels-confirm">
          <p>{t('arrangeAhead.confirm', { count: asking.length })}</p>
          <div className="confirm-box__buttons">
            <button
              type="button"
              className="button button--warning"
              data-testid="get-labels-yes"
              onClick={() => {
                setAsking(null);
                void run(asking);
              }}
            >
              {t('arrangeAhead.yes')}
            </button>
            <button type="button" className="button" data-testid="get-labels-no" onClick={() => setAsking(null)}>
              {t('arrangeAhead.no')}
            </button>
          </div>
        </div>
      )}
      {result && !arranging && (
        <p className={`notice ${result.error || result.failed.length ? 'notice--error' : 'notice--ok'}`} role="status" data-testid="get-labels-result">
          <span>
            {t('arrangeAhead.result', {
              arranged: result.arranged.length,
              ready: result.labelsReady.length,
              waiting: result.labelsWaiting.length,
              failed: result.failed.length,
              hours: result.notice.fields.hours,
            })}
            {result.error && <span className="notice__core">{t('arrangeAhead.offline')}</span>}
            {result.failed.map((f) => (
              <span key={f.orderId} className="notice__core">
                {f.orderId}: {t(errorKey(f.code))}
              </span>
            ))}
          </span>
        </p>
      )}
      {failure && !arranging && (
        <p className="notice notice--error" role="alert" data-testid="get-labels-error">
          {failure.code === 'CONFIRMATION_REQUIRED' ? t('arrangeAhead.off') : t(errorKey(failure.code))}
        </p>
      )}
    </div>
  );
}
