// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPackdeskStore, listenToCore, SETTINGS_STORAGE_KEY, type PackdeskStore } from '../../renderer/src/store/index.js';
import { FakeApi, FakeApiError, memoryStorage } from './helpers/fake-api.js';
import { line, orderView, verdict } from './helpers/orders.js';
import { syncStatus } from './helpers/sync-status.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('store', () => {
  let api: FakeApi;
  let storage: ReturnType<typeof memoryStorage>;
  let store: PackdeskStore;

  beforeEach(() => {
    api = new FakeApi();
    storage = memoryStorage();
    store = createPackdeskStore(api, { storage });
    store.getState().updateSettings({ station: 'bench-3', packer: 'amy', language: 'en' });
  });

  describe('packing', () => {
    it('sends a scan to packing.scan with station, packer, scan id and mode, and keeps the verdict', async () => {
      const order = orderView({ lines: [line({ packedQty: 1 })], unitsPacked: 1 });
      const answer = verdict({ scanId: 'id-1', code: 'ACCEPTED', order, line: { sellerSku: 'MUG-RED', name: 'Ceramic mug', packedQty: 1, qty: 2 } });
      api.handle('packing.scan', () => answer);
      await store.getState().scan({ scanId: 'id-1', code: '6901234567892' });
      expect(api.callsTo('packing.scan')).toEqual([{ station: 'bench-3', packer: 'amy', scanId: 'id-1', code: '6901234567892', singleItemMode: false }]);
      const { packing } = store.getState();
      expect(packing.lastVerdict).toBe(answer);
      expect(packing.order).toBe(order);
      expect(packing.history[0]).toMatchObject({ scanId: 'id-1', verdict: 'ACCEPTED', ok: true });
      expect(packing.busy).toBe(false);
    });

    it('sends scans one at a time, in the order they came', async () => {
      const seen: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      api.handle('packing.scan', async (input) => {
        seen.push(`start ${input.scanId}`);
        if (input.scanId === 'a') await gate;
        seen.push(`end ${input.scanId}`);
        return verdict({ scanId: input.scanId });
      });
      const a = store.getState().scan({ scanId: 'a', code: '1111' });
      const b = store.getState().scan({ scanId: 'b', code: '2222' });
      await flush();
      expect(store.getState().packing.busy).toBe(true);
      release();
      await Promise.all([a, b]);
      expect(seen).toEqual(['start a', 'end a', 'start b', 'end b']);
      expect(store.getState().packing.busy).toBe(false);
      expect(store.getState().packing.history.map((h) => h.scanId)).toEqual(['b', 'a']);
    });

    it('keeps the open order on screen when a scan refuses another one, and raises the banner', async () => {
      const open = orderView({ id: 'OPEN-1' });
      const refused = orderView({ id: 'CANCEL-2', cancelRequestedAt: 1, packRefusal: 'ORDER_CANCEL_REQUESTED' });
      api.handle('packing.current', () => open);
      await store.getState().loadCurrentOrder();
      api.handle('packing.scan', () => verdict({ code: 'ORDER_CANCEL_REQUESTED', ok: false, orderId: 'CANCEL-2', order: refused }));
      await store.getState().scan({ scanId: 's', code: 'CANCEL-2' });
      const { packing } = store.getState();
      expect(packing.order?.id).toBe('OPEN-1');
      expect(packing.block).toEqual({ code: 'ORDER_CANCEL_REQUESTED', orderId: 'CANCEL-2' });
      store.getState().acknowledgeBlock();
      expect(store.getState().packing.block).toBeNull();
    });

    it('undo calls packing.undo, shows the order back and marks the scan undone', async () => {
      api.handle('packing.scan', () => verdict({ scanId: 'id-1', order: orderView({ version: 2 }) }));
      await store.getState().scan({ scanId: 'id-1', code: 'x' });
      api.handle('packing.undo', () => ({ undoneScanId: 'id-1', order: orderView({ version: 3 }) }));
      await store.getState().undoLastScan();
      expect(api.callsTo('packing.undo')).toEqual([{ station: 'bench-3', packer: 'amy' }]);
      expect(store.getState().packing.history[0]!.undone).toBe(true);
      expect(store.getState().packing.order?.version).toBe(3);
    });

    it('keeps the code of a failed call for the screen to explain', async () => {
      api.handle('packing.undo', () => Promise.reject(new FakeApiError('NOTHING_TO_UNDO')));
      await store.getState().undoLastScan();
      expect(store.getState().packing.notice).toMatchObject({ kind: 'failed', action: 'undo', code: 'NOTHING_TO_UNDO' });
    });
  });

  describe('events from the core', () => {
    it('refreshes the queue on orders.changed once the queue has been loaded', async () => {
      let page = 0;
      api.handle('orders.queue', () => ({ total: ++page, orders: [] }));
      api.handle('packing.current', () => null);
      api.handle('sync.status', () => syncStatus(0));
      const stop = listenToCore(api, store);
      api.emit('orders.changed', { orderIds: ['x'] });
      await flush();
      expect(api.callsTo('orders.queue')).toHaveLength(0); // nobody looks at the queue yet
      await store.getState().setQueueFilters({ singleItem: true });
      expect(api.callsTo('orders.queue')).toEqual([{ singleItem: true, limit: 200, offset: 0 }]);
      api.emit('orders.changed', { orderIds: ['x'] });
      await flush();
      expect(api.callsTo('orders.queue')).toHaveLength(2);
      expect(store.getState().queue.total).toBe(2);
      stop();
    });

    it('reloads the open order when orders.changed names it (a cancellation request arrived)', async () => {
      const open = orderView({ id: 'O-1', version: 1 });
      api.handle('packing.current', () => open);
      api.handle('sync.status', () => syncStatus(0));
      const stop = listenToCore(api, store);
      await flush();
      const cancelled = orderView({ id: 'O-1', version: 2, cancelRequestedAt: 5, packRefusal: 'ORDER_CANCEL_REQUESTED' });
      api.handle('packing.current', () => cancelled);
      api.emit('orders.changed', { orderIds: ['other'] });
      await flush();
      expect(store.getState().packing.order).toBe(open);
      api.emit('orders.changed', { orderIds: ['O-1'] });
      await flush();
      expect(store.getState().packing.order).toBe(cancelled);
      expect(store.getState().packing.block).toEqual({ code: 'ORDER_CANCEL_REQUESTED', orderId: 'O-1' });
      stop();
    });

    it('takes the pending sync count from sync.status, then from outbox.changed', async () => {
      api.handle('packing.current', () => null);
      api.handle('sync.status', () => syncStatus(4));
      const stop = listenToCore(api, store);
      await flush();
      expect(store.getState().status.pendingSync).toBe(4);
      api.emit('outbox.changed', { pending: 7 });
      expect(store.getState().status.pendingSync).toBe(7);
      api.emit('printer.status', { printer: 'Zebra', status: { ready: false, conditions: ['PAPER_OUT'], raw: '' } });
      expect(store.getState().status.printers.Zebra?.conditions).toEqual(['PAPER_OUT']);
      stop();
      expect(api.listenerCount('outbox.changed')).toBe(0);
    });
  });

  describe('settings', () => {
    it('are kept in local storage and come back in a new store', () => {
      store.getState().updateSettings({ language: 'zh-CN', singleItemMode: true });
      expect(JSON.parse(storage.data.get(SETTINGS_STORAGE_KEY)!).state.settings).toMatchObject({ language: 'zh-CN', singleItemMode: true, station: 'bench-3' });
      const again = createPackdeskStore(api, { storage });
      expect(again.getState().settings).toMatchObject({ language: 'zh-CN', singleItemMode: true, station: 'bench-3', packer: 'amy' });
    });

    it('never keep a blank station or packer: the core refuses them', () => {
      store.getState().updateSettings({ station: '  ', packer: '' });
      expect(store.getState().settings).toMatchObject({ station: 'bench-3', packer: 'amy' });
    });
  });
});
