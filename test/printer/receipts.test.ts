/**
 * Pick lists and packing slips on 58 and 80 mm receipt printers through node-thermal-printer, in
 * Epson and Star commands: checked byte by byte (reset first, the SKU as the printer's own text,
 * a cut last) and by reading the QR code off the raster picture with zbarimg.
 */
import { describe, expect, it } from 'vitest';
import type { PackingSlipData } from '../../printer/documents/types.js';
import { packingSlipReceipt, pickListReceipt } from '../../printer/receipts/documents.js';
import { receiptBytes, receiptDots } from '../../printer/receipts/receipt.js';
import type { ReceiptProfile } from '../../printer/receipts/types.js';
import { PRINTED_AT } from './fixtures/documents.js';
import { bitmapToPngFile } from './oracles/images.js';
import { readReceipt } from './oracles/receipt-reader.js';
import { decodedValues } from './oracles/zbar.js';

const SLIP: PackingSlipData = {
  orderId: '576461413038785752',
  trackingNumber: 'TT9876543210CN',
  shopName: 'Packdesk Demo Shop',
  recipientName: '张伟',
  destination: 'Shenzhen, CN',
  items: [
    { sellerSku: 'CASE-CLR-15', name: 'Clear case', variation: 'iPhone 15', qty: 2, bin: 'A-03-2' },
    { sellerSku: 'EAR-BT-01', name: '蓝牙耳机', variation: '白色', qty: 1, bin: null },
  ],
  buyerMessage: 'Please no invoice in the box. 请不要放发票。',
  printedAt: PRINTED_AT,
  timeZoneOffsetMinutes: 480,
  station: '2',
};

const PROFILES: ReceiptProfile[] = [
  { widthMm: 80, dialect: 'epson' },
  { widthMm: 58, dialect: 'epson' },
  { widthMm: 80, dialect: 'star' },
  { widthMm: 58, dialect: 'star' },
];

describe.each(PROFILES)('a packing slip on a $widthMm mm receipt printer in $dialect commands', (profile) => {
  it('resets the printer first, prints the SKUs as text, and ends with a cut', async () => {
    const bytes = await receiptBytes(packingSlipReceipt(SLIP), profile);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    const read = readReceipt(bytes, profile.dialect);
    expect(read.commands[0]).toBe('ESC @');
    expect(read.lines.some((l) => l.startsWith('2 x CASE-CLR-15') && l.trimEnd().endsWith('A-03-2'))).toBe(true);
    expect(read.lines.some((l) => l.startsWith('1 x EAR-BT-01'))).toBe(true);
    expect(read.lines.every((l) => l.length <= (profile.widthMm === 80 ? 48 : 32))).toBe(true);
    // The cut is the last thing the paper does; only the printer's reset follows it.
    const cut = profile.dialect === 'epson' ? 'GS V 0' : 'ESC d 2';
    expect(read.commands.slice(-2)).toEqual([cut, 'ESC @']);
  });

  it('draws the QR code of the order id, Chinese text and all, no wider than the head', async () => {
    const read = readReceipt(await receiptBytes(packingSlipReceipt(SLIP), profile), profile.dialect);
    expect(read.pictures.width).toBeLessThanOrEqual(receiptDots(profile) + 7);
    const png = bitmapToPngFile(read.pictures, `receipt-slip-${profile.dialect}-${profile.widthMm}.png`);
    expect(await decodedValues(png, 'QR-Code')).toEqual([SLIP.orderId]);
  });
});

describe('a pick list on a receipt printer', () => {
  it.each(['epson', 'star'] as const)('lists bins, quantities and SKUs as text (%s)', async (dialect) => {
    const list = {
      title: 'Pick list: 2 orders, 3 items',
      printedAt: PRINTED_AT,
      timeZoneOffsetMinutes: 0,
      station: 'bench-1',
      rows: [
        { bin: 'A-01', sellerSku: 'CASE-CLR-15', name: 'Clear case', variation: 'iPhone 15', qty: 2, orderIds: ['O1', 'O2'] },
        { bin: null, sellerSku: 'STRAP-BLK', name: '表带', variation: 'Black', qty: 1, orderIds: ['O2'] },
      ],
    };
    const read = readReceipt(await receiptBytes(pickListReceipt(list), { widthMm: 80, dialect }), dialect);
    expect(read.lines.some((l) => /^A-01 {2}2 x CASE-CLR-15 +2 orders$/.test(l))).toBe(true);
    expect(read.lines.some((l) => /^- {2}1 x STRAP-BLK +1 order$/.test(l))).toBe(true);
    expect(read.commands.at(-2)).toBe(dialect === 'epson' ? 'GS V 0' : 'ESC d 2');
  });
});
