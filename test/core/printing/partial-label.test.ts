/**
 * A job cut off mid-send leaves half a label in the printer (issue 10: 3 of 4 crash cases were
 * cut, two inside :Z64: data). The next job must start by ending it, so that it is neither merged
 * into the next label nor printed. The printer here is a stand-in that reads the received bytes as
 * the ZPL guide describes (test/printer/fakes/zpl-stream.ts) and hands each label it would print to
 * zpl-renderer-js; zbarimg reads the barcodes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterError } from '../../../printer/errors.js';
import { openTransport } from '../../../printer/transports/open.js';
import { BYTES_UNKNOWN } from '../../../printer/transports/util.js';
import { testCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { printedFormats } from '../../printer/fakes/zpl-stream.js';
import { FakeTcpPrinter } from '../../printer/fakes/tcp-printer.js';
import { carrierPdf } from '../../printer/fixtures/platform-labels.js';
import { scanZpl } from '../../printer/oracles/scan.js';
import { seeded } from '../../printer/fixtures/cjk-names.js';
import { labelsIn, WHO } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const STOCK = { widthMm: 100, heightMm: 150 };

/**
 * A core whose transport can be told to cut the next job after n bytes, as a crash or a pulled
 * cable does: those bytes reach the loopback printer over real TCP, the rest never leave, and the
 * job fails mid-send. O1 carries the platform's PDF label (one full-page Z64 graphic), O2 is
 * Packdesk's own label, O3 has a Chinese recipient (text as graphic fields). "Probe" prints whole
 * jobs to learn their bytes; "Zebra" is the printer whose job is cut.
 */
async function bench() {
  let cutAfter: number | null = null;
  const core = testCore(undefined, {
    printers: {
      openTransport: (uri, preview) => {
        const real = openTransport(uri, { previewArtifacts: preview });
        return {
          ...real,
          uri: real.uri,
          open: () => real.open(),
          read: (ms: number) => real.read(ms),
          close: () => real.close(),
          write: async (bytes: Uint8Array) => {
            // Status queries and endings go through; the label (the write holding ^XA) is cut.
            if (cutAfter === null || !Buffer.from(bytes).includes('^XA')) return real.write(bytes);
            const n = cutAfter;
            cutAfter = null;
            await real.write(bytes.subarray(0, n));
            throw new PrinterError('PRINTER_OFFLINE', 'The connection went down mid-job.', { bytesSent: BYTES_UNKNOWN });
          },
        };
      },
    },
  });
  const printer = await FakeTcpPrinter.start();
  const probe = await FakeTcpPrinter.start();
  cleanups.push(async () => {
    core.dispose();
    await printer.stop();
    await probe.stop();
  });
  const sku = seedSku(core, makeSku('A', { name: 'Phone Case', barcodes: ['4006381333931'] }));
  const cjk = seedSku(core, makeSku('C', { name: '蓝牙耳机' }));
  seedOrder(core, makeOrder('O1', [line(sku, 1)], core.clock.now() - 60_000));
  seedOrder(core, makeOrder('O2', [line(sku, 1)], core.clock.now() - 120_000));
  seedOrder(
    core,
    makeOrder('O3', [line(cjk, 1)], core.clock.now() - 180_000, {
      recipient: {
        name: '张伟',
        phone: '+86 138 0000 0000',
        country: 'CN',
        state: '广东省',
        city: '深圳市',
        district: '南山区',
        address: '科技园路88号3栋',
        postcode: '518000',
      },
    }),
  );
  const file = path.join(core.dir, 'label.pdf');
  fs.writeFileSync(file, await carrierPdf('JT5091827364510'));
  await core.call('printing.attachLabel', { orderId: 'O1', path: file });
  await core.call('printers.save', { name: 'Zebra', uri: printer.uri, language: 'zpl', dpi: 203 });
  await core.call('printers.save', { name: 'Probe', uri: probe.uri, language: 'zpl', dpi: 203 });
  const cutNextAfter = (n: number) => {
    cutAfter = n;
  };
  return { core, printer, probe, cutNextAfter };
}

/** The label bytes of a whole job. */
async function labelOf(b: Awaited<ReturnType<typeof bench>>, orderId: string): Promise<string> {
  const before = b.probe.bytesReceived;
  await b.core.call('printing.reprint', { orderId, printer: 'Probe', ...WHO });
  return labelsIn(b.probe.received().subarray(before))[0]!;
}

async function printedAfterCut(orderId: string, cutAt: (label: string) => number, nextOrder: string) {
  const b = await bench();
  const label = await labelOf(b, orderId);
  b.cutNextAfter(cutAt(label));
  const cut = await b.core.dispatch('printing.print', { orderId, printer: 'Zebra', ...WHO });
  expect(cut.ok).toBe(false);
  const [unknown] = await b.core.call('printing.jobs', { orderId });
  expect(unknown).toMatchObject({ state: 'UNKNOWN', mayHavePrintedPartly: true });
  await b.core.call('printing.print', { orderId: nextOrder, printer: 'Zebra', ...WHO });
  return { formats: printedFormats(b.printer.received().toString('latin1')), alone: await labelOf(b, nextOrder) };
}

/** The printer printed one label, exactly the next one as it is alone, and it scans. */
async function expectOnly({ formats, alone }: { formats: string[]; alone: string }, tracking: string, name: string): Promise<void> {
  expect(formats).toEqual([alone]);
  const scan = await scanZpl(formats[0]!, STOCK, 203, name);
  expect(scan.code128).toEqual([tracking]);
}

const inZ64 = (share: number) => (label: string) => {
  const start = label.indexOf(':Z64:') + 5;
  const end = label.indexOf(':', start);
  return Math.round(start + (end - start) * share);
};

describe('the first job after one cut off mid-send', () => {
  it.each([
    ['just inside the :Z64: data', inZ64(0.01)],
    ['in the middle of the :Z64: data', inZ64(0.5)],
    ['just before the :Z64: checksum', inZ64(0.999)],
    ['inside the ^GFA parameters', (label: string) => label.indexOf('^GFA') + 8],
    ['right after ^XA', (label: string) => label.indexOf('^XA') + 3],
    ['just before ^XZ', (label: string) => label.lastIndexOf('^XZ') + 2],
  ])(
    'ends a platform label cut %s: the next label prints alone and scans',
    async (where, cutAt) => {
      await expectOnly(await printedAfterCut('O1', cutAt, 'O2'), 'TTO2', `partial-platform-${where.replace(/\W+/g, '-')}`);
    },
    60_000,
  );

  it('ends Packdesk’s own label cut at random points, graphic fields of Chinese text included', async () => {
    const rng = seeded(10);
    const inGraphic = (label: string) => label.indexOf('^GFA') + 20;
    const cuts = [inGraphic, ...Array.from({ length: 5 }, () => (label: string) => 4 + Math.floor(rng() * (label.length - 8)))];
    for (const [i, cutAt] of cuts.entries()) await expectOnly(await printedAfterCut('O3', cutAt, 'O2'), 'TTO2', `partial-own-${i}`);
  }, 180_000);

  it('without the ending the stand-in merges the half label into the next one (the test can fail)', async () => {
    const b = await bench();
    const half = await labelOf(b, 'O2');
    const cut = half.slice(0, half.indexOf('^FS', half.indexOf('^BC')) + 3);
    const formats = printedFormats(cut + (await labelOf(b, 'O3')));
    expect(formats).toHaveLength(1);
    const scan = await scanZpl(formats[0]!, STOCK, 203, 'partial-merged-control');
    expect(scan.code128).not.toEqual(['TTO3']);
  }, 60_000);

  it('is sent only after a job of unknown outcome, and once', async () => {
    const b = await bench();
    await b.core.call('printing.print', { orderId: 'O2', printer: 'Zebra', ...WHO });
    expect(b.printer.received().toString('latin1')).not.toContain('~JX');
    b.cutNextAfter(100);
    await b.core.dispatch('printing.print', { orderId: 'O1', printer: 'Zebra', ...WHO });
    await b.core.call('printing.print', { orderId: 'O3', printer: 'Zebra', ...WHO });
    await b.core.call('printing.reprint', { orderId: 'O3', printer: 'Zebra', ...WHO });
    expect(b.printer.received().toString('latin1').split('~DN~JX')).toHaveLength(2);
  }, 60_000);
});
