// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPackdeskStore, listenToCore, type PackdeskStore } from '../../renderer/src/store/index.js';
import type { Unsubscribe } from '../../renderer/src/store/api.js';
import { FakeApi, FakeApiError, memoryStorage } from './helpers/fake-api.js';
import { orderView, verdict } from './helpers/orders.js';
import { syncStatus } from './helpers/sync-status.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A fake core whose link to the screens can stop answering, like a station that hangs. */
class LinkedFakeApi extends FakeApi {
  private readonly answering = new Set<(answering: boolean) => void>();
  onAnswering(cb: (answering: boolean) => void): Unsubscribe {
    this.answering.add(cb);
    return () => void this.answering.delete(cb);
  }
  setAnswering(value: boolean) {
    for (const cb of this.answering) cb(value);
  }
}

describe('store: scans the station did not answer', () => {
  let api: LinkedFakeApi;
  let store: PackdeskStore;
  /** Scan ids as the core received them, in order (a resent one is counted once, as the core does). */
  let judged: string[];
  let received: string[];

  beforeEach(() => {
    api = new LinkedFakeApi();
    judged = [];
    received = [];
    api.handle('sync.status', () => syncStatus(0));
    api.handle('packing.current', () => null);
    api.handle('packing.scan', (input) => {
      received.push(input.scanId);
      if (!judged.includes(input.scanId)) judged.push(input.scanId);
      return verdict({ scanId: input.scanId, code: 'ACCEPTED', scannedCode: input.code });
    });
    store = createPackdeskStore(api, { storage: memoryStorage() });
    store.getState().updateSettings({ station: 'bench-3', packer: 'amy', language: 'en' });
    listenToCore(api, store);
  });

  it('keeps a scan whose call failed for want of an answer, and sends it again when the station answers', async () => {
    api.handle('packing.scan', () => {
      throw new FakeApiError('STATION_NOT_ANSWERING');
    });
    await store.getState().scan({ scanId: 'a', code: '1111' });
    expect(store.getState().packing.kept.map((k) => k.scanId)).toEqual(['a']);
    expect(store.getState().packing.notice).toBeNull();

    api.handle('packing.scan', (input) => verdict({ scanId: input.scanId, code: 'ACCEPTED', scannedCode: input.code }));
    api.setAnswering(false);
    api.setAnswering(true);
    await flush();
    await flush();
    expect(api.callsTo('packing.scan').map((c) => c.scanId)).toEqual(['a', 'a']);
    expect(store.getState().packing.kept).toEqual([]);
    expect(store.getState().packing.history.map((h) => h.scanId)).toEqual(['a']);
  });

  it('keeps scans made while the station is not answering, without sending them, and sends them in order after', async () => {
    api.setAnswering(false);
    expect(store.getState().status.answering).toBe(false);
    await store.getState().scan({ scanId: 'a', code: 'ORDER-1' });
    await store.getState().scan({ scanId: 'b', code: '1111' });
    await store.getState().scan({ scanId: 'c', code: '2222' });
    expect(received).toEqual([]);
    expect(store.getState().packing.kept.map((k) => k.code)).toEqual(['ORDER-1', '1111', '2222']);

    api.setAnswering(true);
    await flush();
    await flush();
    expect(received).toEqual(['a', 'b', 'c']);
    expect(store.getState().packing.kept).toEqual([]);
    expect(store.getState().packing.busy).toBe(false);
  });

  it('clears old notices when the station answers again, and when a new order opens', async () => {
    api.handle('printing.reprint', () => {
      throw new FakeApiError('PRINTER_OFFLINE');
    });
    api.handle('packing.current', () => orderView({ id: 'O-1' }));
    await store.getState().loadCurrentOrder();
    await store.getState().reprintLabel();
    expect(store.getState().packing.notice).toMatchObject({ kind: 'failed', action: 'reprint' });
    api.setAnswering(false);
    api.setAnswering(true);
    expect(store.getState().packing.notice).toBeNull();

    await store.getState().reprintLabel();
    expect(store.getState().packing.notice).not.toBeNull();
    api.handle('packing.scan', (input) => verdict({ scanId: input.scanId, code: 'ORDER_OPENED', orderId: 'O-2', order: orderView({ id: 'O-2' }) }));
    await store.getState().scan({ scanId: 'open', code: 'O-2' });
    expect(store.getState().packing.notice).toBeNull();
  });
});
