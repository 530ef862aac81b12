import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { cli } from '../printing/processes.js';
import { scanner } from '../features/support.js';

const EAN = '4006381333931';
let app: TestCore | null = null;
afterEach(() => {
  app?.dispose();
  app = null;
});

/**
 * The decision (README, "The CLI"): a CLI write while the app runs on the same database is allowed
 * and safe. Both are writers on one file; every write takes the lock first and decides on what is
 * stored then, so neither overwrites the other. Work one program is doing (a batch printing) is
 * refused to the other with who does it.
 */
describe('a CLI write while the app runs on the same database', () => {
  it('is allowed: the CLI packs and ships, the app packs beside it, and each sees the other’s writes', async () => {
    app = testCore(Date.now());
    const a = seedSku(app, makeSku('A', { barcodes: [EAN] }));
    seedOrder(app, makeOrder('C1', [line(a, 1)], app.clock.now()));
    seedOrder(app, makeOrder('A1', [line(a, 2)], app.clock.now()));
    await app.call('settings.set', { packing: { autoPrint: false } });
    const bench = scanner(app, 'bench-1', 'pat');
    await bench('A1');
    await bench(EAN);

    const packed = await cli(['pack', 'C1', '--scan', EAN, '--json', '--db', app.dbPath]).done;
    expect(packed.code, packed.stderr).toBe(0);
    expect(JSON.parse(packed.stdout).verdicts.map((v: { code: string }) => v.code)).toEqual(['ORDER_COMPLETE']);
    const shipped = await cli(['ship', 'C1', '--json', '--db', app.dbPath]).done;
    expect(JSON.parse(shipped.stdout)).toMatchObject({ arranged: ['C1'] });

    // The app carries on with its own order and sees what the CLI did.
    expect(await bench(EAN)).toMatchObject({ code: 'ORDER_COMPLETE', orderId: 'A1' });
    expect(await app.call('orders.get', { orderId: 'C1' })).toMatchObject({ status: 'AWAITING_COLLECTION', packedBy: expect.any(String) });
    const listed = await cli(['orders', '--json', '--db', app.dbPath]).done;
    expect(JSON.parse(listed.stdout).find((o: { id: string }) => o.id === 'A1')).toMatchObject({ packedBy: 'pat' });
  });
});
