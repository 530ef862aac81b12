/**
 * The shop connection and the sync through the API: connect, status, disconnect, sync now, the
 * outbox entries (pending and refused, with the platform's word), retry and discard, conflicts,
 * settings, and "Get labels now" (arrange ahead). Secrets come in with shop.connect and never
 * leave: every result here is free of them.
 */
import type { CoreContext } from '../api/context.js';
import type { Handlers } from '../api/dispatch.js';
import { fail } from '../domain/errors.js';
import { acknowledgeConflict, openConflicts, type ConflictRecord } from '../store/conflicts-repo.js';
import { getOrder, updateOrder } from '../store/orders-repo.js';
import { packagesOfOrder } from '../store/packages-repo.js';
import { labelPrintedAt, markForRefetch } from '../store/sync-orders-repo.js';
import { discardEntry, getEntry, listEntries, retryEntry } from '../store/sync-outbox-repo.js';
import { entryView } from '../sync/cycle.js';
import { notConnected } from '../sync/errors.js';
import { saveSyncSettings, syncSettings } from '../sync/settings.js';
import { CONFLICT_TEXT, type ArrangeAheadResult, type ConflictView } from '../sync/views.js';
import { arrangeShipment } from './shipping.js';

/** The platform rule behind arrange-ahead's warning: collection within 72 h of arranging. */
const COLLECTION_HOURS = 72;

function conflictView(c: ConflictRecord): ConflictView {
  return { ...c, key: `sync.conflict.${c.kind}`, text: CONFLICT_TEXT[c.kind] };
}

/** An address conflict is over once the label was printed again after it was raised. */
function stillOpen(ctx: CoreContext, c: ConflictRecord): boolean {
  if (c.kind !== 'ADDRESS_CHANGED_AFTER_LABEL') return true;
  const printed = labelPrintedAt(ctx.db, c.orderId);
  return printed === null || printed < c.raisedAt;
}

/** Discarding a shipment nobody will send puts the order back in the queue, unless the platform shipped it. */
function undoLocalArrangement(ctx: CoreContext, orderId: string | null): void {
  if (!orderId) return;
  const order = getOrder(ctx.db, orderId);
  if (order?.status !== 'AWAITING_COLLECTION') return;
  if (packagesOfOrder(ctx.db, orderId).some((p) => p.shippedAt !== null)) return;
  updateOrder(ctx.db, order, { ...order, status: 'AWAITING_SHIPMENT', rtsAt: null }, ctx.clock.now());
}

async function arrangeAhead(ctx: CoreContext, orderIds: readonly string[]): Promise<ArrangeAheadResult> {
  if (!syncSettings(ctx.db).arrangeAhead) {
    fail(
      'CONFIRMATION_REQUIRED',
      `Getting labels before packing arranges shipment now, which starts TikTok Shop's ${COLLECTION_HOURS} h collection clock. Turn on "Arrange ahead" in the shop settings to use it.`,
    );
  }
  const status = ctx.sync.status();
  if (status.state === 'NOT_CONNECTED') throw notConnected('No shop is connected: labels come from TikTok Shop.');
  const arranged = await arrangeShipment(ctx, orderIds, true);
  const packages = new Set(arranged.arranged.flatMap((id) => packagesOfOrder(ctx.db, id).map((p) => p.id)));
  let error: ArrangeAheadResult['error'] = null;
  try {
    await ctx.sync.syncNow(packages);
  } catch (err) {
    const e = err as { code?: string; message?: string };
    error = { code: e.code ?? 'INTERNAL', message: e.message ?? String(err) };
  }
  const ready: string[] = [];
  const waiting: string[] = [];
  for (const id of arranged.arranged) (packagesOfOrder(ctx.db, id).every((p) => p.label !== null) ? ready : waiting).push(id);
  const n = arranged.arranged.length;
  return {
    arranged: arranged.arranged,
    failed: arranged.failed,
    labelsReady: ready,
    labelsWaiting: waiting,
    error,
    notice: {
      key: 'sync.arrangeAhead.notice',
      fields: { hours: COLLECTION_HOURS, orders: n },
      text: `Shipment is arranged for ${n} order(s): TikTok Shop's ${COLLECTION_HOURS} h collection clock has started. Pack them and hand them over within ${COLLECTION_HOURS} hours.`,
    },
  };
}

export const syncHandlers: Pick<
  Handlers,
  | 'shop.connect'
  | 'shop.status'
  | 'shop.disconnect'
  | 'sync.status'
  | 'sync.now'
  | 'sync.entries'
  | 'sync.retryEntry'
  | 'sync.discardEntry'
  | 'sync.conflicts'
  | 'sync.acknowledgeConflict'
  | 'sync.settings'
  | 'sync.updateSettings'
  | 'sync.arrangeAhead'
> = {
  'shop.connect': (input, ctx) => ctx.sync.connect(input),
  'shop.status': (_input, ctx) => ctx.sync.shopStatus(),
  'shop.disconnect': (_input, ctx) => ctx.sync.disconnect(),
  'sync.status': (_input, ctx) => ctx.sync.status(),
  'sync.now': (_input, ctx) => ctx.sync.syncNow(),
  'sync.entries': (input, ctx) => listEntries(ctx.db, input.states, input.limit, input.offset).map(entryView),
  'sync.retryEntry': async (input, ctx) => {
    const entry = getEntry(ctx.db, input.entryId) ?? fail('NOT_FOUND', `No outbox entry ${input.entryId}.`);
    if (entry.state !== 'refused') fail('CONFLICT', `Entry ${entry.id} is ${entry.state}; only a refused entry can be retried.`);
    await ctx.write(() => retryEntry(ctx.db, entry.id, ctx.clock.now()));
    ctx.events.emit('outbox.changed', { pending: ctx.sync.status().pending });
    ctx.sync.announce();
    return entryView(getEntry(ctx.db, entry.id)!);
  },
  'sync.discardEntry': async (input, ctx) => {
    const entry = getEntry(ctx.db, input.entryId) ?? fail('NOT_FOUND', `No outbox entry ${input.entryId}.`);
    if (entry.state !== 'refused' && entry.state !== 'pending')
      fail('CONFLICT', `Entry ${entry.id} is ${entry.state}; only a pending or refused entry can be discarded.`);
    await ctx.write(() => {
      if (!discardEntry(ctx.db, entry.id, ctx.clock.now())) fail('CONFLICT', `Entry ${entry.id} changed meanwhile; look again.`);
      if (entry.kind === 'order.shipment_arranged') undoLocalArrangement(ctx, entry.orderId);
      // What the platform says about the order counts again: the next cycle reads it afresh.
      if (entry.orderId) markForRefetch(ctx.db, entry.orderId);
    });
    if (entry.orderId) ctx.events.emit('orders.changed', { orderIds: [entry.orderId] });
    ctx.sync.announce();
    return entryView(getEntry(ctx.db, entry.id)!);
  },
  'sync.conflicts': (input, ctx) => {
    const found = openConflicts(ctx.db, input.orderId ? { orderIds: [input.orderId], limit: input.limit } : { limit: input.limit, offset: input.offset });
    return found.filter((c) => stillOpen(ctx, c)).map(conflictView);
  },
  'sync.acknowledgeConflict': async (input, ctx) => {
    const c = await ctx.write(() => acknowledgeConflict(ctx.db, input.conflictId, input.resolution, ctx.clock.now()));
    if (!c) fail('NOT_FOUND', `No conflict ${input.conflictId}.`);
    ctx.events.emit('orders.changed', { orderIds: [c.orderId] });
    ctx.sync.announce();
    return conflictView(c);
  },
  'sync.settings': (_input, ctx) => syncSettings(ctx.db),
  'sync.updateSettings': (input, ctx) => ctx.write(() => saveSyncSettings(ctx.db, input)),
  'sync.arrangeAhead': (input, ctx) => arrangeAhead(ctx, input.orderIds),
};
