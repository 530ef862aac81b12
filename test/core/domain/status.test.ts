import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackdeskError } from '../../../core/domain/errors.js';
import {
  REFUSAL_MESSAGES,
  TERMINAL_STATUSES,
  assertTransition,
  canTransition,
  isShippedOrLater,
  packRefusal,
  platformMayMove,
} from '../../../core/domain/status.js';
import { ORDER_STATUSES, type OrderStatus } from '../../../core/domain/types.js';

/**
 * The moves the seller handbook allows, written out independently of the implementation so that
 * a change to the transition table has to be made on purpose in both places.
 */
const LEGAL_MOVES: ReadonlyArray<readonly [OrderStatus, OrderStatus]> = [
  ['UNPAID', 'ON_HOLD'],
  ['UNPAID', 'AWAITING_SHIPMENT'], // shops that skip the hold
  ['UNPAID', 'CANCELLED'], // unpaid for 48 h
  ['ON_HOLD', 'AWAITING_SHIPMENT'],
  ['ON_HOLD', 'CANCELLED'],
  ['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'],
  ['AWAITING_SHIPMENT', 'AWAITING_COLLECTION'],
  ['AWAITING_SHIPMENT', 'CANCELLED'],
  ['PARTIALLY_SHIPPING', 'AWAITING_COLLECTION'],
  ['PARTIALLY_SHIPPING', 'IN_TRANSIT'],
  ['PARTIALLY_SHIPPING', 'CANCELLED'],
  ['AWAITING_COLLECTION', 'IN_TRANSIT'],
  ['AWAITING_COLLECTION', 'CANCELLED'],
  ['IN_TRANSIT', 'DELIVERED'],
  ['IN_TRANSIT', 'DELIVERY_FAILED'],
  ['DELIVERY_FAILED', 'IN_TRANSIT'], // redelivery
  ['DELIVERY_FAILED', 'DELIVERED'],
  ['DELIVERY_FAILED', 'CANCELLED'],
  ['DELIVERED', 'COMPLETED'],
];
const isLegal = (from: OrderStatus, to: OrderStatus) => LEGAL_MOVES.some(([f, t]) => f === from && t === to);

/** Stages of an order's life, earliest first (the Open API's order, DELIVERY_FAILED after IN_TRANSIT). */
const STAGE_ORDER: readonly OrderStatus[] = [
  'UNPAID',
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERY_FAILED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
];
const stage = (s: OrderStatus) => STAGE_ORDER.indexOf(s);

const statusArb = fc.constantFrom(...ORDER_STATUSES);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('canTransition / assertTransition', () => {
  it('allows exactly the handbook moves, for every pair of statuses', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(isLegal(from, to));
      }
    }
  });

  it('never allows staying in place as a move', () => {
    for (const s of ORDER_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('terminal states are COMPLETED and CANCELLED and have no exits', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['CANCELLED', 'COMPLETED']);
    for (const from of TERMINAL_STATUSES) {
      for (const to of ORDER_STATUSES) expect(canTransition(from, to)).toBe(false);
    }
  });

  it('every non-terminal state has at least one exit', () => {
    for (const s of ORDER_STATUSES) {
      if (TERMINAL_STATUSES.includes(s)) continue;
      expect(
        ORDER_STATUSES.some((t) => canTransition(s, t)),
        s,
      ).toBe(true);
    }
  });

  it('an order already handed to the carrier cannot be cancelled locally', () => {
    expect(canTransition('IN_TRANSIT', 'CANCELLED')).toBe(false);
    expect(canTransition('DELIVERED', 'CANCELLED')).toBe(false);
  });

  it('assertTransition throws ILLEGAL_TRANSITION with from/to details on an illegal move', () => {
    const err = thrown(() => assertTransition('CANCELLED', 'AWAITING_SHIPMENT'));
    expect(err).toBeInstanceOf(PackdeskError);
    expect((err as PackdeskError).code).toBe('ILLEGAL_TRANSITION');
    expect((err as PackdeskError).details).toEqual({ from: 'CANCELLED', to: 'AWAITING_SHIPMENT' });
    expect((err as PackdeskError).toInfo().code).toBe('ILLEGAL_TRANSITION');
  });

  it('assertTransition is silent on a legal move', () => {
    expect(() => assertTransition('AWAITING_SHIPMENT', 'AWAITING_COLLECTION')).not.toThrow();
  });

  it('property: arbitrary attempted moves never reach a state by an illegal move', () => {
    fc.assert(
      fc.property(statusArb, fc.array(statusArb, { maxLength: 40 }), (start, attempts) => {
        let current = start;
        const visited: OrderStatus[] = [start];
        for (const to of attempts) {
          const err = thrown(() => assertTransition(current, to));
          if (err === undefined) {
            expect(isLegal(current, to)).toBe(true);
            current = to;
            visited.push(to);
          } else {
            expect(isLegal(current, to)).toBe(false);
            expect(err).toBeInstanceOf(PackdeskError);
            expect((err as PackdeskError).code).toBe('ILLEGAL_TRANSITION');
          }
        }
        // Once terminal, always terminal and unchanged.
        const firstTerminal = visited.findIndex((s) => TERMINAL_STATUSES.includes(s));
        if (firstTerminal >= 0) expect(visited.length).toBe(firstTerminal + 1);
      }),
    );
  });

  it('every state before the carrier has the parcel can be cancelled', () => {
    const preCarrier: OrderStatus[] = ['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION'];
    for (const s of preCarrier) expect(canTransition(s, 'CANCELLED'), s).toBe(true);
  });
});

describe('platformMayMove', () => {
  it('property: provisional orders accept any platform status', () => {
    fc.assert(
      fc.property(statusArb, statusArb, (from, to) => {
        expect(platformMayMove({ status: from, provisional: true }, to)).toBe(true);
      }),
    );
  });

  it('property: a non-provisional order (without a redelivery request) never moves to an earlier lifecycle stage', () => {
    fc.assert(
      fc.property(statusArb, statusArb, (from, to) => {
        if (platformMayMove({ status: from, provisional: false, redeliveryRequestedAt: null }, to)) {
          expect(stage(to)).toBeGreaterThanOrEqual(stage(from));
        }
      }),
    );
  });

  it('accepts exactly: the same status, or a later stage from a non-terminal status (exhaustive)', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const expected = to === from || (!TERMINAL_STATUSES.includes(from) && stage(to) > stage(from));
        expect(platformMayMove({ status: from, provisional: false }, to), `${from} -> ${to}`).toBe(expected);
      }
    }
  });

  it('property: re-importing an older snapshot after a sequence of local moves never undoes them', () => {
    fc.assert(
      fc.property(fc.array(statusArb, { maxLength: 20 }), fc.nat(), (attempts, pick) => {
        const history: OrderStatus[] = ['UNPAID'];
        for (const to of attempts) if (canTransition(history[history.length - 1]!, to)) history.push(to);
        const local = history[history.length - 1]!;
        const older = history[pick % history.length]!;
        const moved = platformMayMove({ status: local, provisional: false }, older);
        if (older !== local && stage(older) < stage(local)) expect(moved).toBe(false);
      }),
    );
  });

  it('an old export saying AWAITING_SHIPMENT does not undo a label already arranged', () => {
    expect(platformMayMove({ status: 'AWAITING_COLLECTION', provisional: false }, 'AWAITING_SHIPMENT')).toBe(false);
  });

  it('an old export saying IN_TRANSIT does not hide a delivery failure (and its redelivery window)', () => {
    expect(platformMayMove({ status: 'DELIVERY_FAILED', provisional: false }, 'IN_TRANSIT')).toBe(false);
    expect(platformMayMove({ status: 'DELIVERY_FAILED', provisional: false, redeliveryRequestedAt: null }, 'IN_TRANSIT')).toBe(false);
  });

  it('once a redelivery was requested, the platform may put the parcel back in transit', () => {
    expect(platformMayMove({ status: 'DELIVERY_FAILED', provisional: false, redeliveryRequestedAt: 1 }, 'IN_TRANSIT')).toBe(true);
    expect(platformMayMove({ status: 'DELIVERY_FAILED', provisional: false, redeliveryRequestedAt: 0 }, 'IN_TRANSIT')).toBe(true);
  });

  it('property: a redelivery request opens only the way back to IN_TRANSIT, and only from DELIVERY_FAILED', () => {
    fc.assert(
      fc.property(statusArb, statusArb, fc.nat(), (from, to, requestedAt) => {
        const withRequest = platformMayMove({ status: from, provisional: false, redeliveryRequestedAt: requestedAt }, to);
        const without = platformMayMove({ status: from, provisional: false, redeliveryRequestedAt: null }, to);
        if (from === 'DELIVERY_FAILED' && to === 'IN_TRANSIT') expect([withRequest, without]).toEqual([true, false]);
        else expect(withRequest).toBe(without);
      }),
    );
  });

  it('an offline auto-cancel is replaced by the platform data', () => {
    expect(platformMayMove({ status: 'CANCELLED', provisional: true }, 'AWAITING_SHIPMENT')).toBe(true);
    expect(platformMayMove({ status: 'CANCELLED', provisional: false }, 'AWAITING_SHIPMENT')).toBe(false);
  });

  it('platform data may jump several stages ahead, and refresh the same status', () => {
    expect(platformMayMove({ status: 'AWAITING_SHIPMENT', provisional: false }, 'DELIVERED')).toBe(true);
    expect(platformMayMove({ status: 'UNPAID', provisional: false }, 'COMPLETED')).toBe(true);
    expect(platformMayMove({ status: 'IN_TRANSIT', provisional: false }, 'IN_TRANSIT')).toBe(true);
  });

  it('terminal orders stay put unless provisional', () => {
    expect(platformMayMove({ status: 'COMPLETED', provisional: false }, 'CANCELLED')).toBe(false);
    expect(platformMayMove({ status: 'CANCELLED', provisional: false }, 'COMPLETED')).toBe(false);
    expect(platformMayMove({ status: 'COMPLETED', provisional: false }, 'COMPLETED')).toBe(true);
  });
});

describe('isShippedOrLater', () => {
  it('is true from AWAITING_COLLECTION on, except CANCELLED', () => {
    const expected: Record<OrderStatus, boolean> = {
      UNPAID: false,
      ON_HOLD: false,
      AWAITING_SHIPMENT: false,
      PARTIALLY_SHIPPING: false,
      AWAITING_COLLECTION: true,
      IN_TRANSIT: true,
      DELIVERY_FAILED: true,
      DELIVERED: true,
      COMPLETED: true,
      CANCELLED: false,
    };
    for (const s of ORDER_STATUSES) expect(isShippedOrLater(s), s).toBe(expected[s]);
  });
});

describe('packRefusal', () => {
  const cancelArb = fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: null });

  it('property: null exactly for AWAITING_SHIPMENT / PARTIALLY_SHIPPING without a cancel request', () => {
    fc.assert(
      fc.property(statusArb, cancelArb, (status, cancelRequestedAt) => {
        const packable = (status === 'AWAITING_SHIPMENT' || status === 'PARTIALLY_SHIPPING') && cancelRequestedAt === null;
        expect(packRefusal({ status, cancelRequestedAt }) === null).toBe(packable);
      }),
    );
  });

  it('names the reason for each status', () => {
    const expected: Record<OrderStatus, string> = {
      UNPAID: 'ORDER_UNPAID',
      ON_HOLD: 'ORDER_ON_HOLD',
      AWAITING_SHIPMENT: 'ORDER_CANCEL_REQUESTED',
      PARTIALLY_SHIPPING: 'ORDER_CANCEL_REQUESTED',
      AWAITING_COLLECTION: 'ORDER_ALREADY_SHIPPED',
      IN_TRANSIT: 'ORDER_ALREADY_SHIPPED',
      DELIVERY_FAILED: 'ORDER_ALREADY_SHIPPED',
      DELIVERED: 'ORDER_ALREADY_SHIPPED',
      COMPLETED: 'ORDER_ALREADY_SHIPPED',
      CANCELLED: 'ORDER_CANCELLED',
    };
    for (const s of ORDER_STATUSES) expect(packRefusal({ status: s, cancelRequestedAt: 1 }), s).toBe(expected[s]);
  });

  it('a cancel request at epoch 0 still counts as a request (null check, not truthiness)', () => {
    expect(packRefusal({ status: 'AWAITING_SHIPMENT', cancelRequestedAt: 0 })).toBe('ORDER_CANCEL_REQUESTED');
  });

  it('the refusals a cancel request does not change still apply', () => {
    expect(packRefusal({ status: 'UNPAID', cancelRequestedAt: null })).toBe('ORDER_UNPAID');
    expect(packRefusal({ status: 'CANCELLED', cancelRequestedAt: null })).toBe('ORDER_CANCELLED');
  });

  it('every refusal has a message for the packer', () => {
    for (const s of ORDER_STATUSES) {
      for (const c of [null, 5]) {
        const code = packRefusal({ status: s, cancelRequestedAt: c });
        if (code !== null) expect(REFUSAL_MESSAGES[code], code).toMatch(/\S/);
      }
    }
  });
});
