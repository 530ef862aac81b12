import { describe, expect, it, onTestFinished } from 'vitest';
import { errorCode } from '../features/support.js';
import { FifoPrinter } from './fifo-printer.js';
import { labelsIn, ordersIn, printingBench, WHO } from './support.js';

describe('printing.batch', () => {
  it('prints any number of orders in chunks of 50, checking the printer between chunks', async () => {
    const { core, printer, ids } = await printingBench(120);
    const progress: number[] = [];
    core.events.on('progress', (e) => e.task === 'print' && progress.push(e.done));
    const batch = await core.call('printing.batch', { orderIds: ids, ...WHO });
    expect(batch).toMatchObject({ state: 'DONE', total: 120, sent: 120, queued: 0, failed: 0, unknown: 0, refused: [] });
    expect(progress).toEqual([50, 100, 120]);
    expect(ordersIn(printer.received())).toEqual(ids);
    // One status query before each chunk, one after the batch: ~HQES asks for errors.
    expect(printer.received().toString('latin1').split('~HQES').length - 1).toBe(4);
  });

  it('leaves out orders that may not ship and says why', async () => {
    const { core, printer, ids } = await printingBench(3);
    core.context.db.prepare("UPDATE orders SET status = 'CANCELLED' WHERE id = 'O2'").run();
    const batch = await core.call('printing.batch', { orderIds: [...ids, 'GHOST'], ...WHO });
    expect(batch.sent).toBe(2);
    expect(batch.refused.map((r) => [r.orderId, r.code])).toEqual([
      ['O2', 'ORDER_CANCELLED'],
      ['GHOST', 'ORDER_NOT_FOUND'],
    ]);
    expect(ordersIn(printer.received())).toEqual(['O1', 'O3']);
  });

  it('pauses when the printer is out of labels, and resume prints the rest once', async () => {
    const { core, printer, ids } = await printingBench(60, { paperOut: true });
    const paused = await core.call('printing.batch', { orderIds: ids, ...WHO });
    expect(paused).toMatchObject({ state: 'PAUSED', pausedCode: 'PAPER_OUT', sent: 0, queued: 60 });
    expect(paused.pausedMessage).toMatch(/out of labels/);
    expect(labelsIn(printer.received())).toEqual([]);

    printer.state.paperOut = false;
    const done = await core.call('printing.resume', { batchId: paused.id });
    expect(done).toMatchObject({ state: 'DONE', sent: 60, queued: 0 });
    expect(ordersIn(printer.received())).toEqual(ids);
    expect((await core.call('printing.resume', { batchId: paused.id })).sent).toBe(60); // resuming a done batch sends nothing
    expect(labelsIn(printer.received())).toHaveLength(60);
  });

  it('a printer that stops taking data pauses the batch; resume sends each label once', async () => {
    const { core, ids } = await printingBench(80, {}, { writeMs: 300 });
    const pipe = FifoPrinter.create(core.dir);
    onTestFinished(() => pipe.close());
    await core.call('printers.save', { name: 'Pipe', uri: pipe.uri, language: 'zpl', dpi: 203 });
    pipe.stall();
    const paused = await core.call('printing.batch', { orderIds: ids, printer: 'Pipe', ...WHO });
    expect(paused).toMatchObject({ state: 'PAUSED', pausedCode: 'PRINTER_TIMEOUT' });
    expect(paused.sent).toBeGreaterThan(0);
    expect(paused.sent + paused.unknown + paused.queued).toBe(80);

    pipe.stall(false);
    const done = await core.call('printing.resume', { batchId: paused.id });
    expect(done).toMatchObject({ state: 'DONE', queued: 0, unknown: paused.unknown, sent: 80 - paused.unknown });
    await pipe.waitFor((b) => labelsIn(b).length >= done.sent);
    const jobs = await core.call('printing.jobs', { batchId: paused.id, limit: 100 });
    const counts = new Map<string, number>();
    for (const id of ordersIn(pipe.received())) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const j of jobs) {
      if (j.state === 'SENT') expect(counts.get(j.orderId!), j.orderId!).toBe(1);
      else expect(counts.get(j.orderId!) ?? 0, j.orderId!).toBeLessThanOrEqual(1);
    }

    // Only the user decides about an unknown job: resend it explicitly.
    for (const j of jobs.filter((x) => x.state === 'UNKNOWN')) {
      expect(await core.call('printing.resend', { jobId: j.id, ...WHO })).toMatchObject({ kind: 'RESEND', resendOf: j.id, state: 'SENT' });
    }
    const sent = jobs.find((j) => j.state === 'SENT')!;
    expect(await errorCode(core.call('printing.resend', { jobId: sent.id, ...WHO }))).toBe('CONFLICT');
  });
});
