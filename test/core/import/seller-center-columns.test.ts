import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../core/domain/types.js';
import { parseOrderExport } from '../../../core/import/seller-center.js';
import { BASIC_HEADER, BASIC_ROW, basicFile, csvText } from '../../fixtures/order-file.js';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const only = (text: string) => {
  const parse = parseOrderExport(text);
  expect(parse.errors).toEqual([]);
  expect(parse.orders).toHaveLength(1);
  return parse.orders[0]!;
};

describe('column names', () => {
  it('matches headers whatever their case, spacing and punctuation', () => {
    const header = ['ORDER_ID', 'order status', 'Sku Id', 'Seller-SKU', 'QUANTITY', 'created time', 'Phone#', 'Weight (KG)', 'State', 'ZIP CODE'];
    const row = ['576462837465738291', 'to ship', '1729384756102938475', 'CASE', '3', '2024-03-15 09:12:45', '0123', '0,5', 'Kent', 'CT1 1AA'];
    const o = only(csvText([header, row]));
    expect(o.lines[0]!.quantity).toBe(3);
    expect(o.recipient).toMatchObject({ phone: '0123', state: 'Kent', postcode: 'CT1 1AA' });
    expect(o.weightKg).toBe(0.5);
  });

  it('joins address columns without repeating a part already there as whole words', () => {
    const extra = ['Detail Address', 'Address Line 1', 'House Number'];
    const address = (detail: string, line1: string, house: string) =>
      only(basicFile([{ 'Detail Address': detail, 'Address Line 1': line1, 'House Number': house }], extra)).recipient.address;
    expect(address('Flat 3, 12 High Street', '12 High Street', '')).toBe('Flat 3, 12 High Street');
    expect(address('Unit 15 Harbourside', '', '5')).toBe('Unit 15 Harbourside, 5');
    expect(address('', 'Church Lane', '12')).toBe('Church Lane, 12');
  });

  it('prefers State/Province over Region when a file has both, and lists the other as ignored', () => {
    const parse = parseOrderExport(basicFile([{ Region: 'North West', 'State/Province': 'Lancashire' }], ['Region', 'State/Province']));
    expect(parse.orders[0]!.recipient.state).toBe('Lancashire');
    expect(parse.ignoredColumns).toEqual(['Region']);
  });

  it('reads platform deadlines when the file has them, keeping the earliest of split packages', () => {
    const extra = ['Shipping Due Time', 'Collection Due Time'];
    const o = only(
      basicFile(
        [
          { 'Shipping Due Time': '2024-03-17 09:00:00', 'Collection Due Time': '' },
          { 'SKU ID': '99', 'Shipping Due Time': '2024-03-16 23:59:59', 'Collection Due Time': '2024-03-20 09:00:00' },
        ],
        extra,
      ),
    );
    expect(o.platformDeadlines).toEqual({ shipBy: utc('2024-03-16T23:59:59'), collectBy: utc('2024-03-20T09:00:00') });
  });

  it('lets rows of one order differ in package- and line-level fields, keeping the first value', () => {
    const extra = ['Tracking ID', 'Package ID', 'Cancel Reason'];
    const o = only(
      basicFile(
        [
          { 'Tracking ID': '', 'Package ID': 'P1', 'Cancel Reason': 'Wrong size' },
          { 'SKU ID': '99', 'Tracking ID': 'TT2', 'Package ID': 'P2', 'Cancel Reason': 'Changed mind' },
        ],
        extra,
      ),
    );
    expect(o).toMatchObject({ trackingNumber: 'TT2', packageId: 'P1', cancelReason: 'Wrong size' });
    expect(o.lines).toHaveLength(2);
  });

  it('keeps long ids digit for digit and strips what spreadsheets add around them', () => {
    const o = only(basicFile([{ 'Order ID': '="576462837465738299"', 'SKU ID': "'1729384756102938475", 'Seller SKU': '\t0012345\t' }]));
    expect(o.id).toBe('576462837465738299');
    expect(o.lines[0]).toMatchObject({ skuId: '1729384756102938475', sellerSku: '0012345' });
  });
});

describe('the description row', () => {
  const description = ['Platform unique order ID.', 'Order status', 'Substatus', 'SKU ID', 'Seller SKU', 'Name', 'Quantity sold', 'Create time', 'Name'];
  const data = BASIC_HEADER.map((h) => BASIC_ROW[h]);

  it('is skipped when present', () => {
    const parse = parseOrderExport(csvText([[...BASIC_HEADER], description, data]));
    expect(parse.errors).toEqual([]);
    expect(parse.rowCount).toBe(1);
    expect(parse.orders[0]!.rows).toEqual([3]);
  });

  it('is not assumed: a file without one starts its data on row 2', () => {
    const parse = parseOrderExport(csvText([[...BASIC_HEADER], data]));
    expect(parse.orders[0]!.rows).toEqual([2]);
  });

  it('is skipped even when it is short or partly empty', () => {
    const parse = parseOrderExport(csvText([[...BASIC_HEADER], ['订单号', '', '', '', '', '', '数量'], data]));
    expect(parse.errors).toEqual([]);
    expect(parse.rowCount).toBe(1);
  });

  it('is not confused with a first order that has a bad quantity: that is reported', () => {
    const parse = parseOrderExport(basicFile([{ Quantity: 'two' }]));
    expect(parse.errors.map((e) => [e.row, e.code])).toEqual([[2, 'BAD_NUMBER']]);
  });
});

describe('statuses', () => {
  const cases: [string, OrderStatus][] = [
    ['To ship', 'AWAITING_SHIPMENT'],
    ['Awaiting shipment', 'AWAITING_SHIPMENT'],
    ['待发货', 'AWAITING_SHIPMENT'],
    ['待发运', 'AWAITING_SHIPMENT'],
    ['Awaiting collection', 'AWAITING_COLLECTION'],
    ['Ready to ship', 'AWAITING_COLLECTION'],
    ['待揽收', 'AWAITING_COLLECTION'],
    ['待取件', 'AWAITING_COLLECTION'],
    ['Shipped', 'IN_TRANSIT'],
    ['In transit', 'IN_TRANSIT'],
    ['运输中', 'IN_TRANSIT'],
    ['已发货', 'IN_TRANSIT'],
    ['Delivered', 'DELIVERED'],
    ['已签收', 'DELIVERED'],
    ['已送达', 'DELIVERED'],
    ['Completed', 'COMPLETED'],
    ['已完成', 'COMPLETED'],
    ['Cancelled', 'CANCELLED'],
    ['Canceled', 'CANCELLED'],
    ['已取消', 'CANCELLED'],
    ['Unpaid', 'UNPAID'],
    ['Awaiting payment', 'UNPAID'],
    ['未付款', 'UNPAID'],
    ['待付款', 'UNPAID'],
    ['On hold', 'ON_HOLD'],
    ['暂停', 'ON_HOLD'],
    ['等待中', 'ON_HOLD'],
    ['Partially shipped', 'PARTIALLY_SHIPPING'],
    ['Partially shipping', 'PARTIALLY_SHIPPING'],
    ['部分发货', 'PARTIALLY_SHIPPING'],
    ['Delivery failed', 'DELIVERY_FAILED'],
    ["Delivery can't be completed", 'DELIVERY_FAILED'],
    ['Delivery can’t be completed', 'DELIVERY_FAILED'],
    ['派送失败', 'DELIVERY_FAILED'],
    ['配送失败', 'DELIVERY_FAILED'],
    ['AWAITING_SHIPMENT', 'AWAITING_SHIPMENT'],
    ['PARTIALLY_SHIPPING', 'PARTIALLY_SHIPPING'],
    ['IN_TRANSIT', 'IN_TRANSIT'],
    ['  awaiting   COLLECTION ', 'AWAITING_COLLECTION'],
  ];

  it.each(cases)('reads %j as %s', (text, status) => {
    expect(only(basicFile([{ 'Order Status': text }])).status).toBe(status);
  });

  it('lets a substatus refine the status, but never undo a cancellation or completion', () => {
    expect(only(basicFile([{ 'Order Status': 'To ship', 'Order Substatus': 'Awaiting collection' }])).status).toBe('AWAITING_COLLECTION');
    expect(only(basicFile([{ 'Order Status': 'Cancelled', 'Order Substatus': 'Awaiting shipment' }])).status).toBe('CANCELLED');
    expect(only(basicFile([{ 'Order Status': 'Completed', 'Order Substatus': 'Delivered' }])).status).toBe('COMPLETED');
  });
});

describe('pending cancellation requests', () => {
  const requested = (substatus: string, status = 'To ship', cancelType = '') =>
    only(basicFile([{ 'Order Status': status, 'Order Substatus': substatus, 'Cancelation/Return Type': cancelType }], ['Cancelation/Return Type']))
      .cancelRequested;

  it.each(['Cancellation requested', 'Cancel request', 'Buyer requested cancellation', 'Pending cancellation', '取消申请中', '买家申请取消'])(
    'is flagged for %j',
    (text) => {
      expect(requested(text)).toBe(true);
    },
  );

  it('is read from the Cancelation/Return Type column too', () => {
    expect(requested('', 'To ship', 'Cancellation requested')).toBe(true);
  });

  it('is not flagged for an answered request, a plain cancel type, or a cancelled order', () => {
    expect(requested('Cancellation request rejected')).toBe(false);
    expect(requested('', 'To ship', 'Cancel')).toBe(false);
    expect(requested('Cancellation requested', 'Cancelled')).toBe(false);
    expect(requested('')).toBe(false);
  });
});

describe('date order of the file', () => {
  const file = (created: string[]) => basicFile(created.map((c, i) => ({ 'Order ID': String(100 + i), 'Created Time': c })));

  it('defaults to day first when no date decides it, unless the seller says otherwise', () => {
    const parse = parseOrderExport(file(['03/04/2024 10:00:00']));
    expect(parse.dateOrder).toBe('DMY');
    expect(parse.orders[0]!.createdAt).toBe(utc('2024-04-03T10:00:00'));
    const us = parseOrderExport(file(['03/04/2024 10:00:00']), { dateOrder: 'MDY' });
    expect(us.orders[0]!.createdAt).toBe(utc('2024-03-04T10:00:00'));
  });

  it('decides from any row of the file, not only the first', () => {
    const parse = parseOrderExport(file(['03/04/2024 10:00:00', '05/06/2024 10:00:00', '07/25/2024 10:00:00']));
    expect(parse.dateOrder).toBe('MDY');
    expect(parse.orders[0]!.createdAt).toBe(utc('2024-03-04T10:00:00'));
  });
});
