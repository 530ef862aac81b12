import type { StationBench } from '../e2e/launcher.js';

/** Order ids and item barcodes, in the order a packer scans them, for enough orders. */
export async function scanSequence(bench: StationBench, scans: number): Promise<string[]> {
  const orders = await bench.call('orders.list', { status: ['AWAITING_SHIPMENT'], limit: 1000 });
  const codes: string[] = [];
  for (const order of orders) {
    if (order.packRefusal !== null || order.lines.some((l) => l.barcodes.length === 0)) continue;
    codes.push(order.id);
    for (const line of order.lines) for (let u = 0; u < line.qty; u++) codes.push(line.barcodes[0]!);
    if (codes.length >= scans) break;
  }
  return codes;
}
