import type { SyncStatusView } from '../../../core/sync/views.js';

/** What `sync.status` answers for a station with no shop connected and `pending` entries waiting. */
export function syncStatus(pending = 0): SyncStatusView {
  return {
    state: 'NOT_CONNECTED',
    key: 'sync.state.notConnected',
    fields: { waiting: pending },
    text: 'Not connected to a shop',
    running: false,
    shop: null,
    tokenValidUntil: null,
    signInValidUntil: null,
    lastPullAt: null,
    lastPushAt: null,
    lastCycleAt: null,
    offlineSince: null,
    lastError: null,
    pending,
    refused: 0,
    conflicts: 0,
    pendingOutbox: pending,
  };
}
