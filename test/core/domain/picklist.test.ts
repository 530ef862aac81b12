import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackdeskError } from '../../../core/domain/errors.js';
import { compareNatural } from '../../../core/domain/natural-sort.js';
import { buildPickList, compareBins, isSingleItem, planWaves, type PickListRow } from '../../../core/domain/picklist.js';
import type { Order, Sku } from '../../../core/domain/types.js';
import { deepFreeze, line, order, sku } from './fixtures.js';

const catalogue = (...skus: Sku[]) => new Map(skus.map((s) => [s.id, s]));

// ---- arbitraries -------------------------------------------------------------------------------

const SKU_IDS = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'];
const lineArb = fc
  .record({ skuId: fc.constantFrom(...SKU_IDS), quantity: fc.integer({ min: 1, max: 5 }), packedRatio: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ skuId, quantity, packedRatio }) => line(skuId, quantity, Math.floor(quantity * packedRatio)));
const ordersArb = fc
  .array(fc.array(lineArb, { minLength: 1, maxLength: 4 }), { maxLength: 15 })
  .map((linesPerOrder) => linesPerOrder.map((lines, i) => order({ id: `O-${i}`, lines })));
const binArb = fc.option(fc.constantFrom('A-1', 'A-2', 'A-10', 'a-3', 'B-1', 'B-01', 'C'), { nil: null });
const catalogueArb = fc
  .tuple(
    ...SKU_IDS.map((id) =>
      fc.option(
        binArb.map((bin) => sku(id, bin)),
        { nil: undefined },
      ),
    ),
  )
  .map((entries) => new Map(entries.filter((s): s is Sku => s !== undefined).map((s) => [s.id, s])));

/** Units still to pick per order and SKU, counted straight from the lines. */
function stillToPick(orders: readonly Order[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const o of orders) {
    for (const l of o.lines) {
      const n = l.quantity - l.packedQuantity;
      if (n <= 0) continue;
      const perOrder = out.get(l.skuId) ?? new Map<string, number>();
      perOrder.set(o.id, (perOrder.get(o.id) ?? 0) + n);
      out.set(l.skuId, perOrder);
    }
  }
  return out;
}

function expectWalkingOrder(rows: readonly PickListRow[]): void {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (a.bin === null) expect(b.bin, 'rows without a bin come last').toBeNull();
    if (a.bin !== null && b.bin !== null) {
      const byBin = compareNatural(a.bin, b.bin);
      expect(byBin).toBeLessThanOrEqual(0);
      if (byBin === 0) expect(compareNatural(a.sellerSku, b.sellerSku)).toBeLessThanOrEqual(0);
    }
  }
}

// ---- tests ------------------------------------------------------------------------------------

describe('isSingleItem', () => {
  it('is one line of one unit', () => {
    expect(isSingleItem({ lines: [line('A', 1)] })).toBe(true);
    expect(isSingleItem({ lines: [line('A', 2)] })).toBe(false);
    expect(isSingleItem({ lines: [line('A', 1), line('B', 1)] })).toBe(false);
    expect(isSingleItem({ lines: [] })).toBe(false);
  });
});

describe('compareBins', () => {
  it('orders bins naturally and puts a missing bin last', () => {
    expect(['B-1', null, 'A-10', 'A-2', null].sort(compareBins)).toEqual(['A-2', 'A-10', 'B-1', null, null]);
    expect(compareBins(null, null)).toBe(0);
    expect(compareBins(null, 'Z-99')).toBeGreaterThan(0);
    expect(compareBins('Z-99', null)).toBeLessThan(0);
  });
});

describe('buildPickList', () => {
  it('sums units per SKU across orders, lists the orders, and walks the bins naturally', () => {
    const orders = [
      order({ id: 'O-1', lines: [line('TEE', 2), line('CAP', 1)] }),
      order({ id: 'O-2', lines: [line('TEE', 1)] }),
      order({ id: 'O-3', lines: [line('MUG', 3), line('SOCK', 1)] }),
    ];
    const skus = catalogue(sku('TEE', 'A-10'), sku('CAP', 'A-2'), sku('MUG', null), sku('SOCK', 'B-1'));
    const list = buildPickList(orders, skus);
    expect(list.orderIds).toEqual(['O-1', 'O-2', 'O-3']);
    expect(list.totalUnits).toBe(8);
    expect(list.sections).toHaveLength(1);
    expect(list.sections[0]!.kind).toBe('ALL');
    expect(list.sections[0]!.rows.map((r) => [r.skuId, r.bin, r.quantity, r.orders])).toEqual([
      ['CAP', 'A-2', 1, [{ orderId: 'O-1', quantity: 1 }]],
      [
        'TEE',
        'A-10',
        3,
        [
          { orderId: 'O-1', quantity: 2 },
          { orderId: 'O-2', quantity: 1 },
        ],
      ],
      ['SOCK', 'B-1', 1, [{ orderId: 'O-3', quantity: 1 }]],
      ['MUG', null, 3, [{ orderId: 'O-3', quantity: 3 }]],
    ]);
  });

  it('counts only units still to pack, and drops fully packed lines', () => {
    const orders = [order({ id: 'O-1', lines: [line('TEE', 3, 1), line('CAP', 2, 2)] }), order({ id: 'O-2', lines: [line('TEE', 1, 1)] })];
    const list = buildPickList(orders, catalogue(sku('TEE', 'A-1'), sku('CAP', 'A-2')));
    expect(list.sections[0]!.rows.map((r) => [r.skuId, r.quantity, r.orders])).toEqual([['TEE', 2, [{ orderId: 'O-1', quantity: 2 }]]]);
    expect(list.totalUnits).toBe(2);
    expect(list.orderIds).toEqual(['O-1', 'O-2']);
  });

  it('merges two lines of the same SKU in one order into one entry', () => {
    const list = buildPickList([order({ id: 'O-1', lines: [line('TEE', 1), line('TEE', 2)] })], catalogue(sku('TEE', 'A-1')));
    expect(list.sections[0]!.rows).toHaveLength(1);
    expect(list.sections[0]!.rows[0]!.orders).toEqual([{ orderId: 'O-1', quantity: 3 }]);
  });

  it('takes name and variation from the catalogue, falling back to the order line', () => {
    const orders = [
      order({
        id: 'O-1',
        lines: [line('TEE', 1, 0, { productName: 'Tee (from order)', variation: 'M' }), line('NEW', 1, 0, { productName: 'New thing', variation: 'Red' })],
      }),
    ];
    const list = buildPickList(orders, catalogue(sku('TEE', 'A-1', { name: 'Tee (catalogue)', variation: 'Medium' })));
    const rows = list.sections[0]!.rows;
    expect(rows.map((r) => [r.skuId, r.name, r.variation, r.bin])).toEqual([
      ['TEE', 'Tee (catalogue)', 'Medium', 'A-1'],
      ['NEW', 'New thing', 'Red', null],
    ]);
  });

  it('breaks ties within a bin by seller SKU, naturally', () => {
    const orders = [order({ id: 'O-1', lines: [line('X', 1, 0, { sellerSku: 'SKU-10' }), line('Y', 1, 0, { sellerSku: 'SKU-9' })] })];
    const list = buildPickList(orders, catalogue(sku('X', 'A-1'), sku('Y', 'A-1')));
    expect(list.sections[0]!.rows.map((r) => r.sellerSku)).toEqual(['SKU-9', 'SKU-10']);
  });

  it('singleItemFirst: single-item orders get their own section, first', () => {
    const orders = [
      order({ id: 'O-multi', lines: [line('TEE', 1), line('CAP', 1)] }),
      order({ id: 'O-single', lines: [line('TEE', 1)] }),
      order({ id: 'O-two', lines: [line('CAP', 2)] }),
    ];
    const list = buildPickList(orders, catalogue(sku('TEE', 'A-1'), sku('CAP', 'A-2')), { singleItemFirst: true });
    expect(list.sections.map((s) => s.kind)).toEqual(['SINGLE_ITEM', 'MULTI_ITEM']);
    expect(list.sections[0]!.rows.map((r) => [r.skuId, r.quantity, r.orders.map((o) => o.orderId)])).toEqual([['TEE', 1, ['O-single']]]);
    expect(list.sections[1]!.rows.map((r) => [r.skuId, r.quantity, r.orders.map((o) => o.orderId)])).toEqual([
      ['TEE', 1, ['O-multi']],
      ['CAP', 3, ['O-multi', 'O-two']],
    ]);
    expect(list.totalUnits).toBe(5);
  });

  it('an empty selection gives an empty list', () => {
    expect(buildPickList([], new Map())).toEqual({ orderIds: [], sections: [{ kind: 'ALL', rows: [] }], totalUnits: 0 });
  });

  it('does not mutate its inputs', () => {
    const orders = deepFreeze([order({ id: 'O-1', lines: [line('TEE', 2, 1)] }), order({ id: 'O-2', lines: [line('TEE', 1)] })]);
    const skus = catalogue(deepFreeze(sku('TEE', 'A-1')));
    expect(() => buildPickList(orders, skus, { singleItemFirst: true })).not.toThrow();
    expect(() => buildPickList(orders, skus)).not.toThrow();
  });

  it('property: each row holds exactly the units still to pick for its SKU, per order, and nothing else', () => {
    fc.assert(
      fc.property(ordersArb, catalogueArb, (orders, skus) => {
        const expected = stillToPick(orders);
        const rows = buildPickList(orders, skus).sections[0]!.rows;
        expect(rows.map((r) => r.skuId).sort()).toEqual([...expected.keys()].sort());
        for (const row of rows) {
          const perOrder = expected.get(row.skuId)!;
          expect(row.quantity).toBe([...perOrder.values()].reduce((a, b) => a + b, 0));
          expect(row.orders).toEqual([...perOrder].map(([orderId, quantity]) => ({ orderId, quantity })));
          expect(row.bin).toBe(skus.get(row.skuId)?.bin ?? null);
        }
      }),
    );
  });

  it('property: rows are in walking order, rows without a bin last', () => {
    fc.assert(
      fc.property(ordersArb, catalogueArb, fc.boolean(), (orders, skus, singleItemFirst) => {
        for (const section of buildPickList(orders, skus, { singleItemFirst }).sections) expectWalkingOrder(section.rows);
      }),
    );
  });

  it('property: totalUnits and orderIds describe the whole selection', () => {
    fc.assert(
      fc.property(ordersArb, catalogueArb, fc.boolean(), (orders, skus, singleItemFirst) => {
        const list = buildPickList(orders, skus, { singleItemFirst });
        const units = orders.reduce((n, o) => n + o.lines.reduce((m, l) => m + Math.max(0, l.quantity - l.packedQuantity), 0), 0);
        expect(list.totalUnits).toBe(units);
        expect(list.orderIds).toEqual(orders.map((o) => o.id));
      }),
    );
  });

  it('property: singleItemFirst splits the same units into single-item and multi-item sections', () => {
    fc.assert(
      fc.property(ordersArb, catalogueArb, (orders, skus) => {
        const list = buildPickList(orders, skus, { singleItemFirst: true });
        expect(list.sections.map((s) => s.kind)).toEqual(['SINGLE_ITEM', 'MULTI_ITEM']);
        const singleIds = new Set(orders.filter((o) => o.lines.length === 1 && o.lines[0]!.quantity === 1).map((o) => o.id));
        for (const r of list.sections[0]!.rows) for (const o of r.orders) expect(singleIds.has(o.orderId)).toBe(true);
        for (const r of list.sections[1]!.rows) for (const o of r.orders) expect(singleIds.has(o.orderId)).toBe(false);
        const all = buildPickList(orders, skus).sections[0]!.rows;
        for (const row of all) {
          const split = list.sections.flatMap((s) => s.rows).filter((r) => r.skuId === row.skuId);
          expect(split.reduce((n, r) => n + r.quantity, 0)).toBe(row.quantity);
        }
      }),
    );
  });
});

describe('planWaves', () => {
  const orders = (n: number) => Array.from({ length: n }, (_, i) => order({ id: `O-${i}` }));

  it('splits into waves of 50 by default (the platform batch print size)', () => {
    expect(planWaves(orders(120)).map((w) => w.length)).toEqual([50, 50, 20]);
    expect(planWaves(orders(50)).map((w) => w.length)).toEqual([50]);
    expect(planWaves(orders(51)).map((w) => w.length)).toEqual([50, 1]);
    expect(planWaves(orders(0))).toEqual([]);
  });

  it('takes other sizes, such as the 500-order ship batch', () => {
    expect(planWaves(orders(1201), 500).map((w) => w.length)).toEqual([500, 500, 201]);
  });

  it('keeps the order of the selection', () => {
    const os = orders(7);
    expect(planWaves(os, 3).map((w) => w.map((o) => o.id))).toEqual([['O-0', 'O-1', 'O-2'], ['O-3', 'O-4', 'O-5'], ['O-6']]);
  });

  it('singleItemFirst: single-item orders fill the first waves, each group keeping its order', () => {
    const os = [
      order({ id: 'M1', lines: [line('A', 2)] }),
      order({ id: 'S1', lines: [line('A', 1)] }),
      order({ id: 'M2', lines: [line('A', 1), line('B', 1)] }),
      order({ id: 'S2', lines: [line('B', 1)] }),
      order({ id: 'S3', lines: [line('C', 1)] }),
    ];
    expect(planWaves(os, 2, true).map((w) => w.map((o) => o.id))).toEqual([['S1', 'S2'], ['S3', 'M1'], ['M2']]);
  });

  it('refuses a wave size that would never advance or would lose orders', () => {
    for (const size of [0, -1, -50, Number.NaN, 2.5]) {
      try {
        planWaves(orders(3), size);
        expect.unreachable(`size ${size}`);
      } catch (e) {
        expect(e).toBeInstanceOf(PackdeskError);
        expect((e as PackdeskError).code).toBe('INVALID_INPUT');
      }
    }
  });

  it('an unlimited size gives one wave', () => {
    expect(planWaves(orders(3), Infinity).map((w) => w.length)).toEqual([3]);
  });

  it('property: every order appears in exactly one wave; waves are full except the last', () => {
    fc.assert(
      fc.property(ordersArb, fc.integer({ min: 1, max: 20 }), fc.boolean(), (os, size, singleItemFirst) => {
        const waves = planWaves(os, size, singleItemFirst);
        expect(waves).toHaveLength(Math.ceil(os.length / size));
        waves.forEach((w, i) => {
          if (i < waves.length - 1) expect(w).toHaveLength(size);
          else expect(w.length).toBeGreaterThanOrEqual(1);
          expect(w.length).toBeLessThanOrEqual(size);
        });
        const flat = waves.flat();
        expect(flat).toHaveLength(os.length);
        for (const o of os) expect(flat.filter((x) => x === o)).toHaveLength(1);
        if (!singleItemFirst) expect(flat).toEqual(os);
        else {
          const firstMulti = flat.findIndex((o) => !isSingleItem(o));
          if (firstMulti >= 0) expect(flat.slice(firstMulti).every((o) => !isSingleItem(o))).toBe(true);
          const ids = (xs: Order[]) => xs.map((o) => o.id);
          expect(ids(flat.filter(isSingleItem))).toEqual(ids(os.filter(isSingleItem)));
          expect(ids(flat.filter((o) => !isSingleItem(o)))).toEqual(ids(os.filter((o) => !isSingleItem(o))));
        }
      }),
    );
  });
});
