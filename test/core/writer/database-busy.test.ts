import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { errorCode, packedQtys, scanner, snapshot } from '../features/support.js';

const EAN_A = '4006381333931';
const open: { cores: TestCore[]; holders: Database.Database[] } = { cores: [], holders: [] };
afterEach(() => {
  for (const h of open.holders.splice(0)) if (h.open) h.close();
  for (const c of open.cores.splice(0)) c.dispose();
});

/** Another program on the same file that has begun writing and not committed yet. */
function otherWriter(dbPath: string) {
  const conn = new Database(dbPath);
  open.holders.push(conn);
  conn.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      if (conn.open && conn.inTransaction) conn.exec('COMMIT');
    },
  };
}

/** O1 (A × 2) and O2 (A × 1): the same item belongs to both orders. */
function bench(opts: Parameters<typeof testCore>[1] = {}) {
  const core = testCore(undefined, opts);
  open.cores.push(core);
  const a = seedSku(core, makeSku('A', { barcodes: [EAN_A] }));
  seedOrder(core, makeOrder('O1', [line(a, 2)], core.clock.now()));
  seedOrder(core, makeOrder('O2', [line(a, 1)], core.clock.now()));
  return core;
}

describe('a write that meets another Packdesk program writing the same database', () => {
  it('waits for it and then counts: the order scanned opens, and the next item lands in it', async () => {
    let holder: { release(): void } | null = null;
    // The core says when it starts waiting; the other program finishes its write right then.
    const core = bench({ log: { error: () => {}, warn: () => holder?.release() } });
    const scan = scanner(core);
    await scan('O1');
    expect((await scan(EAN_A)).orderId).toBe('O1');

    holder = otherWriter(core.dbPath);
    const opened = await scan('O2');
    expect(opened).toMatchObject({ code: 'ORDER_OPENED', orderId: 'O2' });
    const item = await scan(EAN_A);
    expect(item).toMatchObject({ code: 'ORDER_COMPLETE', orderId: 'O2' });
    expect(packedQtys(core, 'O1')).toEqual([1]);
    expect(packedQtys(core, 'O2')).toEqual([1]);
  });

  it('answers DATABASE_BUSY (never INTERNAL) when the other program keeps writing, and saves nothing; the same scan counts once later', async () => {
    const core = bench({ busyWaitMs: 150 });
    const scan = scanner(core);
    await scan('O1');
    const before = snapshot(core);
    const holder = otherWriter(core.dbPath);
    const failed = await core.dispatch('packing.scan', { station: 'bench-1', packer: 'pat', scanId: 'late', code: EAN_A });
    expect(failed).toMatchObject({ ok: false, error: { code: 'DATABASE_BUSY' } });
    expect(!failed.ok && failed.error.message).toMatch(/another Packdesk program/i);
    holder.release();
    expect(snapshot(core)).toEqual(before);
    // What a client does with DATABASE_BUSY: send the same scan again.
    expect(await scan(EAN_A, { scanId: 'late' })).toMatchObject({ code: 'ACCEPTED', orderId: 'O1' });
    expect(await scan(EAN_A, { scanId: 'late' })).toMatchObject({ code: 'ACCEPTED', replayed: true });
    expect(packedQtys(core, 'O1')).toEqual([1]);
  });

  it('reads go on while the other program writes', async () => {
    const core = bench({ busyWaitMs: 150 });
    otherWriter(core.dbPath);
    expect((await core.call('orders.get', { orderId: 'O1' })).id).toBe('O1');
    expect(await errorCode(core.call('packing.shortPack', { station: 'b', packer: 'p', orderId: 'O1', reason: 'x' }))).toBe('DATABASE_BUSY');
  });
});
