// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { HandoverBatchView } from '../../core/api/views.js';
import { createPackdeskStore, type PackdeskStore } from '../../renderer/src/store/index.js';
import { FakeApi, FakeApiError, memoryStorage } from './helpers/fake-api.js';

const batch = (over: Partial<HandoverBatchView> = {}): HandoverBatchView => ({
  id: 3,
  station: 'bench-3',
  carrier: '',
  method: 'PICKUP',
  openedAt: 1,
  closedAt: null,
  parcels: [],
  heldBack: [],
  ...over,
});

describe('handover slice', () => {
  let api: FakeApi;
  let store: PackdeskStore;

  beforeEach(async () => {
    api = new FakeApi().handle('handover.open', () => batch()).handle('handover.get', () => batch());
    store = createPackdeskStore(api, { storage: memoryStorage() });
    store.getState().updateSettings({ station: 'bench-3', packer: 'amy' });
    await store.getState().openHandover('PICKUP', '');
  });

  it('closes only after the scans made before it are answered', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    api
      .handle('handover.scan', async (input) => {
        seen.push(`scan ${input.code}`);
        await gate;
        return { code: 'PARCEL_NOT_READY', ok: false, message: '', orderId: 'O-1', count: 0 };
      })
      .handle('handover.close', () => {
        seen.push('close');
        return batch({ closedAt: 2 });
      });
    const scanned = store.getState().scanParcel({ scanId: 's1', code: 'A' });
    const closed = store.getState().closeHandover();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['scan A']);
    release();
    await Promise.all([scanned, closed]);
    expect(seen).toEqual(['scan A', 'close']);
    expect(store.getState().handover.batch?.closedAt).toBe(2);
    expect(store.getState().handover.busy).toBe(false);
  });

  it('keeps a failed scan as a failure with the core’s code, and the next scan still goes', async () => {
    let n = 0;
    api
      .handle('handover.scan', () =>
        ++n === 1 ? Promise.reject(new FakeApiError('HANDOVER_CLOSED')) : { code: 'PARCEL_ADDED', ok: true, message: '', orderId: 'O-2', count: 1 },
      )
      .handle('handover.get', () => batch({ parcels: [{ orderId: 'O-2', trackingNumber: 'T2', carrier: '', scannedAt: 2 }] }));
    expect(await store.getState().scanParcel({ scanId: 's1', code: 'A' })).toBeNull();
    expect(store.getState().handover.failure).toMatchObject({ action: 'scan', code: 'HANDOVER_CLOSED' });
    await store.getState().scanParcel({ scanId: 's2', code: 'B' });
    expect(store.getState().handover.count).toBe(1);
    expect(store.getState().handover.batch?.parcels.map((p) => p.orderId)).toEqual(['O-2']);
    expect(api.callsTo('handover.scan')).toHaveLength(2);
  });
});
