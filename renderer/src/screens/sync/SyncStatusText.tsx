import { useShallow } from 'zustand/react/shallow';
import type { SyncStatusView } from '../../../../core/sync/views.js';
import { errorKey, type Language } from '../../i18n/index.js';
import { SYNC_STATE_KEYS } from '../../i18n/screens/sync.js';
import { useT, type T } from '../../i18n/useT.js';
import { usePackdesk } from '../../store/context.js';
import { clockTime } from './format.js';
import './sync.css';

/**
 * The status bar's sync part: the core's headline (SyncStatusView.state and its fields — never
 * worked out again here), "Syncing…" while a cycle runs, and the refused and conflict counts.
 * A button: it opens the sync panel.
 */
export function SyncStatusText({ onOpen, testId = 'status-sync' }: { onOpen?: () => void; testId?: string }) {
  const t = useT();
  const language = usePackdesk((s) => s.settings.language);
  const { sync, pendingSync } = usePackdesk(useShallow((s) => ({ sync: s.status.sync, pendingSync: s.status.pendingSync })));
  const waiting = pendingSync ?? sync?.pending ?? 0;
  const text = sync ? headline(t, language, sync, waiting) : t('sync.state.checking');
  const state = !sync ? 'CHECKING' : syncing(sync) ? 'SYNCING' : sync.state;
  return (
    <button
      type="button"
      className={`status-bar__sync ${tone(state, waiting)}`}
      data-testid={testId}
      data-state={state}
      data-pending={pendingSync ?? undefined}
      title={t('sync.open')}
      onClick={onOpen}
    >
      {text}
      {sync && sync.refused > 0 && <span className="is-error" data-testid="status-sync-refused">{` · ${t('sync.refused', { count: sync.refused })}`}</span>}
      {sync && sync.conflicts > 0 && (
        <span className="is-error" data-testid="status-sync-conflicts">{` · ${t('sync.conflicts', { count: sync.conflicts })}`}</span>
      )}
    </button>
  );
}

/** A running cycle says so, except where no cycle can help (no shop, sign-in needed). */
function syncing(sync: SyncStatusView): boolean {
  return sync.running && sync.state !== 'NOT_CONNECTED' && sync.state !== 'NEEDS_SIGN_IN';
}

function headline(t: T, language: Language, sync: SyncStatusView, waiting: number): string {
  const time = (ms: number | undefined) => (ms === undefined ? '' : clockTime(ms, language));
  const more = waiting > 0 ? ` — ${t('sync.waiting', { count: waiting })}` : '';
  if (syncing(sync)) return t('sync.state.syncing') + more;
  const { fields } = sync;
  switch (sync.state) {
    case 'NOT_CONNECTED':
    case 'NEEDS_SIGN_IN':
      return t(SYNC_STATE_KEYS[sync.state]) + more;
    case 'OFFLINE':
      return t('sync.state.offline', { time: time(fields.since) }) + more;
    case 'PROBLEM':
      return t('sync.state.problem', { message: t(errorKey(fields.code ?? 'INTERNAL')) }) + more;
    case 'WAITING':
      return (fields.time === undefined ? t('sync.state.waitingNever') : t('sync.state.waiting', { time: time(fields.time) })) + more;
    case 'SYNCED':
      // The core says "synced" only with nothing waiting; a count that arrived since is still shown.
      return t('sync.state.synced', { time: time(fields.time) }) + more;
  }
}

function tone(state: string, waiting: number): string {
  switch (state) {
    case 'SYNCED':
      return waiting > 0 ? 'is-warning' : 'is-ok';
    case 'NEEDS_SIGN_IN':
    case 'PROBLEM':
      return 'is-error';
    case 'OFFLINE':
    case 'WAITING':
      return 'is-warning';
    default:
      return waiting > 0 ? 'is-warning' : '';
  }
}
