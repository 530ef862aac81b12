/**
 * Packdesk's documents on a receipt roll: the packing slip that goes in the parcel and the pick
 * list, as lines the printer sets in its own font (receipt.ts draws what its font cannot).
 */
import type { PackingSlipData, PickListPrintData } from '../documents/types.js';
import { joinParts, labelDate } from '../documents/layout.js';
import type { Receipt, ReceiptLine } from './types.js';

export function packingSlipReceipt(slip: PackingSlipData): Receipt {
  const items = slip.items.flatMap((item): ReceiptLine[] => [
    { kind: 'pair', left: `${item.qty} x ${item.sellerSku}`, right: item.bin ?? '', bold: true },
    { kind: 'text', text: joinParts([item.name, item.variation]) },
  ]);
  const units = slip.items.reduce((n, item) => n + item.qty, 0);
  return {
    lines: [
      { kind: 'text', text: 'PACKING SLIP', bold: true, large: true, center: true },
      { kind: 'text', text: slip.shopName, center: true },
      { kind: 'rule' },
      { kind: 'pair', left: `Order ${slip.orderId}`, right: labelDate(slip.printedAt, slip.timeZoneOffsetMinutes) },
      ...(slip.trackingNumber ? [{ kind: 'text' as const, text: `Tracking ${slip.trackingNumber}` }] : []),
      { kind: 'text', text: slip.recipientName, bold: true },
      ...(slip.destination ? [{ kind: 'text' as const, text: slip.destination }] : []),
      { kind: 'rule' },
      ...items,
      { kind: 'rule' },
      { kind: 'pair', left: `${units} item${units === 1 ? '' : 's'}`, right: `station ${slip.station}` },
      ...(slip.buyerMessage.trim()
        ? [
            { kind: 'text' as const, text: 'Buyer message:', bold: true },
            { kind: 'text' as const, text: slip.buyerMessage.trim() },
          ]
        : []),
      { kind: 'blank' },
      { kind: 'qr', value: slip.orderId },
    ],
  };
}

export function pickListReceipt(list: PickListPrintData): Receipt {
  const rows = list.rows.flatMap((row): ReceiptLine[] => [
    {
      kind: 'pair',
      left: `${row.bin ?? '-'}  ${row.qty} x ${row.sellerSku}`,
      right: `${row.orderIds.length} order${row.orderIds.length === 1 ? '' : 's'}`,
      bold: true,
    },
    { kind: 'text', text: joinParts([row.name, row.variation]) },
  ]);
  return {
    lines: [
      { kind: 'text', text: 'PICK LIST', bold: true, large: true, center: true },
      { kind: 'text', text: list.title, center: true },
      { kind: 'pair', left: labelDate(list.printedAt, list.timeZoneOffsetMinutes), right: `station ${list.station}` },
      { kind: 'rule' },
      ...rows,
      { kind: 'rule' },
    ],
  };
}
