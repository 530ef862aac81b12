import { describe, expect, it } from 'vitest';
import { decideResume, isLeaseDead, LEASE_STALE_MS, type ProcessLease } from '../../../core/domain/lease.js';
import { decideParcel } from '../../../core/domain/handover.js';
import { decideScan, readScanCode, type ScanState } from '../../../core/domain/scan.js';
import type { Order } from '../../../core/domain/types.js';
import { T0, deepFreeze, line, order } from './fixtures.js';

/** The packing rules of one scan, decided without a database. */
const A = { skuId: 'SKU-A', sellerSku: 'S-SKU-A', name: 'Product SKU-A' };
const Z = { skuId: 'SKU-Z', sellerSku: 'S-SKU-Z', name: 'Stray item' };
const scan = { code: 'x', packer: 'li', singleItemMode: false };

function state(over: Partial<ScanState>): ScanState {
  return deepFreeze({ open: null, named: null, item: null, single: null, ...over });
}

const packed = (over: Partial<Order> = {}) => order({ id: 'P-1', lines: [line('SKU-A', 1, 1)], packedAt: T0 - 60_000, packedBy: 'kim', ...over });

describe('decideScan', () => {
  it('an item goes into the order open at the station, and the last unit completes it, stamped by whom', () => {
    const open = order({ lines: [line('SKU-A', 2)] });
    const first = decideScan(state({ open, item: A }), scan, T0);
    expect(first).toMatchObject({ code: 'ACCEPTED', lineIndex: 0, packed: { previous: open } });
    expect(first.order!.lines[0]!.packedQuantity).toBe(1);
    expect(first.open).toBeUndefined();
    const last = decideScan(state({ open: first.order!, item: A }), scan, T0 + 1);
    expect(last).toMatchObject({ code: 'ORDER_COMPLETE', order: { packedAt: T0 + 1, packedBy: 'li' } });
  });

  it('a wrong item names what was scanned; one too many names the full line; neither packs', () => {
    const open = order({ lines: [line('SKU-A', 1, 1), line('SKU-B', 1)] });
    const wrong = decideScan(state({ open, item: Z }), scan, T0);
    expect(wrong).toMatchObject({ code: 'WRONG_ITEM', item: Z, lineIndex: null, packed: null });
    expect(wrong.message).toContain('S-SKU-Z');
    expect(decideScan(state({ open, item: A }), scan, T0)).toMatchObject({ code: 'OVER_SCAN', lineIndex: 0, packed: null, item: A });
  });

  it('an order that is packed, short-packed or packed and arranged is ALREADY_PACKED and not reopened', () => {
    const open = order({ id: 'OPEN', lines: [line('SKU-A', 2)] });
    for (const named of [
      packed(),
      packed({ lines: [line('SKU-A', 2, 1)], shortPackReason: 'out of stock' }),
      packed({ status: 'AWAITING_COLLECTION', rtsAt: T0 }),
    ]) {
      const d = decideScan(state({ open, named }), scan, T0);
      expect(d).toMatchObject({ code: 'ORDER_ALREADY_PACKED', order: { id: 'P-1', packedBy: 'kim' }, packed: null });
      expect(d.open).toBeUndefined();
      expect(d.message).toContain('kim');
    }
  });

  it('a refusal still wins over "already packed": a cancelled or cancel-requested parcel must be set aside', () => {
    expect(decideScan(state({ named: packed({ cancelRequestedAt: T0 }) }), scan, T0).code).toBe('ORDER_CANCEL_REQUESTED');
    expect(decideScan(state({ named: packed({ status: 'CANCELLED' }) }), scan, T0).code).toBe('ORDER_CANCELLED');
    expect(decideScan(state({ named: packed({ status: 'IN_TRANSIT' }) }), scan, T0).code).toBe('ORDER_ALREADY_SHIPPED');
  });

  it('an order code opens the order; a refused order leaves the open one open', () => {
    const open = order({ id: 'OPEN' });
    expect(decideScan(state({ open, named: order({ id: 'NEXT' }) }), scan, T0)).toMatchObject({ code: 'ORDER_OPENED', open: 'NEXT' });
    const held = decideScan(state({ open, named: order({ id: 'HELD', status: 'ON_HOLD' }) }), scan, T0);
    expect(held).toMatchObject({ code: 'ORDER_ON_HOLD', order: { id: 'HELD' } });
    expect(held.open).toBeUndefined();
  });

  it('with no order open an item is NO_OPEN_ORDER, unless single-item mode finds an order for it', () => {
    expect(decideScan(state({ item: A }), scan, T0)).toMatchObject({ code: 'NO_OPEN_ORDER', item: A });
    expect(decideScan(state({ item: A }), { ...scan, singleItemMode: true }, T0).message).toMatch(/single-item/);
    const single = order({ id: 'S-1', lines: [line('SKU-A', 1)] });
    expect(decideScan(state({ item: A, single }), { ...scan, singleItemMode: true }, T0)).toMatchObject({
      code: 'ORDER_COMPLETE',
      open: 'S-1',
      order: { id: 'S-1' },
    });
  });

  it('a completed open order no longer takes items; an unknown code is UNKNOWN_BARCODE', () => {
    expect(decideScan(state({ open: packed(), item: A }), scan, T0).code).toBe('NO_OPEN_ORDER');
    expect(decideScan(state({ open: order() }), scan, T0)).toMatchObject({ code: 'UNKNOWN_BARCODE', order: { id: 'O-1' } });
  });

  it('readScanCode turns scanner noise into the code, and bad input into its verdict', () => {
    expect(readScanCode(']E04006381333931\r\n', {})).toEqual({ ok: true, code: '4006381333931' });
    expect(readScanCode('\r\n', {})).toMatchObject({ ok: false, decision: { code: 'SCAN_EMPTY' } });
    expect(readScanCode('40\u000763', {})).toMatchObject({ ok: false, decision: { code: 'SCAN_INVALID_CHARACTERS' } });
  });
});

describe('decideParcel', () => {
  const batch = { id: 3, carrier: 'USPS' };
  it('a packed parcel whose shipment is not arranged is PARCEL_NOT_ARRANGED, apart from other parcels not ready', () => {
    expect(decideParcel({ batch, order: packed(), inBatch: null }, 'TT1')).toEqual({ code: 'PARCEL_NOT_ARRANGED', message: 'Shipment not arranged' });
    expect(decideParcel({ batch, order: order(), inBatch: null }, 'TT1').code).toBe('PARCEL_NOT_READY');
    expect(decideParcel({ batch, order: packed({ status: 'AWAITING_COLLECTION', carrier: 'usps' }), inBatch: null }, 'TT1').code).toBe('PARCEL_ADDED');
    expect(decideParcel({ batch, order: packed({ status: 'AWAITING_COLLECTION' }), inBatch: 3 }, 'TT1').code).toBe('PARCEL_ALREADY_IN_BATCH');
  });
});

describe('process leases', () => {
  const lease: ProcessLease = { ownerId: 'a', pid: 42, host: 'bench-pc', role: 'app', startedAt: T0, heartbeatAt: T0 };
  const here = (over: Partial<{ host: string; now: number; alive: boolean }> = {}) => ({
    host: over.host ?? 'bench-pc',
    now: over.now ?? T0 + 1000,
    pidAlive: () => over.alive ?? true,
  });

  it('an owner is dead when its heartbeat stopped, or its process is gone from this host', () => {
    expect(isLeaseDead(lease, here())).toBe(false);
    expect(isLeaseDead(lease, here({ alive: false }))).toBe(true);
    // Another host's pid means nothing here: only the heartbeat tells.
    expect(isLeaseDead(lease, here({ host: 'other-pc', alive: false }))).toBe(false);
    expect(isLeaseDead(lease, here({ host: 'other-pc', now: T0 + LEASE_STALE_MS + 1 }))).toBe(true);
  });

  it('a batch a live program prints cannot be resumed; a paused one, or a dead owner’s, is taken over', () => {
    expect(() => decideResume({ id: 7, state: 'RUNNING' }, lease, 'b')).toThrow(
      expect.objectContaining({ code: 'BATCH_RUNNING', details: { batchId: 7, owner: { pid: 42, host: 'bench-pc', role: 'app', thisProgram: false } } }),
    );
    expect(() => decideResume({ id: 7, state: 'RUNNING' }, lease, 'a')).toThrow(/in this program/);
    expect(decideResume({ id: 7, state: 'RUNNING' }, null, 'b')).toBe('CLAIM');
    expect(decideResume({ id: 7, state: 'PAUSED' }, null, 'b')).toBe('CLAIM');
    expect(decideResume({ id: 7, state: 'DONE' }, lease, 'b')).toBe('DONE');
  });
});
