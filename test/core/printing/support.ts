import { afterEach } from 'vitest';
import type { TestCore } from '../../helpers/core.js';
import { testCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { FakeTcpPrinter } from '../../printer/fakes/tcp-printer.js';
import { openTransport } from '../../../printer/transports/open.js';
import type { PreviewArtifacts } from '../../../printer/transports/types.js';

const open: { cores: TestCore[]; printers: FakeTcpPrinter[] } = { cores: [], printers: [] };

afterEach(async () => {
  for (const c of open.cores.splice(0)) c.dispose();
  for (const p of open.printers.splice(0)) await p.stop();
});

/** A core with `n` orders awaiting shipment (tracking TTO1…), and a loopback ZPL printer saved as "Zebra". */
export async function printingBench(
  n = 3,
  printerState: Parameters<typeof FakeTcpPrinter.start>[0] = {},
  setup: { language?: 'zpl' | 'escpos' | 'tspl'; writeMs?: number } = {},
) {
  const printers = setup.writeMs
    ? { openTransport: (uri: string, preview?: PreviewArtifacts) => openTransport(uri, { previewArtifacts: preview, timeouts: { writeMs: setup.writeMs } }) }
    : undefined;
  const core = testCore(undefined, printers ? { printers } : {});
  open.cores.push(core);
  const printer = await FakeTcpPrinter.start(printerState);
  open.printers.push(printer);
  const sku = seedSku(core, makeSku('A', { name: 'Phone Case', barcodes: ['4006381333931'] }));
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const id = `O${i}`;
    seedOrder(core, makeOrder(id, [line(sku, 1)], core.clock.now() - i * 60_000));
    ids.push(id);
  }
  await core.call('printers.save', { name: 'Zebra', uri: printer.uri, language: setup.language ?? 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
  return { core, printer, ids };
}

/** The ZPL labels a printer received, in order (status queries between them left out). */
export function labelsIn(bytes: Buffer): string[] {
  return bytes.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [];
}

/** Which order each received label is for, by the tracking number the test orders carry. */
export function ordersIn(bytes: Buffer): string[] {
  return labelsIn(bytes).map((l) => /TT(O\d+)/.exec(l)?.[1] ?? '?');
}

export const WHO = { station: 'bench-1', packer: 'pat' } as const;
