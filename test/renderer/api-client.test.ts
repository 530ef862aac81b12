import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, type ApiResponse, type Transport } from '../../renderer/src/api/client.js';

/** A transport whose calls wait until the test answers them, like a station that may hang. */
function heldTransport() {
  const waiting: { method: string; resolve(res: ApiResponse): void }[] = [];
  const transport: Transport = {
    invoke: (method) => new Promise((resolve) => waiting.push({ method, resolve })),
    on: () => () => {},
  };
  const answer = (method: string, res: ApiResponse = { ok: true, result: { pendingOutbox: 0 } }) => {
    for (const w of waiting.filter((x) => x.method === method)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(res);
    }
  };
  return { transport, waiting, answer };
}

describe('API client: calls that never answer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the station is not answering once a call has waited 3 s with no answer to anything, and answering again when it does', async () => {
    const held = heldTransport();
    const api = createApiClient(held.transport);
    const states: boolean[] = [];
    api.onAnswering((a) => states.push(a));
    const call = api.call('packing.current', { station: 'b' });
    await vi.advanceTimersByTimeAsync(2900);
    expect(states).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(states).toEqual([false]);
    // The station comes back: its answer to the probe says so.
    held.answer('sync.status');
    await vi.advanceTimersByTimeAsync(300);
    expect(states).toEqual([false, true]);
    held.answer('packing.current', { ok: true, result: null });
    await expect(call).resolves.toBeNull();
    api.close();
  });

  it('keeps saying "answering" through a long call while the station answers its probes', async () => {
    const held = heldTransport();
    const api = createApiClient(held.transport);
    const states: boolean[] = [];
    api.onAnswering((a) => states.push(a));
    void api.call('import.orders', { path: '/tmp/x.csv' }).catch(() => {});
    for (let i = 0; i < 40; i++) {
      await vi.advanceTimersByTimeAsync(250);
      held.answer('sync.status');
    }
    expect(states).toEqual([]);
    api.close();
  });

  it('fails a call with STATION_NOT_ANSWERING when its time is up, so no screen waits forever', async () => {
    const held = heldTransport();
    const api = createApiClient(held.transport, { timeoutFor: () => 5000, probe: null });
    const call = api.call('packing.scan', { station: 'b', packer: 'p', scanId: 's1', code: '123' });
    const failed = call.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    const err = (await failed) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('STATION_NOT_ANSWERING');
    api.close();
  });
});
