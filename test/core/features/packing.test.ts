import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../core/domain/clock.js';
import type { Order } from '../../../core/domain/types.js';
import type { TestCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { errorCode, freshCoreEachTest, outboxRows, packedQtys, scanner, scanRows, snapshot, stored } from './support.js';

const core = freshCoreEachTest();

const EAN_A = '4006381333931';
const UPC_B = '036000291452';
const EAN_B = `0${UPC_B}`;
const EAN_Z = '5901234123457';

/** Two SKUs in order O1 (A × 2, B × 1), one SKU (Z) in no order. */
function seedBench(c: TestCore, over: Partial<Order> = {}) {
  const a = seedSku(c, makeSku('A', { barcodes: [EAN_A] }));
  const b = seedSku(c, makeSku('B', { sellerSku: 'Mug-Blue', barcodes: [EAN_B] }));
  const z = seedSku(c, makeSku('Z', { barcodes: [EAN_Z] }));
  const o1 = seedOrder(c, makeOrder('O1', [line(a, 2), line(b, 1)], c.clock.now(), over));
  return { a, b, z, o1 };
}

describe('packing.scan: opening an order', () => {
  it('opens by order id, with nothing packed yet', async () => {
    const c = core();
    seedBench(c);
    const v = await scanner(c)('O1');
    expect(v).toMatchObject({ code: 'ORDER_OPENED', ok: true, orderId: 'O1', progress: { packed: 0, total: 3 }, replayed: false });
    expect(v.order?.id).toBe('O1');
    expect((await c.call('packing.current', { station: 'bench-1' }))?.id).toBe('O1');
    expect(await c.call('packing.current', { station: 'bench-2' })).toBeNull();
  });

  it('opens by tracking number, case-insensitively', async () => {
    const c = core();
    seedBench(c, { trackingNumber: 'TT9400111899562537' });
    expect(await scanner(c)('tt9400111899562537')).toMatchObject({ code: 'ORDER_OPENED', orderId: 'O1' });
  });

  it('opens by package id', async () => {
    const c = core();
    seedBench(c, { packageId: '1152000000000000001' });
    expect(await scanner(c)('1152000000000000001')).toMatchObject({ code: 'ORDER_OPENED', orderId: 'O1' });
  });

  it('strips the CR/LF a keyboard-wedge scanner sends', async () => {
    const c = core();
    seedBench(c);
    expect(await scanner(c)('O1\r\n')).toMatchObject({ code: 'ORDER_OPENED', orderId: 'O1' });
  });
});

describe('packing.scan: items', () => {
  it('accepts an item with its line and "n of m"', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    const v = await scan(EAN_A);
    expect(v).toMatchObject({
      code: 'ACCEPTED',
      ok: true,
      orderId: 'O1',
      line: { sellerSku: 'SKU-A', packedQty: 1, qty: 2 },
      progress: { packed: 1, total: 3 },
    });
    expect(v.message).toContain('1 of 2');
    expect(packedQtys(c, 'O1')).toEqual([1, 0]);
    expect(v.order?.unitsPacked).toBe(1);
  });

  it('completes the order exactly on the last unit, writing one order.packed outbox row', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    expect((await scan(EAN_A)).code).toBe('ACCEPTED');
    expect((await scan(EAN_A)).code).toBe('ACCEPTED');
    expect(outboxRows(c, 'order.packed')).toHaveLength(0);
    expect(stored(c, 'O1').packedAt).toBeNull();
    c.clock.advance(MINUTE);
    const last = await scan(EAN_B);
    expect(last).toMatchObject({ code: 'ORDER_COMPLETE', ok: true, progress: { packed: 3, total: 3 }, line: { sellerSku: 'Mug-Blue', packedQty: 1, qty: 1 } });
    expect(stored(c, 'O1').packedAt).toBe(c.clock.now());
    const rows = outboxRows(c, 'order.packed');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ orderId: 'O1', at: c.clock.now(), payload: { orderId: 'O1', packedAt: c.clock.now() } });
  });

  it('writes the completion, its scan and its outbox row in one transaction', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    await scan(EAN_A);
    await scan(EAN_A);
    // The scan record is the last write of the transaction: make it fail.
    c.context.db.exec(`CREATE TRIGGER fail_complete BEFORE INSERT ON scans WHEN NEW.verdict = 'ORDER_COMPLETE'
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = snapshot(c);
    const code = await errorCode(scan(EAN_B, { scanId: 'last' }));
    expect(code).toBe('INTERNAL');
    expect(snapshot(c)).toEqual(before);
    expect(outboxRows(c, 'order.packed')).toHaveLength(0);
    expect(packedQtys(c, 'O1')).toEqual([2, 0]);
    // The client retries the same scan once the store works again: it counts, once.
    c.context.db.exec('DROP TRIGGER fail_complete');
    expect((await scan(EAN_B, { scanId: 'last' })).code).toBe('ORDER_COMPLETE');
    expect(outboxRows(c, 'order.packed')).toHaveLength(1);
  });

  it('WRONG_ITEM for an item not in the order; nothing packed', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    expect(await scan(EAN_Z)).toMatchObject({ code: 'WRONG_ITEM', ok: false, orderId: 'O1', progress: { packed: 0, total: 3 } });
    expect(packedQtys(c, 'O1')).toEqual([0, 0]);
  });

  it('OVER_SCAN for one unit too many of a line; the line stays at its quantity', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    expect((await scan(EAN_B)).code).toBe('ACCEPTED');
    expect(await scan(EAN_B)).toMatchObject({ code: 'OVER_SCAN', ok: false });
    expect(packedQtys(c, 'O1')).toEqual([0, 1]);
  });

  it('UNKNOWN_BARCODE for a code nothing is known by, with or without an open order', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    expect(await scan('NOPE-123')).toMatchObject({ code: 'UNKNOWN_BARCODE', ok: false, orderId: null });
    await scan('O1');
    expect(await scan('NOPE-123')).toMatchObject({ code: 'UNKNOWN_BARCODE', ok: false, orderId: 'O1' });
    expect(packedQtys(c, 'O1')).toEqual([0, 0]);
    expect((await c.call('packing.current', { station: 'bench-1' }))?.id).toBe('O1');
  });
});

describe('packing.scan: code normalisation', () => {
  it('control characters inside a code: SCAN_INVALID_CHARACTERS, nothing packed, scan kept', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    for (const bad of ['4006381\u0007333931', '400638\u00001333931', '4006381\u001b[0m333931']) {
      const v = await scan(bad);
      expect(v, JSON.stringify(bad)).toMatchObject({ code: 'SCAN_INVALID_CHARACTERS', ok: false });
    }
    expect(packedQtys(c, 'O1')).toEqual([0, 0]);
    expect(scanRows(c).filter((r) => r.verdict === 'SCAN_INVALID_CHARACTERS')).toHaveLength(3);
  });

  it('an empty scan (only CR/LF) is SCAN_EMPTY', async () => {
    const c = core();
    seedBench(c);
    expect(await scanner(c)('\r\n')).toMatchObject({ code: 'SCAN_EMPTY', ok: false });
  });

  it('full-width digits from a Chinese IME match the EAN (and a full-width order id opens it)', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    expect((await scan('Ｏ１')).code).toBe('ORDER_OPENED');
    expect(await scan('４００６３８１３３３９３１')).toMatchObject({ code: 'ACCEPTED', line: { sellerSku: 'SKU-A' } });
    expect(packedQtys(c, 'O1')).toEqual([1, 0]);
  });

  it('a 12-digit UPC-A scan matches the stored EAN-13 "0" + UPC', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    expect(await scan(UPC_B)).toMatchObject({ code: 'ACCEPTED', line: { sellerSku: 'Mug-Blue' } });
    expect(packedQtys(c, 'O1')).toEqual([0, 1]);
  });

  it('the seller SKU scans as a barcode, in any case', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    expect(await scan('sku-a')).toMatchObject({ code: 'ACCEPTED', line: { sellerSku: 'SKU-A' } });
    expect(await scan('MUG-BLUE')).toMatchObject({ code: 'ACCEPTED', line: { sellerSku: 'Mug-Blue' } });
    expect(packedQtys(c, 'O1')).toEqual([1, 1]);
  });
});

describe('packing.scan: replays', () => {
  it('a replayed scan id returns the stored verdict, replayed, and counts once', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    const first = await scan(EAN_A, { scanId: 'dup-1' });
    c.clock.advance(5 * MINUTE);
    const again = await scan(EAN_A, { scanId: 'dup-1' });
    expect(again.replayed).toBe(true);
    expect(again).toMatchObject({ code: first.code, message: first.message, line: first.line, progress: first.progress, at: first.at });
    expect(packedQtys(c, 'O1')).toEqual([1, 0]);
    expect(scanRows(c).filter((r) => r.scan_id === 'dup-1')).toHaveLength(1);
    // Even a replay carrying another code is the same physical scan.
    expect((await scan(EAN_B, { scanId: 'dup-1' })).code).toBe('ACCEPTED');
    expect(packedQtys(c, 'O1')).toEqual([1, 0]);
  });

  it('a replayed completion does not write a second order.packed row', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    await scan(EAN_A);
    await scan(EAN_A);
    await scan(EAN_B, { scanId: 'fin' });
    const replay = await scan(EAN_B, { scanId: 'fin' });
    expect(replay).toMatchObject({ code: 'ORDER_COMPLETE', replayed: true });
    expect(replay.order?.unitsPacked).toBe(3);
    expect(outboxRows(c, 'order.packed')).toHaveLength(1);
  });
});

describe('packing.scan: orders that must not be packed', () => {
  const refusals: [string, Partial<Order>, string][] = [
    ['unpaid', { status: 'UNPAID', paidAt: null }, 'ORDER_UNPAID'],
    ['on hold', { status: 'ON_HOLD' }, 'ORDER_ON_HOLD'],
    ['cancelled', { status: 'CANCELLED' }, 'ORDER_CANCELLED'],
    ['awaiting collection', { status: 'AWAITING_COLLECTION', rtsAt: 0 }, 'ORDER_ALREADY_SHIPPED'],
    ['cancellation requested', { cancelRequestedAt: 0 }, 'ORDER_CANCEL_REQUESTED'],
  ];
  for (const [what, over, code] of refusals) {
    it(`${what}: refused with ${code}, nothing opened`, async () => {
      const c = core();
      const now = c.clock.now();
      const patched = { ...over };
      if (patched.rtsAt === 0) patched.rtsAt = now - HOUR;
      if (patched.cancelRequestedAt === 0) patched.cancelRequestedAt = now - HOUR;
      seedBench(c, patched);
      const scan = scanner(c);
      const v = await scan('O1');
      expect(v).toMatchObject({ code, ok: false, orderId: 'O1' });
      expect(await c.call('packing.current', { station: 'bench-1' })).toBeNull();
      // An item scanned next has no order to go into.
      expect((await scan(EAN_A)).code).toBe('NO_OPEN_ORDER');
      expect(packedQtys(c, 'O1')).toEqual([0, 0]);
    });
  }

  it('a refused order does not replace the order the station has open', async () => {
    const c = core();
    const { a } = seedBench(c);
    seedOrder(c, makeOrder('H1', [line(a)], c.clock.now(), { status: 'ON_HOLD' }));
    const scan = scanner(c);
    await scan('O1');
    expect((await scan('H1')).code).toBe('ORDER_ON_HOLD');
    expect((await c.call('packing.current', { station: 'bench-1' }))?.id).toBe('O1');
    expect((await scan(EAN_A)).code).toBe('ACCEPTED');
  });

  it('a cancellation request arriving mid-pack stops the next item scan', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    expect((await scan(EAN_A)).code).toBe('ACCEPTED');
    c.context.db.prepare('UPDATE orders SET cancel_requested_at = ? WHERE id = ?').run(c.clock.now(), 'O1');
    const v = await scan(EAN_A);
    expect(v).toMatchObject({ code: 'ORDER_CANCEL_REQUESTED', ok: false, orderId: 'O1' });
    expect(v.order?.packRefusal).toBe('ORDER_CANCEL_REQUESTED');
    expect(packedQtys(c, 'O1')).toEqual([1, 0]);
    expect((await scan(EAN_B)).code).toBe('ORDER_CANCEL_REQUESTED');
    expect(outboxRows(c, 'order.packed')).toHaveLength(0);
  });
});

describe('packing.scan: the scan log', () => {
  it('stores every scan, good or bad, with station, packer and time', async () => {
    const c = core();
    seedBench(c);
    const t0 = c.clock.now();
    const pat = scanner(c, 'bench-1', 'pat');
    const kim = scanner(c, 'bench-2', 'kim');
    await pat('O1');
    c.clock.advance(1000);
    await pat(EAN_A);
    c.clock.advance(1000);
    await pat(EAN_Z);
    c.clock.advance(1000);
    await kim('NOPE');
    c.clock.advance(1000);
    await kim('bad\u0007code');
    const rows = scanRows(c);
    expect(rows.map((r) => [r.station, r.packer, r.at, r.verdict])).toEqual([
      ['bench-1', 'pat', t0, 'ORDER_OPENED'],
      ['bench-1', 'pat', t0 + 1000, 'ACCEPTED'],
      ['bench-1', 'pat', t0 + 2000, 'WRONG_ITEM'],
      ['bench-2', 'kim', t0 + 3000, 'UNKNOWN_BARCODE'],
      ['bench-2', 'kim', t0 + 4000, 'SCAN_INVALID_CHARACTERS'],
    ]);
    expect(rows[1]).toMatchObject({ raw: EAN_A, order_id: 'O1', sku_id: 'A', line_no: 1 });
    expect(rows[4]!.raw).toBe('bad\u0007code');
  });

  it('emits scan.recorded for every scan and orders.changed only when packing moved', async () => {
    const c = core();
    seedBench(c);
    const recorded: string[] = [];
    const changed: string[][] = [];
    c.events.on('scan.recorded', (e) => recorded.push(e.verdict.code));
    const off = c.events.on('orders.changed', (e) => changed.push(e.orderIds));
    const scan = scanner(c);
    await scan('O1');
    await scan(EAN_Z);
    await scan(EAN_A);
    expect(recorded).toEqual(['ORDER_OPENED', 'WRONG_ITEM', 'ACCEPTED']);
    expect(changed).toEqual([['O1']]);
    off();
    await scan(EAN_A);
    expect(changed).toHaveLength(1);
    expect(recorded).toHaveLength(4);
  });
});

describe('packing.scan: single-item mode', () => {
  function seedSingles(c: TestCore) {
    const now = c.clock.now();
    const s = seedSku(c, makeSku('S', { barcodes: ['4902430123456'] }));
    const other = seedSku(c, makeSku('T'));
    const single = (id: string, paidAgo: number, over: Partial<Order> = {}) =>
      seedOrder(c, makeOrder(id, [line(s, 1)], now, { paidAt: now - paidAgo, createdAt: now - paidAgo - MINUTE, ...over }));
    single('S-LATE', 1 * HOUR);
    single('S-MID', 10 * HOUR);
    // The platform's own ship-by overrides the computed one and makes this the most urgent.
    single('S-PLATFORM', 1 * HOUR, { platformDeadlines: { shipBy: now + 2 * HOUR, collectBy: null } });
    // More urgent, but not packable in one scan or not packable at all:
    seedOrder(c, makeOrder('M-TWO', [line(s, 2)], now, { paidAt: now - 40 * HOUR }));
    seedOrder(c, makeOrder('M-MULTI', [line(s, 1), line(other, 1)], now, { paidAt: now - 40 * HOUR }));
    single('X-CANCEL', 40 * HOUR, { cancelRequestedAt: now - HOUR });
    single('X-HOLD', 40 * HOUR, { status: 'ON_HOLD' });
    single('X-SHIPPED', 40 * HOUR, { status: 'AWAITING_COLLECTION', rtsAt: now - HOUR });
    single('X-PACKED', 40 * HOUR, { lines: [line(s, 1, 1)], packedAt: now - HOUR });
    return s;
  }

  it('completes the most urgent single-item order for the SKU in one scan, then the next', async () => {
    const c = core();
    seedSingles(c);
    const scan = scanner(c);
    const picked: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const v = await scan('4902430123456', { singleItemMode: true });
      expect(v.code).toBe('ORDER_COMPLETE');
      picked.push(v.orderId);
    }
    expect(picked).toEqual(['S-PLATFORM', 'S-MID', 'S-LATE']);
    expect(outboxRows(c, 'order.packed').map((r) => r.orderId)).toEqual(['S-PLATFORM', 'S-MID', 'S-LATE']);
    expect(await scan('4902430123456', { singleItemMode: true })).toMatchObject({ code: 'NO_OPEN_ORDER', ok: false });
    expect(packedQtys(c, 'M-TWO')).toEqual([0]);
    expect(packedQtys(c, 'X-CANCEL')).toEqual([0]);
  });

  it('without single-item mode an item scan with no open order is NO_OPEN_ORDER', async () => {
    const c = core();
    seedSingles(c);
    const v = await scanner(c)('4902430123456');
    expect(v).toMatchObject({ code: 'NO_OPEN_ORDER', ok: false, orderId: null });
    expect(packedQtys(c, 'S-PLATFORM')).toEqual([0]);
    expect(outboxRows(c)).toHaveLength(0);
  });

  it('a single-item scan can be undone like any other', async () => {
    const c = core();
    seedSingles(c);
    const v = await scanner(c)('4902430123456', { singleItemMode: true, scanId: 'one' });
    const undo = await c.call('packing.undo', { station: 'bench-1', packer: 'pat' });
    expect(undo.undoneScanId).toBe('one');
    expect(undo.order.id).toBe(v.orderId);
    expect(packedQtys(c, v.orderId!)).toEqual([0]);
  });
});

describe('packing.undo', () => {
  it('takes back the last unit; a completed order becomes incomplete; then NOTHING_TO_UNDO', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    await scan(EAN_A, { scanId: 'a1' });
    await scan(EAN_Z); // refused scans are not undone
    await scan(EAN_A, { scanId: 'a2' });
    await scan(EAN_B, { scanId: 'b1' });
    expect(stored(c, 'O1').packedAt).not.toBeNull();

    const u1 = await c.call('packing.undo', { station: 'bench-1', packer: 'pat' });
    expect(u1.undoneScanId).toBe('b1');
    expect(u1.order).toMatchObject({ unitsPacked: 2, packedAt: null });
    expect(packedQtys(c, 'O1')).toEqual([2, 0]);
    expect(outboxRows(c, 'order.unpacked')).toHaveLength(1);

    expect((await c.call('packing.undo', { station: 'bench-1', packer: 'pat' })).undoneScanId).toBe('a2');
    expect((await c.call('packing.undo', { station: 'bench-1', packer: 'pat' })).undoneScanId).toBe('a1');
    expect(packedQtys(c, 'O1')).toEqual([0, 0]);
    // Only the undo of a completed order tells the platform.
    expect(outboxRows(c, 'order.unpacked')).toHaveLength(1);
    expect(await errorCode(c.call('packing.undo', { station: 'bench-1', packer: 'pat' }))).toBe('NOTHING_TO_UNDO');
    expect(
      scanRows(c)
        .filter((r) => r.undone_at !== null)
        .map((r) => r.scan_id),
    ).toEqual(['a1', 'a2', 'b1']);
  });

  it('after an undo the order can be completed again', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    await scan(EAN_A);
    await scan(EAN_A);
    await scan(EAN_B);
    await c.call('packing.undo', { station: 'bench-1', packer: 'pat' });
    expect((await scan(EAN_B)).code).toBe('ORDER_COMPLETE');
    expect(packedQtys(c, 'O1')).toEqual([2, 1]);
  });

  it('NOTHING_TO_UNDO right after opening; NO_OPEN_ORDER at a station with none', async () => {
    const c = core();
    seedBench(c);
    await scanner(c)('O1');
    expect(await errorCode(c.call('packing.undo', { station: 'bench-1', packer: 'pat' }))).toBe('NOTHING_TO_UNDO');
    expect(await errorCode(c.call('packing.undo', { station: 'bench-9', packer: 'pat' }))).toBe('NO_OPEN_ORDER');
  });

  it('an undo at one station does not take back another station’s scan', async () => {
    const c = core();
    seedBench(c);
    const one = scanner(c, 'bench-1');
    const two = scanner(c, 'bench-2');
    await one('O1');
    await one(EAN_A, { scanId: 'one-a' });
    await two('O1');
    expect(await errorCode(c.call('packing.undo', { station: 'bench-2', packer: 'kim' }))).toBe('NOTHING_TO_UNDO');
    expect(packedQtys(c, 'O1')).toEqual([1, 0]);
  });

  it('refuses to undo once shipment is arranged', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    await scan(EAN_A);
    await scan(EAN_A);
    await scan(EAN_B);
    await c.call('shipping.arrange', { orderIds: ['O1'] });
    expect(await errorCode(c.call('packing.undo', { station: 'bench-1', packer: 'pat' }))).toBe('ORDER_ALREADY_SHIPPED');
    expect(packedQtys(c, 'O1')).toEqual([2, 1]);
  });
});

describe('packing.shortPack', () => {
  it('closes a partly packed order with a reason and tells the platform what is missing', async () => {
    const c = core();
    seedBench(c);
    const scan = scanner(c);
    await scan('O1');
    await scan(EAN_A);
    const view = await c.call('packing.shortPack', { station: 'bench-1', packer: 'pat', orderId: 'O1', reason: 'Mug out of stock' });
    expect(view).toMatchObject({ shortPackReason: 'Mug out of stock', packedAt: c.clock.now(), unitsPacked: 1, unitsOrdered: 3 });
    const rows = outboxRows(c, 'order.short_packed');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({
      orderId: 'O1',
      reason: 'Mug out of stock',
      missing: [
        { sellerSku: 'SKU-A', missing: 1 },
        { sellerSku: 'Mug-Blue', missing: 1 },
      ],
    });
    // A short-packed order is done: it may be shipped.
    expect((await c.call('shipping.arrange', { orderIds: ['O1'] })).arranged).toEqual(['O1']);
  });

  it('needs a reason, an order with something missing, and an order that may be packed', async () => {
    const c = core();
    const { a } = seedBench(c);
    seedOrder(c, makeOrder('DONE', [line(a, 1, 1)], c.clock.now(), { packedAt: c.clock.now() }));
    seedOrder(c, makeOrder('ASKED', [line(a, 1)], c.clock.now(), { cancelRequestedAt: c.clock.now() }));
    const base = { station: 'bench-1', packer: 'pat' };
    expect(await errorCode(c.call('packing.shortPack', { ...base, orderId: 'O1', reason: '  ' }))).toBe('INVALID_INPUT');
    expect(await errorCode(c.call('packing.shortPack', { ...base, orderId: 'DONE', reason: 'x' }))).toBe('CONFLICT');
    expect(await errorCode(c.call('packing.shortPack', { ...base, orderId: 'ASKED', reason: 'x' }))).toBe('ORDER_CANCEL_REQUESTED');
    expect(await errorCode(c.call('packing.shortPack', { ...base, orderId: 'NONE', reason: 'x' }))).toBe('ORDER_NOT_FOUND');
    expect(outboxRows(c)).toHaveLength(0);
    expect(stored(c, 'O1').shortPackReason).toBe('');
  });
});
