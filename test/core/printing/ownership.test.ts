import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../core/api/dispatch.js';
import { createCore } from '../../../core/core.js';
import { openTransport } from '../../../printer/transports/open.js';
import { tempDir, testCore, type TestCore } from '../../helpers/core.js';
import { FakeTcpPrinter } from '../../printer/fakes/tcp-printer.js';
import { errorCode } from '../features/support.js';
import { FifoPrinter } from './fifo-printer.js';
import { batchState, cli, jobStates, labelsPerOrder, peek, seedShop, until, writeLockFree } from './processes.js';
import { WHO } from './support.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

function fifoIn(dir: string): FifoPrinter {
  const p = FifoPrinter.create(dir);
  cleanups.push(() => p.close());
  return p;
}

describe.skipIf(process.platform === 'win32')('who owns a print batch', { timeout: 180_000 }, () => {
  it('a second program started during a running batch neither pauses nor resumes it: 0 labels printed twice', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = path.join(t.dir, 'packdesk.db');
    const printer = await FakeTcpPrinter.start();
    cleanups.push(() => printer.stop());
    const ids = await seedShop(db, 120, { Zebra: printer.uri });

    const first = cli(['print-batch', ...ids, '--db', db, '--json']);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    await until('the batch to be printing', () => labelsPerOrder(printer.received()).size >= 10);
    // Freeze the first program mid-batch (alive, but not between two writes of its own).
    first.child.kill('SIGSTOP');
    for (let tries = 0; !writeLockFree(db); tries++) {
      // Stopped inside one of its own writes: let it run on a moment and stop it again.
      if (tries > 500) throw new Error('could not stop the first program outside a write');
      first.child.kill('SIGCONT');
      await new Promise((r) => setTimeout(r, 5));
      first.child.kill('SIGSTOP');
    }
    try {
      // Any other program starting up (even a read) leaves the live batch alone…
      const reader = await cli(['orders', '--limit', '1', '--db', db]).done;
      expect(reader.code, reader.stderr).toBe(0);
      expect(batchState(db, 1)).toBe('RUNNING');
      expect(jobStates(db).UNKNOWN ?? 0).toBe(0);
      // …and following the old pause message is refused, naming who prints it.
      const second = await cli(['print-batch', '--resume', '1', '--db', db]).done;
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/^error BATCH_RUNNING: /m);
      expect(second.stderr).toContain(`pid ${first.child.pid}`);
      expect(second.stderr).toMatch(/\bcli\b/);
    } finally {
      first.child.kill('SIGCONT');
    }
    const out = await first.done;
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ state: 'DONE', sent: 120, unknown: 0, queued: 0 });
    await until('every label to arrive', () => labelsPerOrder(printer.received()).size >= 120);
    const counts = labelsPerOrder(printer.received());
    const twice = ids.filter((id) => (counts.get(id) ?? 0) > 1);
    expect(twice).toEqual([]);
    expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
  });

  it('refuses printing.resume of a batch this program is printing, and the CLI names the app that prints it', async () => {
    const core = testCore();
    cleanups.push(() => core.dispose());
    const pipe = fifoIn(core.dir);
    await seedInto(core, 60);
    await core.call('printers.save', { name: 'Pipe', uri: pipe.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    pipe.stall();
    const running = core.call('printing.batch', { status: 'AWAITING_SHIPMENT', ...WHO });
    await until('the batch to block mid-send', () => jobStates(core.dbPath).SENDING === 1);

    expect(await errorCode(core.call('printing.resume', { batchId: 1 }))).toBe('BATCH_RUNNING');
    const other = await cli(['print-batch', '--resume', '1', '--db', core.dbPath]).done;
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^error BATCH_RUNNING: /m);
    expect(other.stderr).toContain(`pid ${process.pid}`);
    expect(other.stderr).toMatch(/\bapp\b/);

    pipe.stall(false);
    expect(await running).toMatchObject({ state: 'DONE', sent: 60, unknown: 0 });
  });

  it('kill -9 mid-batch: the next program marks only the dead owner’s label as outcome unknown', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const live = tempDir();
    cleanups.push(live.cleanup);
    const db = path.join(t.dir, 'packdesk.db');
    const deadPipe = fifoIn(t.dir);
    const livePipe = fifoIn(live.dir);
    // A pipe holds 64 KB: each batch is far more than that, so each blocks mid-send.
    const ids = await seedShop(db, 300, { Dead: deadPipe.uri, Live: livePipe.uri });

    // A live program (this one) is printing a batch whose printer stopped reading.
    const app = createCore({
      dbPath: db,
      log: { error: () => {} },
      printers: { openTransport: (uri, preview) => openTransport(uri, { previewArtifacts: preview, timeouts: { writeMs: 120_000 } }) },
    });
    cleanups.push(() => app.close());
    livePipe.stall();
    const appBatch = call(app.dispatch, 'printing.batch', { orderIds: ids.slice(0, 150), printer: 'Live', ...WHO });
    await until('the live batch to block mid-send', () => (jobStates(db).SENDING ?? 0) === 1);

    // Another program prints the other half and dies mid-send.
    deadPipe.stall();
    const doomed = cli(['print-batch', ...ids.slice(150), '--printer', 'Dead', '--db', db]);
    await until('the doomed batch to block mid-send', () => (jobStates(db).SENDING ?? 0) === 2);
    doomed.child.kill('SIGKILL');
    expect((await doomed.done).signal).toBe('SIGKILL');

    const next = await cli(['orders', '--limit', '1', '--db', db]).done;
    expect(next.code, next.stderr).toBe(0);
    const sending = peek(db, (c) => c.prepare("SELECT batch_id, state FROM print_jobs WHERE state IN ('SENDING', 'UNKNOWN') ORDER BY batch_id").all());
    expect(sending).toEqual([
      { batch_id: 1, state: 'SENDING' },
      { batch_id: 2, state: 'UNKNOWN' },
    ]);
    expect([batchState(db, 1), batchState(db, 2)]).toEqual(['RUNNING', 'PAUSED']);

    livePipe.stall(false);
    expect(await appBatch).toMatchObject({ state: 'DONE', sent: 150, unknown: 0 });
  });
});

async function seedInto(core: TestCore, n: number): Promise<void> {
  const { line, makeOrder, makeSku, seedOrder, seedSku } = await import('../../helpers/orders.js');
  const sku = seedSku(core, makeSku('A'));
  for (let i = 1; i <= n; i++) seedOrder(core, makeOrder(`O${i}`, [line(sku)], core.clock.now() - i * 60_000));
}
