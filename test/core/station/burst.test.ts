import { describe, expect, it } from 'vitest';
import type { Response } from '../../../core/api/dispatch.js';
import { apiUrl, closed, connect, startTestStation } from './support.js';

/** How the station treats one socket that asks a lot, and one that never reads. */
describe('station backpressure', () => {
  it('answers every call of a 1,000-call burst on one socket', async () => {
    const s = await startTestStation();
    await s.core.call('demo.load', { orders: 240 });
    const c = await connect(apiUrl(s), { origin: s.origin });
    // Each answer is a page of 100 queue rows: about 25 MB in all, well past any output buffer.
    const calls: Promise<Response>[] = [];
    for (let i = 0; i < 1000; i++) calls.push(c.call('orders.queue', { limit: 100, offset: i % 3 }));
    let answered = 0;
    for (const call of calls) void call.then(() => answered++);
    // A dropped socket never answers the rest: fail at once, saying how far it got.
    const outcome = await Promise.race([Promise.all(calls), closed(c.ws).then(() => `dropped after ${answered} answers`)]);
    expect(typeof outcome === 'string' ? outcome : outcome.filter((a) => a.ok).length).toBe(1000);
    expect(c.ws.readyState).toBe(c.ws.OPEN);
    expect(await c.call('sync.status', {})).toMatchObject({ ok: true });
  });

  it('drops a socket that asks and never reads, once its output has not moved for the stall time', async () => {
    const s = await startTestStation({ stallMs: 300 });
    await s.core.call('demo.load', { orders: 240 });
    // Each socket subscribes to the core's events; a dropped one unsubscribes.
    const on = s.core.events.on.bind(s.core.events);
    let active = 0;
    let onUnsubscribe = () => {};
    s.core.events.on = (name, listener) => {
      active++;
      const off = on(name, listener);
      return () => {
        active--;
        off();
        onUnsubscribe();
      };
    };
    const healthy = await connect(apiUrl(s), { origin: s.origin });
    await healthy.call('sync.status', {});
    const perSocket = active;
    const mute = await connect(apiUrl(s), { origin: s.origin });
    await mute.call('sync.status', {});
    mute.ws.pause();
    const dropped = new Promise<void>((resolve) => (onUnsubscribe = () => active === perSocket && resolve()));
    for (let i = 0; i < 1000; i++) mute.ws.send(JSON.stringify({ id: i + 100, method: 'orders.queue', input: { limit: 100 } }));
    await dropped;
    const gone = closed(mute.ws);
    mute.ws.resume();
    await gone;
    expect(await healthy.call('sync.status', {})).toMatchObject({ ok: true });
  });
});
