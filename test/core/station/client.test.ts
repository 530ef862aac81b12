import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Response } from '../../../core/api/dispatch.js';
import type { Events } from '../../../core/api/events.js';
import { startStation } from '../../../core/station/server.js';
import {
  ApiError,
  createApiClient,
  electronBridgeTransport,
  webSocketTransport,
  type ApiClient,
  type ApiResponse,
  type SocketConstructor,
} from '../../../renderer/src/api/client.js';
import { onCleanup, startTestStation, type TestStation } from './support.js';

/** The browser sends its page's Origin by itself; from Node, `ws` is told to. */
function wsFrom(origin: string): SocketConstructor {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  };
}

function clientFor(s: TestStation, origin = s.origin): ApiClient {
  const client = createApiClient(webSocketTransport(`ws://127.0.0.1:${s.station.port}/api`, { WebSocket: wsFrom(origin), minDelayMs: 5, maxDelayMs: 20 }));
  onCleanup(() => client.close());
  return client;
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

function connectedOnce(client: ApiClient, want: boolean): Promise<void> {
  return new Promise((resolve) => {
    const off = client.onConnection((up) => {
      if (up !== want) return;
      off();
      resolve();
    });
  });
}

describe('renderer API client over the station WebSocket', () => {
  it('calls are typed from the contract and resolve with the result (sent before the socket opened)', async () => {
    const s = await startTestStation();
    const api = clientFor(s);
    // Both calls go out while the socket is still connecting: they wait for it.
    const [loaded, page] = await Promise.all([api.call('demo.load', { orders: 30 }), api.call('orders.queue', { limit: 3 })]);
    expect(loaded.skus).toBe(40);
    expect(page.total).toBeGreaterThanOrEqual(0);
    const queue = await api.call('orders.queue', { limit: 3 });
    expect(queue.orders).toHaveLength(3);
    expect(queue.orders[0]!.id).toEqual(expect.any(String));
  });

  it('rejects with an ApiError carrying the core’s code', async () => {
    const s = await startTestStation();
    const api = clientFor(s);
    const err = await rejection(api.call('orders.get', { orderId: 'NO-SUCH-ORDER' }));
    expect(err.code).toBe('ORDER_NOT_FOUND');
    // The compiler stops a wrong input; a renderer bug that slips past it still meets the contract.
    const invalid = await rejection(api.call('orders.queue', { limit: -1 }));
    expect(invalid.code).toBe('INVALID_INPUT');
  });

  it('refuses an input over 1 MB without sending it', async () => {
    const s = await startTestStation();
    const api = clientFor(s);
    const err = await rejection(api.call('packing.scan', { station: 'b', packer: 'p', scanId: 'x', code: '界'.repeat(400_000) }));
    expect(err.code).toBe('INVALID_INPUT');
    expect((await api.call('sync.status', {})).pendingOutbox).toBe(0);
  });

  it('delivers pushed events to subscribers until they unsubscribe', async () => {
    const s = await startTestStation();
    const api = clientFor(s);
    const seen: Array<Events['orders.changed']> = [];
    const off = api.on('orders.changed', (p) => seen.push(p));
    await api.call('sync.status', {});
    s.core.events.emit('orders.changed', { orderIds: ['A1'] });
    await api.call('sync.status', {}); // pushes and replies share one ordered socket
    expect(seen).toEqual([{ orderIds: ['A1'] }]);
    off();
    s.core.events.emit('orders.changed', { orderIds: ['A2'] });
    await api.call('sync.status', {});
    expect(seen).toHaveLength(1);
  });

  it('fails calls in flight with STATION_UNREACHABLE "Lost connection" when the station goes away, then reconnects', async () => {
    const s = await startTestStation();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    // A core whose answers wait for the test, so a call is in flight when the station stops.
    const slowCore = {
      ...s.core,
      dispatch: async (m: string, i: unknown): Promise<Response> => {
        await gate;
        return s.core.dispatch(m, i);
      },
    };
    const first = await startStation({ core: slowCore, port: 0 });
    const port = first.port;
    const api = clientFor({ ...s, station: first }, `http://127.0.0.1:${port}`);
    const up = connectedOnce(api, true);
    const inFlight = api.call('sync.status', {});
    await up;
    const down = connectedOnce(api, false);
    await first.close();
    const err = await rejection(inFlight);
    expect(err.code).toBe('STATION_UNREACHABLE');
    expect(err.message).toBe('Lost connection to the station');
    await down;
    release();

    const back = connectedOnce(api, true);
    const second = await startStation({ core: s.core, port });
    onCleanup(() => second.close());
    await back;
    expect((await api.call('sync.status', {})).pendingOutbox).toBe(0);
  });

  it('is refused by a station serving another origin', async () => {
    const s = await startTestStation();
    const api = clientFor(s, 'http://evil.example');
    const err = await rejection(api.call('sync.status', {}));
    expect(err).toMatchObject({ code: 'STATION_UNREACHABLE', message: 'Lost connection to the station' });
  });
});

/** A socket that never connects on its own: the test opens it and reads what was sent. */
class FakeSocket {
  static last: FakeSocket | null = null;
  readonly sent: string[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {}
}

describe('webSocketTransport on its own', () => {
  it('holds calls until the socket opens, and never sends an input over 1 MB', async () => {
    const api = createApiClient(webSocketTransport('ws://station/api', { WebSocket: FakeSocket }));
    onCleanup(() => api.close());
    const socket = FakeSocket.last!;
    const pending = api.call('sync.status', {});
    expect(socket.sent).toEqual([]);
    socket.onopen?.({});
    expect(socket.sent.map((f) => JSON.parse(f))).toEqual([{ id: 1, method: 'sync.status', input: {} }]);
    socket.onmessage?.({ data: JSON.stringify({ id: 1, response: { ok: true, result: { pendingOutbox: 2 } } }) });
    expect(await pending).toEqual({ pendingOutbox: 2 });

    const big = await rejection(api.call('packing.scan', { station: 'b', packer: 'p', scanId: 'x', code: '界'.repeat(400_000) }));
    expect(big.code).toBe('INVALID_INPUT');
    expect(socket.sent).toHaveLength(1);
  });

  it('ignores frames it cannot read and answers for unknown ids', async () => {
    const api = createApiClient(webSocketTransport('ws://station/api', { WebSocket: FakeSocket }));
    onCleanup(() => api.close());
    const socket = FakeSocket.last!;
    socket.onopen?.({});
    const pending = api.call('sync.status', {});
    for (const data of ['nope', 'null', '{"id":99,"response":{"ok":true,"result":1}}', new Uint8Array(2)]) socket.onmessage?.({ data });
    socket.onmessage?.({ data: JSON.stringify({ id: 1, response: { ok: 'maybe' } }) });
    expect((await rejection(pending)).code).toBe('INTERNAL');
  });
});

describe('renderer API client over the Electron bridge', () => {
  it('passes calls and events through the preload bridge', async () => {
    const s = await startTestStation();
    const api = createApiClient(
      electronBridgeTransport({
        invoke: (method, input) => s.core.dispatch(method, input),
        on: (event, cb) => s.core.events.on(event as keyof Events, cb),
      }),
    );
    expect((await api.call('demo.load', { orders: 10 })).skus).toBe(40);
    expect((await rejection(api.call('orders.get', { orderId: 'nope' }))).code).toBe('ORDER_NOT_FOUND');
    const seen: string[][] = [];
    api.on('orders.changed', (p) => seen.push(p.orderIds));
    s.core.events.emit('orders.changed', { orderIds: ['B1'] });
    expect(seen).toEqual([['B1']]);
  });

  it('turns a failed IPC call or an unreadable answer into INTERNAL', async () => {
    const broken = createApiClient(electronBridgeTransport({ invoke: () => Promise.reject(new Error('channel closed')), on: () => () => {} }));
    const err = await rejection(broken.call('sync.status', {}));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('channel closed');
    const garbled = createApiClient(electronBridgeTransport({ invoke: async () => ({ ok: 'yes' }) as unknown as ApiResponse, on: () => () => {} }));
    expect((await rejection(garbled.call('sync.status', {}))).code).toBe('INTERNAL');
  });
});
