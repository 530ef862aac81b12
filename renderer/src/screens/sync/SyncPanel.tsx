import { useEffect } from 'react';
import { errorKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import { ConflictList } from './ConflictList.js';
import { EntryList } from './EntryList.js';
import { clockTime } from './format.js';
import { SyncStatusText } from './SyncStatusText.js';
import './sync.css';

/**
 * The sync panel, opened from the status bar: Sync now with what the cycle did, the last error,
 * the changes still waiting for TikTok Shop (refused ones with the platform's word, Retry and
 * Discard), and the open conflicts.
 */
export function SyncPanel() {
  const t = useT();
  const language = usePackdesk((s) => s.settings.language);
  const view = usePackdesk((s) => s.status.sync);
  const running = usePackdesk((s) => s.sync.running);
  const summary = usePackdesk((s) => s.sync.summary);
  const runs = usePackdesk((s) => s.sync.runs);
  const error = usePackdesk((s) => s.sync.error);
  const { syncNow, loadSyncEntries, loadConflicts } = usePackdeskStore().getState();
  // What the lists show changes with each cycle and outbox write the core announces.
  const stamp = view ? `${view.lastCycleAt}:${view.pending}:${view.refused}:${view.conflicts}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies(stamp): stamp is a trigger, not an input: each cycle or outbox write loads the lists again
  useEffect(() => {
    void loadSyncEntries();
    void loadConflicts();
  }, [stamp, loadSyncEntries, loadConflicts]);
  const when = (ms: number | null | undefined) => (ms ? clockTime(ms, language) : t('syncPanel.never'));
  const busy = running || (view?.running ?? false);
  return (
    <div className="sync-panel" data-testid="screen-sync" data-runs={runs}>
      <div className="sync-panel__head">
        <h2>{t('syncPanel.title')}</h2>
        <SyncStatusText testId="sync-panel-status" />
        <button
          type="button"
          className="button button--primary"
          disabled={busy || view?.state === 'NOT_CONNECTED'}
          data-testid="sync-now"
          onClick={() => void syncNow()}
        >
          {busy ? t('syncPanel.running') : t('syncPanel.now')}
        </button>
      </div>
      {view && (
        <p className="sync-panel__facts muted">
          <span>{t('syncPanel.lastPull', { time: when(view.lastPullAt) })}</span>
          <span>{t('syncPanel.lastPush', { time: when(view.lastPushAt) })}</span>
        </p>
      )}
      {summary && !running && (
        <p className="notice notice--ok" data-testid="sync-summary">
          {t('syncPanel.summary', {
            pulled: summary.pulled,
            changed: summary.changed,
            pushed: summary.pushed,
            labels: summary.labels,
            pending: summary.pending,
            refused: summary.refused,
          })}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert" data-testid="sync-error" data-code={error.code}>
          <span>
            {t('syncPanel.actionFailed', { message: t(errorKey(error.code)) })}
            {error.message && <span className="notice__core">{error.message}</span>}
          </span>
        </p>
      )}
      {!error && view?.lastError && (
        <p className="notice notice--error" data-testid="sync-last-error">
          <span>
            {t('syncPanel.lastError', { message: t(errorKey(view.lastError.code)) })}
            <span className="notice__core">{view.lastError.message}</span>
          </span>
        </p>
      )}
      <h3>{t('syncPanel.entries')}</h3>
      <EntryList />
      <h3>{t('syncPanel.conflicts')}</h3>
      <ConflictList />
    </div>
  );
}
