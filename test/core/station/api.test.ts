import { describe, expect, it } from 'vitest';
import type { QueuePage, ScanVerdict } from '../../../core/api/views.js';
import { EVENT_NAMES } from '../../../core/shared/vocabulary.js';
import { HARD_FRAME_BYTES, MAX_FRAME_BYTES } from '../../../core/station/protocol.js';
import { apiUrl, closed, connect, startTestStation, type TestStation } from './support.js';

async function client(s: TestStation) {
  return connect(apiUrl(s), { origin: s.origin });
}

describe('station API socket', () => {
  it('round-trips calls through the dispatcher: demo.load, then orders.queue', async () => {
    const s = await startTestStation();
    const c = await client(s);
    const loaded = await c.call('demo.load', {});
    expect(loaded).toMatchObject({ ok: true, result: { skus: 40 } });
    const queue = await c.call('orders.queue', { limit: 5 });
    expect(queue.ok).toBe(true);
    const page = (queue as { result: QueuePage }).result;
    expect(page.orders).toHaveLength(5);
    // The same answer the core gives in-process: the socket adds nothing and drops nothing.
    expect(page).toEqual(await s.core.call('orders.queue', { limit: 5 }));
  });

  it('answers input the contract rejects with INVALID_INPUT, and unknown methods with UNKNOWN_METHOD', async () => {
    const s = await startTestStation();
    const c = await client(s);
    const bad = await c.call('orders.queue', { limit: 'all', extra: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await c.call('orders.dropTable', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // Names that exist on every JS object are not methods either.
    expect(await c.call('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers malformed frames with INVALID_INPUT and keeps the socket usable', async () => {
    const s = await startTestStation();
    const c = await client(s);
    for (const frame of ['{not json', '[]', '"hello"', 'null', '{"method":"orders.queue"}', '{"id":-1,"method":"orders.queue","input":{}}']) {
      c.ws.send(frame);
      expect(await c.reply(null), frame).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    // A frame with a readable id but the wrong shape is answered under that id, so the caller is not left waiting.
    c.ws.send(JSON.stringify({ id: 77, method: 42 }));
    expect(await c.reply(77)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    c.ws.send(Buffer.from('{"id":78,"method":"orders.queue","input":{}}'), { binary: true });
    expect(await c.reply(null)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await c.call('orders.queue', {})).toMatchObject({ ok: true });
  });

  it('refuses a frame over 1 MB with INVALID_INPUT under its id, and stays usable', async () => {
    const s = await startTestStation();
    const c = await client(s);
    // Input the contract itself would take (arrange has no list limit), so only the size refuses it.
    const orderIds = Array.from({ length: MAX_FRAME_BYTES / 8 }, (_, i) => `O${i}`);
    const frame = JSON.stringify({ id: 5, method: 'shipping.arrange', input: { orderIds } });
    expect(frame.length).toBeGreaterThan(MAX_FRAME_BYTES);
    c.ws.send(frame);
    const res = await c.reply(5);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/at most 1048576 bytes/) } });
    expect(await c.call('orders.queue', {})).toMatchObject({ ok: true });
  });

  it('closes (1009) a socket that sends a frame beyond the hard limit; the station keeps serving others', async () => {
    const s = await startTestStation();
    const c = await client(s);
    const gone = closed(c.ws);
    c.ws.send('x'.repeat(HARD_FRAME_BYTES + 1));
    expect((await gone).code).toBe(1009);
    const other = await client(s);
    expect(await other.call('orders.queue', {})).toMatchObject({ ok: true });
  });

  it('answers many concurrent calls on one socket, each under its own id', async () => {
    const s = await startTestStation();
    const c = await client(s);
    await c.call('demo.load', {});
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 3 === 2 ? c.call('orders.get', { orderId: '' }) : c.call('orders.queue', { limit: 1 + (i % 10) }))),
    );
    answers.forEach((a, i) => {
      if (i % 3 === 2) expect(a, String(i)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      else expect((a as { result: QueuePage }).result.orders, String(i)).toHaveLength(1 + (i % 10));
    });
  });

  it('pushes core events to every socket: orders.changed after a packing.scan', async () => {
    const s = await startTestStation();
    const [packer, watcher] = [await client(s), await client(s)];
    await packer.call('demo.load', {});
    const target = (await s.core.call('orders.queue', { cancelRequested: false, limit: 1 })).orders[0]!;
    const scan = (scanId: string, code: string) => packer.call('packing.scan', { station: 'bench-1', packer: 'pat', scanId, code });
    await scan('s1', target.id);
    const verdict = await scan('s2', target.lines[0]!.sellerSku);
    expect((verdict as { result: ScanVerdict }).result.ok).toBe(true);
    for (const c of [packer, watcher]) {
      // demo.load announced every order; the scan announces just the one it packed.
      await c.waitForEvent('orders.changed', (p) => p.orderIds.length === 1 && p.orderIds[0] === target.id);
      await c.waitForEvent('scan.recorded', (p) => p.verdict.scanId === 's2');
    }
  });

  it('subscribes to every event once per socket and unsubscribes when the socket closes', async () => {
    const s = await startTestStation();
    const on = s.core.events.on.bind(s.core.events);
    let active = 0;
    const names = new Set<string>();
    s.core.events.on = (name, listener) => {
      active++;
      names.add(name);
      const off = on(name, listener);
      return () => {
        active--;
        off();
      };
    };
    const c = await client(s);
    await c.call('sync.status', {});
    const perSocket = active;
    expect(perSocket).toBe(EVENT_NAMES.length);
    expect([...names].sort()).toEqual([...EVENT_NAMES].sort());
    const second = await client(s);
    await second.call('sync.status', {});
    expect(active).toBe(2 * perSocket);
    const gone = [closed(c.ws), closed(second.ws)];
    c.ws.close();
    second.ws.terminate();
    await Promise.all(gone);
    // The server sees the close a moment after the client; a call on a fresh socket orders us after it.
    const probe = await client(s);
    await probe.call('sync.status', {});
    expect(active).toBe(perSocket);
  });

  it('drops a socket that stops reading once its unread output passes the limit', async () => {
    const s = await startTestStation({ maxBufferedBytes: 64 * 1024 });
    const slow = await client(s);
    const healthy = await client(s);
    slow.ws.pause();
    const orderIds = Array.from({ length: 500 }, (_, i) => `ORDER-${String(i).padStart(12, '0')}`);
    // 30 MB in all: far more than loopback socket buffers hold, so the station's own buffer must
    // grow for the paused reader. Yielding between events lets the healthy reader keep up.
    const total = 3000;
    for (let i = 0; i < total; i++) {
      s.core.events.emit('orders.changed', { orderIds });
      await new Promise((r) => setImmediate(r));
    }
    const gone = closed(slow.ws);
    slow.ws.resume();
    await gone;
    expect(slow.events.length).toBeLessThan(total);
    await healthy.waitForEvent('orders.changed');
    expect(await healthy.call('sync.status', {})).toMatchObject({ ok: true });
  });

  it('pings sockets and drops one that stops answering', async () => {
    const s = await startTestStation({ keepAliveMs: 20 });
    const mute = await connect(apiUrl(s), { origin: s.origin }, { autoPong: false });
    const alive = await client(s);
    let pings = 0;
    alive.ws.on('ping', () => pings++);
    await closed(mute.ws);
    while (pings < 3) await new Promise((r) => alive.ws.once('ping', r));
    expect(await alive.call('sync.status', {})).toMatchObject({ ok: true });
  });

  it('closes sockets with 1001 on shutdown and stops listening', async () => {
    const s = await startTestStation();
    const c = await client(s);
    const gone = closed(c.ws);
    await s.station.close();
    expect((await gone).code).toBe(1001);
    await expect(fetch(s.station.url)).rejects.toThrow();
    // Closing twice is harmless (signal handlers and tests may both do it).
    await s.station.close();
  });
});
