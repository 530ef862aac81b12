import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../core/api/contract.js';
import { createDispatcher, type Response } from '../../../core/api/dispatch.js';
import { handlers } from '../../../core/core.js';
import { PackdeskError } from '../../../core/domain/errors.js';
import { seedOrder, seedSku, makeOrder, makeSku, line } from '../../helpers/orders.js';
import { freshCoreEachTest, snapshot } from './support.js';

const core = freshCoreEachTest();

function errorOf(res: Response): { code: string; message: string } {
  if (res.ok) throw new Error(`expected a failure, got ${JSON.stringify(res.result)}`);
  return res.error;
}

/** A dispatcher over the real context whose `orders.get` handler does what the test says. */
function dispatcherWith(getHandler: () => never | Promise<never>) {
  const c = core();
  const logged: { message: string; err: unknown }[] = [];
  const ctx = { ...c.context, log: { error: (message: string, err?: unknown) => logged.push({ message, err }) } };
  const dispatch = createDispatcher(ctx, { ...handlers, 'orders.get': getHandler });
  return { dispatch, logged };
}

describe('dispatch: method names', () => {
  it('answers UNKNOWN_METHOD for a name not in the contract, naming it', async () => {
    const err = errorOf(await core().dispatch('orders.delete', {}));
    expect(err.code).toBe('UNKNOWN_METHOD');
    expect(err.message).toContain('orders.delete');
  });

  it('does not treat Object.prototype members as methods', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(errorOf(await core().dispatch(name, {})).code, name).toBe('UNKNOWN_METHOD');
    }
  });

  it('every contract method has a handler that the dispatcher reaches', async () => {
    for (const m of METHODS) {
      const res = await core().dispatch(m, { definitely_not_a_field: 1 });
      // Strict schemas refuse the extra key: proof the method is known and validated.
      expect(errorOf(res).code, m).toBe('INVALID_INPUT');
    }
  });
});

describe('dispatch: input validation', () => {
  it('a wrong type is INVALID_INPUT naming the field', async () => {
    const err = errorOf(await core().dispatch('orders.get', { orderId: 42 }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('orderId');
  });

  it('a missing field is INVALID_INPUT naming the field', async () => {
    const err = errorOf(await core().dispatch('packing.scan', { station: 'b1', packer: 'p', code: 'X' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('scanId');
  });

  it('an extra key is INVALID_INPUT naming the key', async () => {
    const err = errorOf(await core().dispatch('orders.get', { orderId: 'A1', sneaky: true }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('sneaky');
  });

  it('a nested field names its path', async () => {
    const err = errorOf(
      await core().dispatch('orders.requestRedelivery', {
        orderId: 'A1',
        recipient: { name: 'Bo', phone: '+44 7700 900000', address: '5 Deansgate', postcode: 12 },
      }),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('recipient.postcode');
  });

  it('a non-object input, null, an array or a string is INVALID_INPUT, not a crash', async () => {
    for (const input of [null, undefined, [], 'A1', 7, true]) {
      const res = await core().dispatch('orders.get', input);
      expect(errorOf(res).code, JSON.stringify(input)).toBe('INVALID_INPUT');
    }
  });

  it('methods whose every field is optional accept a missing input', async () => {
    const res = await core().dispatch('sync.status', undefined);
    expect(res).toMatchObject({ ok: true, result: { pendingOutbox: 0 } });
  });

  it('bounds: a whitespace-only id, an over-long scan and a negative limit are refused', async () => {
    expect(errorOf(await core().dispatch('orders.get', { orderId: '   ' })).code).toBe('INVALID_INPUT');
    const long = await core().dispatch('packing.scan', { station: 'b1', packer: 'p', scanId: 's', code: 'x'.repeat(501) });
    expect(errorOf(long).message).toContain('code');
    expect(errorOf(await core().dispatch('orders.queue', { limit: -1 })).message).toContain('limit');
  });

  it('refused input changes nothing in the store', async () => {
    const c = core();
    const sku = seedSku(c, makeSku('1'));
    seedOrder(c, makeOrder('A1', [line(sku)], c.clock.now()));
    const before = snapshot(c);
    await c.dispatch('packing.scan', { station: 'b1', packer: 'p', scanId: 's', code: 7 });
    await c.dispatch('orders.sellerCancel', { orderId: 'A1', reason: 'x', confirmStockZero: 'yes' });
    await c.dispatch('shipping.arrange', { orderIds: [] });
    expect(snapshot(c)).toEqual(before);
  });
});

describe('dispatch: errors', () => {
  it('a domain error keeps its code and message', async () => {
    const err = errorOf(await core().dispatch('orders.get', { orderId: 'NOPE' }));
    expect(err).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(err.message).toContain('NOPE');
  });

  it('a handler throwing a plain Error becomes INTERNAL, is logged and does not leak its message', async () => {
    const boom = new Error('secret at /home/seller/.config/packdesk/db: token=abc');
    const { dispatch, logged } = dispatcherWith(() => {
      throw boom;
    });
    const err = errorOf(await dispatch('orders.get', { orderId: 'A1' }));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).not.toContain('secret');
    expect(err.message).not.toContain('token');
    expect(JSON.stringify(err)).not.toContain('/home/seller');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.err).toBe(boom);
  });

  it('a rejected promise and a thrown non-Error are INTERNAL too', async () => {
    const rejecting = dispatcherWith(() => Promise.reject(new TypeError('x is undefined')));
    expect(errorOf(await rejecting.dispatch('orders.get', { orderId: 'A1' })).code).toBe('INTERNAL');
    expect(rejecting.logged).toHaveLength(1);
    const stringy = dispatcherWith(() => {
      throw 'a bare string';
    });
    const err = errorOf(await stringy.dispatch('orders.get', { orderId: 'A1' }));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).not.toContain('bare string');
  });

  it('a PackdeskError thrown by a handler is passed through with its details, not logged', async () => {
    const { dispatch, logged } = dispatcherWith(() => {
      throw new PackdeskError('CONFLICT', 'changed meanwhile', { orderId: 'A1' });
    });
    const res = await dispatch('orders.get', { orderId: 'A1' });
    expect(res).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'changed meanwhile', details: { orderId: 'A1' } } });
    expect(logged).toHaveLength(0);
  });

  it('a real failure of the store (database closed) is INTERNAL, and dispatch still resolves', async () => {
    const c = core();
    const logged: unknown[] = [];
    c.context.log = { error: (_m, e) => logged.push(e) };
    c.context.db.close();
    const res = await c.dispatch('orders.queue', {});
    expect(errorOf(res).code).toBe('INTERNAL');
    expect(logged).toHaveLength(1);
  });

  it('never throws for any method and junk input', async () => {
    const junk = [undefined, null, 0, 'x', [], {}, { orderId: {} }, { a: { b: [1, null] } }, Number.NaN];
    for (const m of [...METHODS, 'no.such']) {
      for (const input of junk) {
        const res = await core().dispatch(m, input);
        expect(typeof res.ok, `${m} ${String(input)}`).toBe('boolean');
      }
    }
  });

  // IPC inputs are structured clones (no getters), but in-process callers can pass anything.
  it('answers INVALID_INPUT, rather than rejecting, when reading the input throws', async () => {
    const evil = Object.defineProperty({}, 'orderId', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const res = await core().dispatch('orders.get', evil);
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT' }) });
  });
});
