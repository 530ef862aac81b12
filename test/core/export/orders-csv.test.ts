import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type Order } from '../../../core/domain/types.js';
import { ORDER_EXPORT_COLUMNS, ordersToCsvFiles } from '../../../core/export/orders-csv.js';
import { readCsv } from '../../../core/import/csv.js';
import { parseOrderExport } from '../../../core/import/seller-center.js';
import type { ImportedOrder } from '../../../core/import/types.js';
import { expectedImport, line, makeOrder } from '../../fixtures/export-orders.js';

const withoutRows = ({ rows: _rows, ...rest }: ImportedOrder) => rest;
const dataRows = (file: string) => readCsv(file).rows.length - 1;

/** Exports, imports every file back, and returns the orders found (errors must be none). */
function roundTrip(orders: Order[], offset = 0): ImportedOrder[] {
  const { files } = ordersToCsvFiles(orders, { timeZoneOffsetMinutes: offset });
  return files.flatMap((f) => {
    const parse = parseOrderExport(f, { timeZoneOffsetMinutes: offset });
    expect(parse.errors).toEqual([]);
    expect(parse.ignoredColumns).toEqual([]);
    return parse.orders;
  });
}

describe('ordersToCsvFiles: layout', () => {
  it('writes the Seller Center header, then one row per order line, with a BOM and CRLF', () => {
    const { rows, files } = ordersToCsvFiles([makeOrder(1, { lines: [line(1), line(2)] }), makeOrder(2)]);
    expect(rows).toBe(3);
    expect(files).toHaveLength(1);
    const file = files[0]!;
    expect(file.startsWith('\uFEFFOrder ID,Order Status,Order Substatus,')).toBe(true);
    expect(file.endsWith('\r\n')).toBe(true);
    const table = readCsv(file);
    expect(table.rows[0]).toEqual([...ORDER_EXPORT_COLUMNS]);
    expect(table.rows.slice(1).map((r) => r[0])).toEqual(['576462837465738292', '576462837465738292', '576462837465738293']);
  });

  it('writes dates as YYYY-MM-DD HH:mm:ss in the seller time zone, empty when unknown', () => {
    const file = ordersToCsvFiles([makeOrder(0, { createdAt: Date.parse('2024-03-15T02:00:00Z') })], { timeZoneOffsetMinutes: 420 }).files[0]!;
    const row = readCsv(file).rows[1]!;
    const cell = (name: (typeof ORDER_EXPORT_COLUMNS)[number]) => row[ORDER_EXPORT_COLUMNS.indexOf(name)];
    expect(cell('Created Time')).toBe('2024-03-15 09:00:00');
    expect(cell('Shipped Time')).toBe('');
  });

  it('writes statuses in Seller Center words and a pending cancellation as the substatus', () => {
    const file = ordersToCsvFiles([makeOrder(0, { status: 'AWAITING_COLLECTION' }), makeOrder(1, { status: 'AWAITING_SHIPMENT', cancelRequestedAt: 1 })])
      .files[0]!;
    const rows = readCsv(file).rows;
    expect(rows[1]!.slice(1, 3)).toEqual(['Awaiting collection', '']);
    expect(rows[2]!.slice(1, 3)).toEqual(['Awaiting shipment', 'Cancellation requested']);
  });

  it('defuses formula-like text but leaves ids and plain numbers readable', () => {
    const file = ordersToCsvFiles([makeOrder(0, { buyerMessage: '=HYPERLINK("http://x")', weightKg: 1.5 })]).files[0]!;
    expect(file).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(file).toContain(",'+44 7700 900123,");
    expect(file).toContain('576462837465738291,');
  });

  it('returns no files for no orders', () => {
    expect(ordersToCsvFiles([])).toEqual({ rows: 0, files: [] });
  });
});

describe('ordersToCsvFiles: splitting', () => {
  const orders = [0, 1, 2, 3, 4].map((n) => makeOrder(n, { lines: [line(10 * n), line(10 * n + 1)] }));

  it('keeps every file within maxRows data rows', () => {
    const { rows, files } = ordersToCsvFiles(orders, { maxRows: 5 });
    expect(rows).toBe(10);
    expect(files.map(dataRows)).toEqual([4, 4, 2]);
  });

  it('never splits one order across two files', () => {
    const { files } = ordersToCsvFiles(orders, { maxRows: 3 });
    const idsPerFile = files.map(
      (f) =>
        new Set(
          readCsv(f)
            .rows.slice(1)
            .map((r) => r[0]),
        ),
    );
    const seen = new Set<string>();
    for (const ids of idsPerFile) {
      for (const id of ids) {
        expect(seen.has(id!)).toBe(false);
        seen.add(id!);
      }
    }
    expect(seen.size).toBe(5);
  });

  it('gives an order with more lines than maxRows a file of its own rather than cutting it', () => {
    const big = makeOrder(9, { lines: [0, 1, 2, 3].map((n) => line(n)) });
    const { files } = ordersToCsvFiles([orders[0]!, big, orders[1]!], { maxRows: 3 });
    expect(files.map(dataRows)).toEqual([2, 4, 2]);
  });

  it('uses the platform limit of 15,000 rows per file by default', () => {
    const many = Array.from({ length: 7_501 }, (_, n) => makeOrder(n, { lines: [line(2 * n), line(2 * n + 1)] }));
    const { rows, files } = ordersToCsvFiles(many);
    expect(rows).toBe(15_002);
    expect(files.map(dataRows)).toEqual([15_000, 2]);
  });
});

describe('ordersToCsvFiles → parseOrderExport round trip', () => {
  it('gives back every order, line, status and field', () => {
    const orders: Order[] = [
      makeOrder(0, { lines: [line(1), line(2, { productName: 'Mug, "Sage"\r\nlarge' })], buyerMessage: 'Ring twice,\nthen knock' }),
      makeOrder(1, {
        status: 'IN_TRANSIT',
        rtsAt: Date.parse('2024-03-16T10:00:00Z'),
        shippedAt: Date.parse('2024-03-17T08:30:00Z'),
        trackingNumber: 'TT123456789GB',
        weightKg: 1.25,
        sellerNote: '@packer: fragile',
        platformDeadlines: { shipBy: Date.parse('2024-03-17T09:12:45Z'), collectBy: Date.parse('2024-03-20T09:12:45Z') },
      }),
      makeOrder(2, { status: 'CANCELLED', cancelledAt: Date.parse('2024-03-18T11:00:00Z'), cancelReason: '-Out of stock', paidAt: null, weightKg: null }),
      makeOrder(3, { cancelRequestedAt: Date.parse('2024-03-16T00:00:00Z') }),
      makeOrder(4, {
        status: 'DELIVERY_FAILED',
        recipient: {
          name: '张伟',
          phone: '-0123',
          country: 'Malaysia',
          state: '',
          city: 'Kuala Lumpur',
          district: '',
          address: '=1+1 Jalan Bukit',
          postcode: '50450',
        },
      }),
      ...ORDER_STATUSES.map((status, i) => makeOrder(10 + i, { status })),
    ];
    const back = roundTrip(orders, 420);
    expect(back.map(withoutRows)).toEqual(orders.map(expectedImport));
  });

  it('gives back any text in the text fields (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.trim());
    fc.assert(
      fc.property(text, text, text, text, fc.constantFrom(...ORDER_STATUSES), (name, address, message, note, status) => {
        const order = makeOrder(7, { status, buyerMessage: message, sellerNote: note, recipient: { ...makeOrder(7).recipient, name, address } });
        expect(roundTrip([order]).map(withoutRows)).toEqual([expectedImport(order)]);
      }),
      { numRuns: 200 },
    );
  });
});
