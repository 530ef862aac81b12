import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanZpl } from '../../printer/oracles/scan.js';
import { errorCode, outboxRows } from '../features/support.js';
import { labelsIn, ordersIn, printingBench, WHO } from './support.js';

describe('printing.print', () => {
  it('journals the job, sends the label to the printer, and the barcode reads as the tracking number', async () => {
    const { core, printer } = await printingBench(1);
    const states: string[] = [];
    core.events.on('print.job', (e) => states.push(e.state));
    const job = await core.call('printing.print', { orderId: 'O1', ...WHO });
    expect(job).toMatchObject({ state: 'SENT', kind: 'PRINT', orderId: 'O1', printerName: 'Zebra', errorCode: null });
    expect(states).toEqual(['QUEUED', 'SENDING', 'SENT']);
    const labels = labelsIn(printer.received());
    expect(labels).toHaveLength(1);
    const expected = Buffer.from((await core.call('printing.label', { orderId: 'O1', language: 'zpl', station: WHO.station })).base64, 'base64');
    expect(printer.received().includes(expected)).toBe(true);
    expect(job.bytes).toBe(expected.length);
    const scan = await scanZpl(labels[0]!, { widthMm: 100, heightMm: 150 }, 203, 'core-print-O1');
    expect(scan.code128).toContain('TTO1');
    expect(outboxRows(core)).toEqual([]);
  });

  it('refuses orders that may not ship, with the core’s code, and sends nothing', async () => {
    const { core, printer } = await printingBench(1);
    core.context.db.prepare("UPDATE orders SET cancel_requested_at = 1 WHERE id = 'O1'").run();
    expect(await errorCode(core.call('printing.print', { orderId: 'O1', ...WHO }))).toBe('ORDER_CANCEL_REQUESTED');
    core.context.db.prepare("UPDATE orders SET cancel_requested_at = NULL, status = 'ON_HOLD' WHERE id = 'O1'").run();
    expect(await errorCode(core.call('printing.print', { orderId: 'O1', ...WHO }))).toBe('ORDER_ON_HOLD');
    expect(await errorCode(core.call('printing.print', { orderId: 'NOPE', ...WHO }))).toBe('ORDER_NOT_FOUND');
    expect(printer.received().length).toBe(0);
    expect(await core.call('printing.jobs', {})).toEqual([]);
  });

  it('says why when the printer cannot print, and the job shows it failed', async () => {
    const { core, printer } = await printingBench(1, { paperOut: true });
    expect(await errorCode(core.call('printing.print', { orderId: 'O1', ...WHO }))).toBe('PAPER_OUT');
    const [job] = await core.call('printing.jobs', { orderId: 'O1' });
    expect(job).toMatchObject({ state: 'FAILED', errorCode: 'PAPER_OUT' });
    expect(labelsIn(printer.received())).toEqual([]);
  });

  it('an unplugged printer is PRINTER_OFFLINE before any byte: the job failed, cleanly', async () => {
    const { core, printer } = await printingBench(1);
    await printer.stop();
    expect(await errorCode(core.call('printing.print', { orderId: 'O1', ...WHO }))).toBe('PRINTER_OFFLINE');
    expect((await core.call('printing.jobs', {}))[0]).toMatchObject({ state: 'FAILED', errorCode: 'PRINTER_OFFLINE' });
  });

  it('reprints in one call, recorded as a reprint', async () => {
    const { core, printer } = await printingBench(1);
    await core.call('printing.print', { orderId: 'O1', ...WHO });
    await core.call('printing.reprint', { orderId: 'O1', ...WHO });
    expect(ordersIn(printer.received())).toEqual(['O1', 'O1']);
    expect((await core.call('printing.jobs', { orderId: 'O1' })).map((j) => j.kind)).toEqual(['REPRINT', 'PRINT']);
  });

  it('prints to the preview folder when no printer is set up: bytes and a picture', async () => {
    const { core } = await printingBench(1);
    await core.call('printers.remove', { name: 'Zebra' });
    const job = await core.call('printing.print', { orderId: 'O1', ...WHO });
    expect(job).toMatchObject({ printerName: 'Preview', state: 'SENT' });
    const dir = path.join(core.dir, 'label-previews');
    const files = fs.readdirSync(dir);
    expect(files.some((f) => f.endsWith('.png'))).toBe(true);
    expect(files.some((f) => f.endsWith('.zpl'))).toBe(true);
  });
});

describe('printing.label', () => {
  it('returns the exact bytes for each printer language', async () => {
    const { core } = await printingBench(1);
    const zpl = Buffer.from((await core.call('printing.label', { orderId: 'O1', language: 'zpl' })).base64, 'base64').toString('latin1');
    expect(zpl).toMatch(/^\^XA[\s\S]*\^XZ\s*$/);
    const tspl = Buffer.from((await core.call('printing.label', { orderId: 'O1', language: 'tspl', dpi: 300 })).base64, 'base64').toString('latin1');
    expect(tspl).toMatch(/^SIZE 100 mm,150 mm/m);
    expect(tspl).toMatch(/PRINT 1,1/);
    const escpos = Buffer.from((await core.call('printing.label', { orderId: 'O1', language: 'escpos' })).base64, 'base64');
    expect([...escpos.subarray(0, 2)]).toEqual([0x1b, 0x40]);
  });
});
