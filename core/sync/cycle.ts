/**
 * One sync cycle: a fresh token, the outbox pushed, orders and cancellation requests pulled,
 * missing labels fetched. The caller holds the sync lock; a failure stops the cycle where it is,
 * and everything done so far stays done (each step is committed as it goes).
 */
import { countOpenConflicts, settleReprintedAddresses } from '../store/conflicts-repo.js';
import { countEntries, listEntries, type SyncEntry } from '../store/sync-outbox-repo.js';
import type { StoredConnection } from '../store/sync-state-repo.js';
import { recordCycleOk } from '../store/sync-state-repo.js';
import type { PlatformGateway } from './gateway.js';
import { fetchMissingLabels } from './labels.js';
import { pullCancellations, pullOrders } from './pull.js';
import { pushOutbox } from './push.js';
import type { CycleSummary, EntryView, SyncSettings } from './views.js';
import type { SyncSteps } from './steps.js';
import { DEFAULT_PULL } from './window.js';

export type { CycleSummary, EntryView };

export function entryView(e: SyncEntry): EntryView {
  const { payload: _payload, ...view } = e;
  return view;
}

export interface CycleDeps {
  steps: SyncSteps;
  gateway: PlatformGateway;
  connection: StoredConnection;
  instanceId: string;
  settings: SyncSettings;
  /** Packages whose labels are wanted now (arrange-ahead), beyond the cycle's usual share. */
  labelsFor?: ReadonlySet<string>;
}

export async function runCycle(d: CycleDeps): Promise<CycleSummary> {
  const { steps, gateway } = d;
  const token = await gateway.refreshIfDue();
  const push = await pushOutbox({
    steps,
    gateway,
    instanceId: d.instanceId,
    region: d.connection.info.shopRegion,
    settings: { handoverMethod: d.settings.handoverMethod, rejectReason: d.settings.rejectReason },
  });
  const pull = { ...DEFAULT_PULL, backfillDays: d.settings.backfillDays };
  const orders = await pullOrders(steps, gateway, pull);
  const cancellations = await pullCancellations(steps, gateway, pull);
  const labels = await fetchMissingLabels(steps, gateway);
  const wanted = d.labelsFor ? await fetchMissingLabels(steps, gateway, d.labelsFor) : null;
  await steps.write(() => {
    settleReprintedAddresses(steps.db, steps.clock.now());
    recordCycleOk(steps.db, steps.clock.now());
  });
  const counts = countEntries(steps.db);
  return {
    pulled: orders.received,
    changed: orders.changed,
    pushed: push.done,
    labels: labels.fetched.length + (wanted?.fetched.length ?? 0),
    cancellations: cancellations.received,
    pending: counts.pending + counts.sending,
    refused: counts.refused,
    refusedEntries: listEntries(steps.db, ['refused'], 50).map(entryView),
    conflicts: countOpenConflicts(steps.db),
    tokenValidUntil: token.accessTokenExpiresAt,
  };
}
