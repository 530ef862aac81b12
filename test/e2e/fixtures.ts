/**
 * The Seller Center export the packing flow imports: the real column layout (test/fixtures'
 * EXPORT_HEADER, BOM, CRLF), holding orders awaiting shipment that already carry a tracking number
 * (the seller requested labels before packing), which is what lets the printed label be checked
 * against it. The committed fixture orders-en-dmy.csv has no such order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_HEADER } from '../fixtures/make-export.js';
import { csvText } from '../fixtures/order-file.js';

/** Two cases and a strap: the order packed in the flow. */
export const FLOW_ORDER = {
  id: '576462837465800001',
  tracking: 'TT246813579GB',
  carrier: 'Royal Mail',
  lines: [
    { sellerSku: 'CASE-CLR-15', qty: 2 },
    { sellerSku: 'STRAP-BLK-42', qty: 1 },
  ],
} as const;

/** A mug: a catalogue item that is not in FLOW_ORDER, so scanning it there is a wrong item. */
export const OTHER_ORDER = { id: '576462837465800002', tracking: 'TT246813580GB', carrier: 'Royal Mail', sellerSku: 'MUG-SAGE' } as const;

/** The buyer asked to cancel: the pack screen must stop the packer with a banner. */
export const CANCEL_REQUESTED_ORDER = { id: '576462837465800003', sellerSku: 'LAMP-WHT-UK' } as const;

/** A parcel of another carrier, already shipped: it does not belong in a Royal Mail handover. */
export const SHIPPED_ORDER = { id: '576462837465800004', tracking: 'TT987654321GB', carrier: 'DPD', sellerSku: 'MAT-PUR-6' } as const;

type Row = Partial<Record<(typeof EXPORT_HEADER)[number], string>>;

const BASE: Row = {
  'Order Status': 'To ship',
  'Order Substatus': 'Awaiting shipment',
  'Normal or Pre-order': 'Normal',
  'Created Time': '15/03/2024 09:12:45',
  'Paid Time': '15/03/2024 09:13:02',
  'Delivery Option': 'Standard shipping',
  'Shipping Provider Name': 'Royal Mail',
  'Buyer Username': 'amelia_j',
  Recipient: 'Amelia Jones',
  'Phone #': '(+44)7700900123',
  Zipcode: 'NW1 8NH',
  Country: 'United Kingdom',
  'State/Province': 'Greater London',
  City: 'London',
  Districts: 'Camden',
  'Detail Address': 'Flat 4, 12 High Street',
  'Weight(kg)': '0.45',
};

const PRODUCTS: Record<string, { skuId: string; name: string; variation: string }> = {
  'CASE-CLR-15': { skuId: '1729384756102938475', name: 'Phone Case, Clear', variation: 'Clear, iPhone 15' },
  'STRAP-BLK-42': { skuId: '1729384756102938476', name: 'Silicone "Soft Touch" Strap', variation: 'Black, 42 mm' },
  'MUG-SAGE': { skuId: '1729384756102938477', name: 'Ceramic Mug 350 ml', variation: 'Sage green' },
  'LAMP-WHT-UK': { skuId: '1729384756102938478', name: 'LED Desk Lamp', variation: 'White, UK plug' },
  'MAT-PUR-6': { skuId: '1729384756102938479', name: 'Yoga Mat 6 mm', variation: 'Purple' },
};

function line(order: Row, sellerSku: string, qty: number): Row {
  const p = PRODUCTS[sellerSku]!;
  return { ...BASE, ...order, 'Seller SKU': sellerSku, 'SKU ID': p.skuId, 'Product Name': p.name, Variation: p.variation, Quantity: String(qty) };
}

export function flowExportText(): string {
  const rows: Row[] = [
    ...FLOW_ORDER.lines.map((l) =>
      line({ 'Order ID': FLOW_ORDER.id, 'Tracking ID': FLOW_ORDER.tracking, 'Package ID': '1153620094518300001' }, l.sellerSku, l.qty),
    ),
    line(
      { 'Order ID': OTHER_ORDER.id, 'Tracking ID': OTHER_ORDER.tracking, 'Package ID': '1153620094518300002', Recipient: 'Oliver Smith' },
      OTHER_ORDER.sellerSku,
      1,
    ),
    line(
      { 'Order ID': CANCEL_REQUESTED_ORDER.id, 'Order Substatus': 'Cancellation requested', 'Package ID': '1153620094518300003' },
      CANCEL_REQUESTED_ORDER.sellerSku,
      1,
    ),
    line(
      {
        'Order ID': SHIPPED_ORDER.id,
        'Order Status': 'Shipped',
        'Order Substatus': 'In transit',
        'Tracking ID': SHIPPED_ORDER.tracking,
        'Shipping Provider Name': SHIPPED_ORDER.carrier,
        'Package ID': '1153620094518300004',
      },
      SHIPPED_ORDER.sellerSku,
      1,
    ),
  ];
  return `\uFEFF${csvText([[...EXPORT_HEADER], ...rows.map((r) => EXPORT_HEADER.map((c) => r[c] ?? ''))])}`;
}

/** Writes the export where the browser's file chooser can pick it, and returns its path. */
export function writeFlowExport(dir: string): string {
  const file = path.join(dir, 'orders-e2e.csv');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, flowExportText());
  return file;
}

/**
 * An export the core must refuse whole, row by row: row 3 has 28 cells where the header has
 * EXPORT_HEADER.length, row 4 an Order ID that is no platform id. Nothing of it may be imported.
 */
export function refusedExportText(): { text: string; shortRow: number; shortCells: number; badIdRow: number; badId: string } {
  const cells = (r: Row) => EXPORT_HEADER.map((c) => r[c] ?? '');
  const good = cells(line({ 'Order ID': '576462837465800010', 'Package ID': '1153620094518300010' }, 'MUG-SAGE', 1));
  const short = cells(line({ 'Order ID': '576462837465800011', 'Package ID': '1153620094518300011' }, 'MUG-SAGE', 1)).slice(0, 28);
  const badId = 'ORDER-12-AB';
  const bad = cells(line({ 'Order ID': badId, 'Package ID': '1153620094518300012' }, 'MUG-SAGE', 1));
  return { text: `\uFEFF${csvText([[...EXPORT_HEADER], good, short, bad])}`, shortRow: 3, shortCells: 28, badIdRow: 4, badId };
}

/** The header of an export and nothing under it: a file that imports nothing, with a warning. */
export function headerOnlyExportText(): string {
  return `\uFEFF${csvText([[...EXPORT_HEADER]])}`;
}

/** Writes `text` as `name` where the browser's file chooser can pick it, and returns its path. */
export function writeFile(dir: string, name: string, text: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
