// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPackdeskStore, type PackdeskStore } from '../../renderer/src/store/index.js';
import { FakeApi, FakeApiError, memoryStorage } from './helpers/fake-api.js';
import { job, orderView } from './helpers/orders.js';

describe('search slice', () => {
  let api: FakeApi;
  let store: PackdeskStore;

  beforeEach(() => {
    api = new FakeApi()
      .handle('orders.get', ({ orderId }) => orderView({ id: orderId }))
      .handle('printing.jobs', () => [])
      .handle('printing.preview', () => ({ png: '', widthDots: 1, heightDots: 1, printer: 'p', source: 'PACKDESK' }));
    store = createPackdeskStore(api, { storage: memoryStorage() });
    store.getState().updateSettings({ station: 'bench-3', packer: 'amy' });
  });

  it('shows only the newest search’s answer when answers cross', async () => {
    const gates: Record<string, () => void> = {};
    api.handle(
      'orders.search',
      ({ text }) => new Promise((resolve) => (gates[text] = () => resolve([orderView({ id: `for-${text}` }), orderView({ id: `also-${text}` })]))),
    );
    const older = store.getState().searchOrders('old');
    const newer = store.getState().searchOrders('new');
    gates.new!();
    await newer;
    gates.old!();
    await older;
    expect(store.getState().search.results.map((o) => o.id)).toEqual(['for-new', 'also-new']);
    expect(store.getState().search.text).toBe('new');
  });

  it('keeps a failed search as a notice with the core’s code', async () => {
    api.handle('orders.search', () => Promise.reject(new FakeApiError('INTERNAL')));
    await store.getState().searchOrders('x');
    expect(store.getState().search.notice).toMatchObject({ kind: 'failed', action: 'search', code: 'INTERNAL' });
    expect(store.getState().search.searching).toBe(false);
  });

  it('does not reprint without a chosen order', async () => {
    api.handle('printing.reprint', () => job());
    await store.getState().reprintSelected();
    expect(api.callsTo('printing.reprint')).toHaveLength(0);
  });

  it('reports an UNKNOWN reprint as not surely printed', async () => {
    api.handle('orders.search', () => [orderView({ id: 'O-1' })]).handle('printing.reprint', () => job({ state: 'UNKNOWN', errorCode: null }));
    await store.getState().searchOrders('O-1');
    await store.getState().reprintSelected();
    expect(store.getState().search.notice).toMatchObject({ kind: 'failed', action: 'reprint', code: 'JOB_OUTCOME_UNKNOWN' });
  });

  it('refreshes the chosen order when the core says it changed', async () => {
    api.handle('orders.search', () => [orderView({ id: 'O-1' })]);
    await store.getState().searchOrders('O-1');
    api.handle('orders.get', ({ orderId }) => orderView({ id: orderId, status: 'CANCELLED', version: 2 }));
    store.getState().searchOnOrdersChanged(['O-1']);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().search.order?.status).toBe('CANCELLED');
  });
});
