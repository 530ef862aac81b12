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
    const answers = await Promise.all(calls);
    expect(answers.filter((a) => a.ok)).toHaveLength(1000);
    expect(c.ws.readyState).toBe(c.ws.OPEN);
    expect(await c.call('sync.status', {})).toMatchObject({ ok: true });
  });

  it('drops a socket that asks and never reads, once it has stalled for the stall time', async () => {
    const s = await startTestStation({ stallMs: 300 });
    await s.core.call('demo.load', { orders: 240 });
    const mute = await connect(apiUrl(s), { origin: s.origin });
    const healthy = await connect(apiUrl(s), { origin: s.origin });
    mute.ws.pause();
    const gone = closed(mute.ws);
    for (let i = 0; i < 1000; i++) mute.ws.send(JSON.stringify({ id: i + 1, method: 'orders.queue', input: { limit: 100 } }));
    mute.ws.resume();
    await gone;
    expect(await healthy.call('sync.status', {})).toMatchObject({ ok: true });
  });
});
