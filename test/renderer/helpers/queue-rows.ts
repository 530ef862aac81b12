import type { QueueRow } from '../../../core/api/views.js';
import type { InputArg } from '../../../renderer/src/store/api.js';
import type { FakeApi } from './fake-api.js';

export const HOUR = 3_600_000;

/** The i-th order of a fake queue: single item, ship-by a day and more away. */
export function queueRow(i: number, over: Partial<QueueRow> = {}): QueueRow {
  return {
    id: `O-${String(i).padStart(5, '0')}`,
    status: 'AWAITING_SHIPMENT',
    cancelRequestedAt: null,
    nextDeadline: { kind: 'SHIP_BY', at: Date.now() + 30 * HOUR + i * 60_000, fromPlatform: false },
    urgency: 'LATER',
    packRefusal: null,
    recipientName: 'Li Wei',
    country: 'GB',
    carrier: i % 2 ? 'J&T' : 'TikTok Shipping',
    trackingNumber: `TT${i}`,
    packedAt: null,
    packedBy: null,
    labelPrintedAt: null,
    singleItem: true,
    unitsOrdered: 1,
    unitsPacked: 0,
    lines: [{ sellerSku: 'MUG-RED', name: 'Ceramic mug', variation: 'Red', qty: 1, packedQty: 0, bin: 'A-01-03' }],
    ...over,
  };
}

export const queueRows = (n: number) => Array.from({ length: n }, (_, i) => queueRow(i));

/** Answers orders.queue from `rows` like the core: filters (the simple ones), then offset and limit. */
export function serveQueue(api: FakeApi, rows: readonly QueueRow[] | (() => readonly QueueRow[])) {
  return api.handle('orders.queue', (input: InputArg<'orders.queue'>) => {
    let all = typeof rows === 'function' ? rows() : rows;
    if (input.singleItem !== undefined) all = all.filter((r) => r.singleItem === input.singleItem);
    if (input.carrier !== undefined) all = all.filter((r) => r.carrier === input.carrier);
    if (input.cancelRequested !== undefined) all = all.filter((r) => (r.cancelRequestedAt !== null) === input.cancelRequested);
    if (input.sku !== undefined) all = all.filter((r) => r.lines.some((l) => l.sellerSku === input.sku));
    if (input.bin !== undefined) all = all.filter((r) => r.lines.some((l) => l.bin === input.bin));
    const offset = input.offset ?? 0;
    return { total: all.length, orders: all.slice(offset, offset + (input.limit ?? 100)) };
  });
}
