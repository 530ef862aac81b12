import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES, automaticOutcome, nextDeadline, openDeadlines, urgencyOf, type Deadline, type Urgency } from '../../../core/domain/deadlines.js';
import { ORDER_STATUSES, type Order, type OrderStatus } from '../../../core/domain/types.js';
import { T0, order } from './fixtures.js';

// Written out in milliseconds here, not imported, so a wrong constant in the code shows up.
const H = 3_600_000;
const D = 24 * H;

const PAID = T0 + 2 * H;
const statusArb = fc.constantFrom(...ORDER_STATUSES);
const timeArb = fc.integer({ min: T0 - 400 * D, max: T0 + 400 * D });
const optTimeArb = fc.option(timeArb, { nil: null });

const factsArb = fc.record({
  status: statusArb,
  createdAt: timeArb,
  paidAt: optTimeArb,
  rtsAt: optTimeArb,
  cancelRequestedAt: optTimeArb,
  deliveryFailedAt: optTimeArb,
  redeliveryRequestedAt: optTimeArb,
  platformDeadlines: fc.record({ shipBy: optTimeArb, collectBy: optTimeArb }),
});

const kinds = (o: Parameters<typeof openDeadlines>[0]) =>
  openDeadlines(o)
    .map((d) => d.kind)
    .sort();
const find = (o: Order, kind: Deadline['kind']) => openDeadlines(o).find((d) => d.kind === kind);

describe('RULES', () => {
  it('match the seller handbook', () => {
    expect(RULES).toEqual({
      preparation: 48 * H,
      collection: 72 * H,
      fulfillment: 120 * H,
      unpaidAutoCancel: 48 * H,
      answerCancellation: 48 * H,
      redeliveryWindow: 12 * D,
    });
  });
});

describe('openDeadlines', () => {
  it('UNPAID: pay within 48 h of creation', () => {
    const o = order({ status: 'UNPAID', paidAt: null });
    expect(openDeadlines(o)).toEqual([{ kind: 'PAY_BY', at: T0 + 48 * H, fromPlatform: false }]);
  });

  for (const status of ['ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'] as const) {
    it(`${status}: ship within 48 h and fulfil within 120 h of payment`, () => {
      const o = order({ status, paidAt: PAID });
      expect(openDeadlines(o)).toEqual([
        { kind: 'SHIP_BY', at: PAID + 48 * H, fromPlatform: false },
        { kind: 'FULFIL_BY', at: PAID + 120 * H, fromPlatform: false },
      ]);
    });
  }

  it('AWAITING_COLLECTION: collect within 72 h of arranging shipment, fulfil within 120 h of payment', () => {
    const rts = PAID + 30 * H;
    const o = order({ status: 'AWAITING_COLLECTION', paidAt: PAID, rtsAt: rts });
    expect(openDeadlines(o)).toEqual([
      { kind: 'COLLECT_BY', at: rts + 72 * H, fromPlatform: false },
      { kind: 'FULFIL_BY', at: PAID + 120 * H, fromPlatform: false },
    ]);
  });

  it('AWAITING_COLLECTION: ship-by no longer binds once shipment is arranged', () => {
    const o = order({ status: 'AWAITING_COLLECTION', paidAt: PAID, rtsAt: PAID + H, platformDeadlines: { shipBy: PAID + H, collectBy: null } });
    expect(kinds(o)).toEqual(['COLLECT_BY', 'FULFIL_BY']);
  });

  it('platform ship-by overrides the computed one, even when later', () => {
    const shipBy = PAID + 60 * H;
    const o = order({ status: 'AWAITING_SHIPMENT', paidAt: PAID, platformDeadlines: { shipBy, collectBy: null } });
    const shipDeadlines = openDeadlines(o).filter((d) => d.kind === 'SHIP_BY');
    expect(shipDeadlines).toEqual([{ kind: 'SHIP_BY', at: shipBy, fromPlatform: true }]);
  });

  it('platform collect-by overrides the computed one, even when earlier', () => {
    const collectBy = PAID + 10 * H;
    const o = order({ status: 'AWAITING_COLLECTION', paidAt: PAID, rtsAt: PAID + 5 * H, platformDeadlines: { shipBy: null, collectBy } });
    expect(openDeadlines(o)[0]).toEqual({ kind: 'COLLECT_BY', at: collectBy, fromPlatform: true });
    expect(openDeadlines(o).filter((d) => d.kind === 'COLLECT_BY')).toHaveLength(1);
  });

  it('a paid order whose payment time is missing counts from creation', () => {
    expect(openDeadlines(order({ status: 'AWAITING_SHIPMENT', createdAt: T0, paidAt: null }))).toEqual([
      { kind: 'SHIP_BY', at: T0 + 48 * H, fromPlatform: false },
      { kind: 'FULFIL_BY', at: T0 + 120 * H, fromPlatform: false },
    ]);
  });

  it('without an RTS time or platform collect-by, no collect-by is invented', () => {
    expect(openDeadlines(order({ status: 'AWAITING_COLLECTION', paidAt: PAID, rtsAt: null }))).toEqual([
      { kind: 'FULFIL_BY', at: PAID + 120 * H, fromPlatform: false },
    ]);
  });

  it('a platform ship-by binds even without a payment time', () => {
    const o = order({ status: 'ON_HOLD', paidAt: null, platformDeadlines: { shipBy: T0 + 5 * H, collectBy: null } });
    expect(openDeadlines(o)[0]).toEqual({ kind: 'SHIP_BY', at: T0 + 5 * H, fromPlatform: true });
    expect(openDeadlines(o).filter((d) => d.kind === 'SHIP_BY')).toHaveLength(1);
  });

  it('a pending cancellation must be answered within 48 h', () => {
    const req = PAID + 3 * H;
    const o = order({ status: 'AWAITING_SHIPMENT', paidAt: PAID, cancelRequestedAt: req });
    expect(find(o, 'ANSWER_CANCELLATION')).toEqual({ kind: 'ANSWER_CANCELLATION', at: req + 48 * H, fromPlatform: false });
    expect(kinds(o)).toEqual(['ANSWER_CANCELLATION', 'FULFIL_BY', 'SHIP_BY']);
  });

  it('a cancellation request on an order in transit has no answer deadline (it cannot be cancelled)', () => {
    const o = order({ status: 'IN_TRANSIT', cancelRequestedAt: PAID });
    expect(openDeadlines(o)).toEqual([]);
  });

  it('DELIVERY_FAILED: redelivery may be requested within 12 days', () => {
    const failed = T0 + 9 * D;
    const o = order({ status: 'DELIVERY_FAILED', deliveryFailedAt: failed });
    expect(openDeadlines(o)).toEqual([{ kind: 'REQUEST_REDELIVERY', at: failed + 12 * D, fromPlatform: false }]);
  });

  it('DELIVERY_FAILED: no redelivery deadline once one was requested (once per order)', () => {
    const o = order({ status: 'DELIVERY_FAILED', deliveryFailedAt: T0, redeliveryRequestedAt: T0 + D });
    expect(openDeadlines(o)).toEqual([]);
  });

  for (const status of ['IN_TRANSIT', 'DELIVERED', 'COMPLETED', 'CANCELLED'] as const) {
    it(`${status}: nothing binds`, () => {
      const o = order({
        status,
        paidAt: PAID,
        rtsAt: PAID + H,
        deliveryFailedAt: PAID + 2 * H,
        platformDeadlines: { shipBy: PAID + H, collectBy: PAID + 2 * H },
      });
      expect(openDeadlines(o)).toEqual([]);
      expect(nextDeadline(o)).toBeNull();
    });
  }

  it('does not mutate the order', () => {
    const o = order({ status: 'AWAITING_SHIPMENT', cancelRequestedAt: PAID });
    const copy = structuredClone(o);
    openDeadlines(o);
    expect(o).toEqual(copy);
  });

  it('property: deadlines come earliest first and nextDeadline is the earliest', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const all = openDeadlines(facts);
        for (let i = 1; i < all.length; i++) expect(all[i]!.at).toBeGreaterThanOrEqual(all[i - 1]!.at);
        const next = nextDeadline(facts);
        if (all.length === 0) expect(next).toBeNull();
        else {
          expect(next).not.toBeNull();
          expect(next!.at).toBe(Math.min(...all.map((d) => d.at)));
        }
      }),
    );
  });

  it('property: each kind appears at most once', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const ks = openDeadlines(facts).map((d) => d.kind);
        expect(new Set(ks).size).toBe(ks.length);
      }),
    );
  });

  it('property: a platform deadline, when it applies, replaces the computed one exactly', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        for (const d of openDeadlines(facts)) {
          if (d.kind === 'SHIP_BY') {
            const { shipBy } = facts.platformDeadlines;
            expect(d).toEqual(
              shipBy !== null
                ? { kind: 'SHIP_BY', at: shipBy, fromPlatform: true }
                : { kind: 'SHIP_BY', at: (facts.paidAt ?? facts.createdAt) + 48 * H, fromPlatform: false },
            );
          } else if (d.kind === 'COLLECT_BY') {
            const { collectBy } = facts.platformDeadlines;
            expect(d).toEqual(
              collectBy !== null
                ? { kind: 'COLLECT_BY', at: collectBy, fromPlatform: true }
                : { kind: 'COLLECT_BY', at: facts.rtsAt! + 72 * H, fromPlatform: false },
            );
          } else {
            expect(d.fromPlatform).toBe(false);
          }
        }
      }),
    );
  });

  it('property: which deadlines bind depends on the status', () => {
    const allowed: Record<OrderStatus, readonly string[]> = {
      UNPAID: ['PAY_BY', 'ANSWER_CANCELLATION'],
      ON_HOLD: ['SHIP_BY', 'FULFIL_BY', 'ANSWER_CANCELLATION'],
      AWAITING_SHIPMENT: ['SHIP_BY', 'FULFIL_BY', 'ANSWER_CANCELLATION'],
      PARTIALLY_SHIPPING: ['SHIP_BY', 'FULFIL_BY', 'ANSWER_CANCELLATION'],
      AWAITING_COLLECTION: ['COLLECT_BY', 'FULFIL_BY', 'ANSWER_CANCELLATION'],
      IN_TRANSIT: [],
      DELIVERY_FAILED: ['REQUEST_REDELIVERY', 'ANSWER_CANCELLATION'],
      DELIVERED: [],
      COMPLETED: [],
      CANCELLED: [],
    };
    fc.assert(
      fc.property(factsArb, (facts) => {
        for (const d of openDeadlines(facts)) expect(allowed[facts.status]).toContain(d.kind);
        // The fulfilment clock counts from payment (from creation when the paid time is missing).
        const fulfil = openDeadlines(facts).find((d) => d.kind === 'FULFIL_BY');
        if (fulfil) expect(fulfil.at).toBe((facts.paidAt ?? facts.createdAt) + 120 * H);
        const preShip = ['ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION'];
        expect(fulfil !== undefined).toBe(preShip.includes(facts.status));
      }),
    );
  });
});

describe('urgencyOf', () => {
  const at = T0 + 100 * H;
  const dl: Deadline = { kind: 'SHIP_BY', at, fromPlatform: false };
  const cases: [number, Urgency][] = [
    [-1, 'OVERDUE'],
    [-30 * D, 'OVERDUE'],
    [0, 'UNDER_6H'], // "within 48 h" includes the mark itself
    [1, 'UNDER_6H'],
    [6 * H - 1, 'UNDER_6H'],
    [6 * H, 'UNDER_24H'],
    [24 * H - 1, 'UNDER_24H'],
    [24 * H, 'LATER'],
    [40 * D, 'LATER'],
  ];
  for (const [left, expected] of cases) {
    it(`${left} ms left is ${expected}`, () => {
      expect(urgencyOf(dl, at - left)).toBe(expected);
    });
  }

  it('no deadline is NONE', () => {
    expect(urgencyOf(null, T0)).toBe('NONE');
  });

  it('property: urgency only grows as time passes', () => {
    const rank: Record<Urgency, number> = { NONE: -1, LATER: 0, UNDER_24H: 1, UNDER_6H: 2, OVERDUE: 3 };
    fc.assert(
      fc.property(timeArb, timeArb, timeArb, (deadlineAt, a, b) => {
        const d: Deadline = { kind: 'COLLECT_BY', at: deadlineAt, fromPlatform: true };
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(rank[urgencyOf(d, late)]).toBeGreaterThanOrEqual(rank[urgencyOf(d, early)]);
      }),
    );
  });
});

describe('automaticOutcome', () => {
  it('cancels an unpaid order once 48 h have passed since creation, not before', () => {
    const o = order({ status: 'UNPAID', paidAt: null });
    expect(automaticOutcome(o, T0 + 47 * H)).toBeNull();
    expect(automaticOutcome(o, T0 + 48 * H)).toBeNull();
    const out = automaticOutcome(o, T0 + 48 * H + 1);
    expect(out?.status).toBe('CANCELLED');
    expect(out?.reason).toMatch(/unpaid/i);
  });

  it('cancels when a cancellation request stays unanswered for 48 h', () => {
    const req = PAID + 5 * H;
    const o = order({ status: 'AWAITING_SHIPMENT', cancelRequestedAt: req });
    expect(automaticOutcome(o, req + 48 * H)).toBeNull();
    const out = automaticOutcome(o, req + 48 * H + 1);
    expect(out?.status).toBe('CANCELLED');
    expect(out?.reason).toMatch(/cancellation request/i);
  });

  it('a cancellation request on a parcel already in transit is not auto-cancelled', () => {
    const o = order({ status: 'IN_TRANSIT', cancelRequestedAt: T0 });
    expect(automaticOutcome(o, T0 + 100 * D)).toBeNull();
  });

  it('a paid order with no cancellation request is never cancelled automatically', () => {
    for (const status of ORDER_STATUSES) {
      if (status === 'UNPAID') continue;
      expect(automaticOutcome(order({ status, cancelRequestedAt: null }), T0 + 1000 * D), status).toBeNull();
    }
  });

  it('already cancelled or completed orders are left alone', () => {
    expect(automaticOutcome(order({ status: 'CANCELLED', cancelRequestedAt: T0 }), T0 + 100 * D)).toBeNull();
    expect(automaticOutcome(order({ status: 'COMPLETED', cancelRequestedAt: T0 }), T0 + 100 * D)).toBeNull();
  });

  it('property: fires exactly when the PAY_BY or ANSWER_CANCELLATION deadline is OVERDUE', () => {
    fc.assert(
      fc.property(factsArb, timeArb, (facts, now) => {
        const overdue = openDeadlines(facts).some((d) => (d.kind === 'PAY_BY' || d.kind === 'ANSWER_CANCELLATION') && urgencyOf(d, now) === 'OVERDUE');
        expect(automaticOutcome(facts, now) !== null).toBe(overdue);
      }),
    );
  });

  it('property: the outcome is always a cancellation', () => {
    fc.assert(
      fc.property(factsArb, timeArb, (facts, now) => {
        const out = automaticOutcome(facts, now);
        if (out) {
          expect(out.status).toBe('CANCELLED');
          expect(out.reason).not.toBe('');
        }
      }),
    );
  });
});
