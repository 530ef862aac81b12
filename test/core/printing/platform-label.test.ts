import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagesOfOrder } from '../../../core/store/packages-repo.js';
import { labelFile } from '../../../core/sync/label-files.js';
import { carrierPdf } from '../../printer/fixtures/platform-labels.js';
import { scanZpl } from '../../printer/oracles/scan.js';
import { errorCode } from '../features/support.js';
import { labelsIn, printingBench, WHO } from './support.js';

describe('the platform’s own label', () => {
  it('is kept for offline printing and prints instead of Packdesk’s label, barcode intact', async () => {
    const { core, printer } = await printingBench(1);
    const file = path.join(core.dir, 'label.pdf');
    fs.writeFileSync(file, await carrierPdf('JT1234567890123'));
    expect(await core.call('printing.attachLabel', { orderId: 'O1', path: file })).toMatchObject({ kind: 'pdf' });

    await core.call('printing.print', { orderId: 'O1', ...WHO });
    const [label] = labelsIn(printer.received());
    expect(label).toMatch(/\^GFA,[\d,]+:Z64:/);
    const scan = await scanZpl(label!, { widthMm: 100, heightMm: 150 }, 203, 'core-platform-label');
    expect(scan.code128).toContain('JT1234567890123');
  });

  it('refuses a file that is not a readable PDF or PNG, and keeps the one it had', async () => {
    const { core } = await printingBench(1);
    const good = path.join(core.dir, 'good.pdf');
    fs.writeFileSync(good, await carrierPdf('JT1'));
    await core.call('printing.attachLabel', { orderId: 'O1', path: good });
    const bad = path.join(core.dir, 'bad.pdf');
    fs.writeFileSync(bad, '%PDF-1.7\n garbage that is not a PDF body');
    expect(await errorCode(core.call('printing.attachLabel', { orderId: 'O1', path: bad }))).toBe('LABEL_INVALID');
    fs.writeFileSync(bad, 'hello');
    expect(await errorCode(core.call('printing.attachLabel', { orderId: 'O1', path: bad }))).toBe('LABEL_INVALID');
    // Kept on the order's package, as a content-addressed file in the data folder.
    const [pkg] = packagesOfOrder(core.context.db, 'O1');
    expect(pkg!.label).toMatchObject({ source: 'ATTACHED', kind: 'pdf' });
    expect(fs.readFileSync(labelFile(core.dir, pkg!.label!.sha256, 'pdf'))).toEqual(fs.readFileSync(good));
    expect(await errorCode(core.call('printing.attachLabel', { orderId: 'NOPE', path: good }))).toBe('ORDER_NOT_FOUND');
  });
});
