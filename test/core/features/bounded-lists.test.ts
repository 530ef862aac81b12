import { describe, expect, it } from 'vitest';
import { errorCode, freshCoreEachTest } from './support.js';

const core = freshCoreEachTest();

/** No list answer may grow with the database: every list has a page size cap and paging. */
describe('bounded lists', () => {
  it('orders.list refuses a page larger than 1,000 and pages by offset', async () => {
    const c = core();
    await c.call('demo.load', { orders: 240 });
    expect(await errorCode(c.call('orders.list', { limit: 1e15 }))).toBe('INVALID_INPUT');
    expect(await errorCode(c.call('orders.list', { limit: 1001 }))).toBe('INVALID_INPUT');
    const first = await c.call('orders.list', {});
    expect(first).toHaveLength(100);
    const seen = new Set<string>();
    for (let offset = 0; ; offset += 70) {
      const page = await c.call('orders.list', { limit: 70, offset });
      for (const o of page) seen.add(o.id);
      if (page.length < 70) break;
    }
    expect(seen.size).toBe(240);
    expect(first.map((o) => o.id)).toEqual((await c.call('orders.list', { limit: 100, offset: 0 })).map((o) => o.id));
  });

  it('catalogue.list and printing.jobs page too', async () => {
    const c = core();
    await c.call('demo.load', { orders: 10 });
    expect(await errorCode(c.call('catalogue.list', { limit: 5000 }))).toBe('INVALID_INPUT');
    const all = await c.call('catalogue.list', {});
    const firstTen = await c.call('catalogue.list', { limit: 10 });
    const rest = await c.call('catalogue.list', { limit: 1000, offset: 10 });
    expect([...firstTen, ...rest].map((s) => s.id)).toEqual(all.map((s) => s.id));
    expect(await errorCode(c.call('printing.jobs', { limit: 5000 }))).toBe('INVALID_INPUT');
  });
});
