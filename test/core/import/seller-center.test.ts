import { describe, expect, it } from 'vitest';
import { parseOrderExport } from '../../../core/import/seller-center.js';
import type { ImportedOrder } from '../../../core/import/types.js';
import { fixture } from '../../fixtures/load.js';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const byId = (orders: ImportedOrder[], id: string) => {
  const o = orders.find((x) => x.id === id);
  if (!o) throw new Error(`order ${id} not imported`);
  return o;
};

describe('parseOrderExport: English export, day/month dates (BOM, CRLF, description row)', () => {
  const parse = parseOrderExport(fixture('seller-center/orders-en-dmy.csv'));

  it('reads every data row without errors and skips the description row', () => {
    expect(parse.errors).toEqual([]);
    expect(parse.rowCount).toBe(8);
    expect(parse.dateOrder).toBe('DMY');
    expect(parse.orders.map((o) => o.id)).toEqual([
      '576462837465738291',
      '576462837465738305',
      '576462837465738319',
      '576462837465738322',
      '576462837465738336',
    ]);
  });

  it('lists the columns it does not use', () => {
    expect(parse.ignoredColumns).toEqual(['Normal or Pre-order', 'SKU Unit Original Price', 'Order Amount']);
  });

  it('groups the rows of a multi-line order, with quoted commas, quotes and line breaks intact', () => {
    expect(byId(parse.orders, '576462837465738291')).toEqual({
      id: '576462837465738291',
      status: 'AWAITING_SHIPMENT',
      cancelRequested: false,
      lines: [
        { skuId: '1729384756102938475', sellerSku: 'CASE-CLR-15', productName: 'Phone Case, Clear', variation: 'Clear, iPhone 15', quantity: 2 },
        { skuId: '1729384756102938476', sellerSku: 'STRAP-BLK-42', productName: 'Silicone "Soft Touch" Strap', variation: 'Black, 42 mm', quantity: 1 },
      ],
      recipient: {
        name: 'Amelia Jones',
        phone: '(+44)7700900123',
        country: 'United Kingdom',
        state: 'Greater London',
        city: 'London',
        district: 'Camden',
        address: 'Flat 3, "The Old Mill", 12 High Street',
        postcode: 'NW1 8NH',
      },
      buyerUsername: 'amelia.j',
      buyerMessage: 'Please ring the bell,\r\nthen leave it with "Bob" at no. 12',
      sellerNote: '',
      trackingNumber: '',
      packageId: '1153620094518203482',
      carrier: 'Royal Mail',
      deliveryOption: 'Standard shipping',
      weightKg: 0.45,
      createdAt: utc('2024-03-15T09:12:45'),
      paidAt: utc('2024-03-15T09:13:02'),
      rtsAt: null,
      shippedAt: null,
      deliveredAt: null,
      cancelledAt: null,
      cancelReason: '',
      platformDeadlines: { shipBy: null, collectBy: null },
      rows: [3, 4],
    });
  });

  it('takes the substatus as the finer status and reads a decimal comma weight', () => {
    const o = byId(parse.orders, '576462837465738305');
    expect(o.status).toBe('AWAITING_COLLECTION');
    expect(o.rtsAt).toBe(utc('2024-03-17T14:00:00'));
    expect(o.weightKg).toBe(1.25);
    expect(o.sellerNote).toBe('Fragile – pack with bubble wrap');
  });

  it('sums the same SKU appearing twice in one order into one line', () => {
    const o = byId(parse.orders, '576462837465738319');
    expect(o.status).toBe('IN_TRANSIT');
    expect(o.rows).toEqual([6, 7, 8]);
    expect(o.lines.map((l) => [l.skuId, l.quantity])).toEqual([
      ['1729384756102938478', 2],
      ['1729384756102938479', 2],
    ]);
  });

  it('reads a cancelled order with its time and reason, not as a pending request', () => {
    const o = byId(parse.orders, '576462837465738322');
    expect(o.status).toBe('CANCELLED');
    expect(o.cancelRequested).toBe(false);
    expect(o.cancelledAt).toBe(utc('2024-03-13T09:00:00'));
    expect(o.cancelReason).toBe('Buyer: No longer needed');
    expect(o.recipient.name).toBe("Liam O'Brien");
  });

  it('flags a pending cancellation and unwraps spreadsheet-protected ids and phones', () => {
    const o = byId(parse.orders, '576462837465738336');
    expect(o.cancelRequested).toBe(true);
    expect(o.status).toBe('AWAITING_SHIPMENT');
    expect(o.recipient.phone).toBe('+447700900567');
  });
});

describe('parseOrderExport: month/day dates (LF, no BOM)', () => {
  const parse = parseOrderExport(fixture('seller-center/orders-en-mdy.csv'));

  it('detects month first from the whole file and reads ambiguous dates that way', () => {
    expect(parse.errors).toEqual([]);
    expect(parse.dateOrder).toBe('MDY');
    expect(byId(parse.orders, '577001122334455667').deliveredAt).toBe(utc('2024-03-19T13:45:10'));
    // 04/02 alone could be 4 February; the file's other dates say month first.
    expect(byId(parse.orders, '577001122334455669').createdAt).toBe(utc('2024-04-02T08:00:00'));
  });

  it('reads statuses in Seller Center words and API names', () => {
    expect(parse.orders.map((o) => o.status)).toEqual(['DELIVERED', 'COMPLETED', 'AWAITING_SHIPMENT']);
  });

  it('reads times without seconds', () => {
    expect(byId(parse.orders, '577001122334455668').createdAt).toBe(utc('2024-03-16T10:00:00'));
  });

  it('honours a forced date order and the seller time zone', () => {
    const forced = parseOrderExport(fixture('seller-center/orders-en-mdy.csv'), { dateOrder: 'DMY', timeZoneOffsetMinutes: -300 });
    expect(forced.dateOrder).toBe('DMY');
    // 03/15/2024 is no day/month date: forcing DMY makes those cells errors.
    expect(forced.errors.length).toBeGreaterThan(0);
    expect(forced.errors.every((e) => e.code === 'BAD_DATE')).toBe(true);
    const shifted = parseOrderExport(fixture('seller-center/orders-en-mdy.csv'), { timeZoneOffsetMinutes: -300 });
    expect(byId(shifted.orders, '577001122334455668').createdAt).toBe(utc('2024-03-16T15:00:00'));
  });
});

describe('parseOrderExport: Chinese headers and statuses', () => {
  const parse = parseOrderExport(fixture('seller-center/orders-zh.csv'));

  it('maps Chinese column names and skips the Chinese description row', () => {
    expect(parse.errors).toEqual([]);
    expect(parse.ignoredColumns).toEqual([]);
    expect(parse.rowCount).toBe(6);
    const o = byId(parse.orders, '578100200300400501');
    expect(o.lines).toEqual([
      { skuId: '1731000000000000001', sellerSku: 'BAG-RED', productName: '帆布包', variation: '红色, 大号', quantity: 1 },
      { skuId: '1731000000000000002', sellerSku: 'BAG-BLU', productName: '帆布包', variation: '蓝色, 大号', quantity: 2 },
    ]);
    expect(o.recipient).toEqual({
      name: '张伟',
      phone: '+60123456789',
      country: 'Malaysia',
      state: 'Kuala Lumpur',
      city: 'Kuala Lumpur',
      district: 'Bukit Bintang',
      address: 'No. 8, Jalan Bukit Bintang',
      postcode: '50450',
    });
    expect(o.buyerMessage).toBe('请尽快发货，谢谢');
    expect(o.carrier).toBe('J&T Express');
  });

  it('maps Chinese statuses and a buyer cancellation request', () => {
    expect(parse.orders.map((o) => [o.id.slice(-3), o.status, o.cancelRequested])).toEqual([
      ['501', 'AWAITING_SHIPMENT', false],
      ['502', 'IN_TRANSIT', false],
      ['503', 'CANCELLED', false],
      ['504', 'AWAITING_SHIPMENT', true],
      ['505', 'AWAITING_COLLECTION', false],
    ]);
  });

  it('reads year-first dates, minutes only or with a "(GMT+8)" suffix', () => {
    expect(parse.dateOrder).toBe('YMD');
    expect(byId(parse.orders, '578100200300400501').createdAt).toBe(utc('2024-03-05T10:20:00'));
    expect(byId(parse.orders, '578100200300400502').shippedAt).toBe(utc('2024-03-05T01:30:00'));
  });
});

describe('parseOrderExport: unknown extra columns, missing optional ones', () => {
  const parse = parseOrderExport(fixture('seller-center/orders-extra-columns.csv'));

  it('imports what is there and lists what it ignored', () => {
    expect(parse.errors).toEqual([]);
    expect(parse.ignoredColumns).toEqual(['Warehouse Name', 'Fulfillment Type', 'Gift Wrap']);
    expect(parse.orders).toHaveLength(2);
  });

  it('falls back to the seller SKU when SKU ID is empty and defaults missing fields', () => {
    const o = byId(parse.orders, '579000000000000001');
    expect(o.lines).toEqual([{ skuId: 'MUG-SAGE', sellerSku: 'MUG-SAGE', productName: 'Ceramic Mug 350 ml', variation: '', quantity: 1 }]);
    expect(o).toMatchObject({ paidAt: null, trackingNumber: '', weightKg: null, sellerNote: '', buyerMessage: '' });
    expect(o.recipient.district).toBe('');
  });

  it('joins address parts spread over several columns, in file order', () => {
    expect(byId(parse.orders, '579000000000000001').recipient.address).toBe('Rose Cottage, 14 Castle Street');
    expect(byId(parse.orders, '579000000000000002').recipient.address).toBe("Unit 5, Harbourside, Canon's Road");
    expect(byId(parse.orders, '579000000000000002').recipient.state).toBe('England');
    expect(byId(parse.orders, '579000000000000002').recipient.phone).toBe('07700 900789');
  });
});
