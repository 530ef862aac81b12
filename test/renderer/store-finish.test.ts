// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { FinishResult } from '../../core/api/views.js';
import { createPackdeskStore, SETTINGS_STORAGE_KEY, type PackdeskStore } from '../../renderer/src/store/index.js';
import { FakeApi, FakeApiError, memoryStorage } from './helpers/fake-api.js';
import { job, orderView, verdict } from './helpers/orders.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

function finished(over: Partial<FinishResult> = {}): FinishResult {
  return {
    orderId: 'O-1',
    label: { outcome: 'PRINTED', job: job({ orderId: 'O-1', printerName: 'Zebra' }), error: null },
    shipment: { outcome: 'ARRANGED', error: null },
    order: orderView({ id: 'O-1', packedAt: 5, version: 9 }),
    ...over,
  };
}

const PREVIEW = { png: 'iVBORw0KGgo=', widthDots: 800, heightDots: 1200, printer: 'Zebra', source: 'PACKDESK' as const };

describe('packing store: finishing an order, reprints, slips and a busy database', () => {
  let api: FakeApi;
  let store: PackdeskStore;

  beforeEach(() => {
    api = new FakeApi();
    store = createPackdeskStore(api, { storage: memoryStorage() });
    store.getState().updateSettings({ station: 'bench-3', packer: 'amy', language: 'en' });
  });

  const complete = () =>
    api.handle('packing.scan', (input) =>
      verdict({ scanId: input.scanId, code: 'ORDER_COMPLETE', orderId: 'O-1', order: orderView({ id: 'O-1', packedAt: 5, version: 8 }) }),
    );

  it('asks the core to finish the order (packing.finish) and neither prints nor arranges itself; then shows its label', async () => {
    complete();
    api.handle('packing.finish', () => finished());
    api.handle('printing.preview', () => PREVIEW);
    await store.getState().scan({ scanId: 's', code: 'x' });
    await flush();
    await flush();
    expect(api.calls.map((c) => c.method)).toEqual(['packing.scan', 'packing.finish', 'printing.preview']);
    expect(api.callsTo('packing.finish')).toEqual([{ station: 'bench-3', packer: 'amy', orderId: 'O-1' }]);
    expect(api.callsTo('printing.preview')).toEqual([{ orderId: 'O-1', station: 'bench-3' }]);
    const { packing } = store.getState();
    expect(packing.notice).toMatchObject({
      kind: 'finished',
      action: 'finish',
      orderId: 'O-1',
      finish: { label: 'PRINTED', printer: 'Zebra', shipment: 'ARRANGED', labelError: null },
    });
    expect(packing.order?.version).toBe(9);
    expect(packing.label).toEqual({ orderId: 'O-1', png: PREVIEW.png, widthDots: 800, heightDots: 1200 });
  });

  it('says a label cut off mid-send may have printed in part, and that shipment waited for it', async () => {
    complete();
    const cut = job({ orderId: 'O-1', state: 'UNKNOWN', mayHavePrintedPartly: true, errorCode: 'PRINTER_OFFLINE' });
    api.handle('packing.finish', () =>
      finished({
        label: { outcome: 'FAILED', job: cut, error: { code: 'PRINTER_OFFLINE', message: 'gone' } },
        shipment: { outcome: 'SKIPPED_NO_LABEL', error: null },
      }),
    );
    api.handle('printing.preview', () => PREVIEW);
    await store.getState().scan({ scanId: 's', code: 'x' });
    await flush();
    expect(store.getState().packing.notice).toMatchObject({
      kind: 'finished',
      finish: { label: 'FAILED', labelError: 'PRINTER_OFFLINE', partial: true, shipment: 'SKIPPED_NO_LABEL' },
    });
  });

  it('says nothing when the shop neither prints nor ships on completion, and finishes nothing on a replayed verdict', async () => {
    api.handle('packing.scan', (input) => verdict({ scanId: input.scanId, code: 'ORDER_COMPLETE', orderId: 'O-1', replayed: true }));
    await store.getState().scan({ scanId: 'r', code: 'x' });
    expect(api.callsTo('packing.finish')).toEqual([]);
    complete();
    api.handle('packing.finish', () => finished({ label: { outcome: 'NOT_ASKED', job: null, error: null }, shipment: { outcome: 'NOT_ASKED', error: null } }));
    api.handle('printing.preview', () => PREVIEW);
    await store.getState().scan({ scanId: 's', code: 'x' });
    await flush();
    expect(api.callsTo('packing.finish')).toHaveLength(1);
    expect(store.getState().packing.notice).toBeNull();
  });

  it('keeps the next order on the bench when the last one finishes after it was opened', async () => {
    complete();
    let answer!: (r: FinishResult) => void;
    api.handle('packing.finish', () => new Promise<FinishResult>((r) => (answer = r)));
    api.handle('printing.preview', () => PREVIEW);
    await store.getState().scan({ scanId: 's', code: 'x' });
    api.handle('packing.scan', (input) => verdict({ scanId: input.scanId, code: 'ORDER_OPENED', orderId: 'O-2', order: orderView({ id: 'O-2' }) }));
    await store.getState().scan({ scanId: 't', code: 'O-2' });
    answer(finished());
    await flush();
    await flush();
    expect(store.getState().packing.order?.id).toBe('O-2');
    expect(store.getState().packing.label).toBeNull();
  });

  it('resends a scan quietly, with the same scan id, while another program keeps the database busy', async () => {
    let busy = 2;
    api.handle('packing.scan', (input) => (busy-- > 0 ? Promise.reject(new FakeApiError('DATABASE_BUSY')) : verdict({ scanId: input.scanId })));
    await store.getState().scan({ scanId: 'b-1', code: '6901234567892' });
    expect(api.callsTo('packing.scan').map((c) => c.scanId)).toEqual(['b-1', 'b-1', 'b-1']);
    expect(store.getState().packing.notice).toBeNull();
    expect(store.getState().packing.lastVerdict?.scanId).toBe('b-1');
  });

  it('says DATABASE_BUSY once the quiet resends are spent, and keeps no scan to send again', async () => {
    api.handle('packing.scan', () => Promise.reject(new FakeApiError('DATABASE_BUSY')));
    await store.getState().scan({ scanId: 'b-2', code: 'x' });
    expect(api.callsTo('packing.scan')).toHaveLength(3);
    expect(store.getState().packing.notice).toMatchObject({ kind: 'failed', action: 'scan', code: 'DATABASE_BUSY' });
    expect(store.getState().packing.kept).toEqual([]);
  });

  it('reprints (F8) and prints the slip of an order scanned after it was packed, not the open one, which stays', async () => {
    api.handle('packing.current', () => orderView({ id: 'OPEN-1' }));
    await store.getState().loadCurrentOrder();
    const packed = orderView({ id: 'DONE-2', packedAt: 5, packedBy: 'li' });
    api.handle('packing.scan', (input) =>
      verdict({ scanId: input.scanId, code: 'ORDER_ALREADY_PACKED', ok: false, orderId: 'DONE-2', packedAt: 5, packedBy: 'li', order: packed }),
    );
    await store.getState().scan({ scanId: 's', code: 'DONE-2' });
    expect(store.getState().packing.order?.id).toBe('OPEN-1');
    api.handle('printing.reprint', (input) => job({ orderId: input.orderId, kind: 'REPRINT' }));
    api.handle('printing.packingSlip', (input) => job({ orderId: input.orderId, document: 'PICK_LIST', printerName: 'Receipt 80' }));
    await store.getState().reprintLabel();
    expect(api.callsTo('printing.reprint')).toEqual([{ orderId: 'DONE-2', station: 'bench-3', packer: 'amy' }]);
    await store.getState().printPackingSlip();
    expect(api.callsTo('printing.packingSlip')).toEqual([{ orderId: 'DONE-2', station: 'bench-3', packer: 'amy' }]);
    expect(store.getState().packing.notice).toMatchObject({ kind: 'done', action: 'packingSlip', printer: 'Receipt 80' });
    expect(store.getState().packing.order?.id).toBe('OPEN-1');
  });

  it('says a reprint that was cut off may have printed in part', async () => {
    api.handle('packing.current', () => orderView({ id: 'OPEN-1' }));
    await store.getState().loadCurrentOrder();
    api.handle('printing.reprint', () => job({ state: 'UNKNOWN', mayHavePrintedPartly: true, errorCode: 'PRINTER_OFFLINE' }));
    await store.getState().reprintLabel();
    expect(store.getState().packing.notice).toMatchObject({ kind: 'failed', action: 'reprint', code: 'PRINTER_OFFLINE', partial: true });
  });

  it('opens the A4 packing slip page the core makes, and closes it', async () => {
    api.handle('printing.packingSlipPage', (input) => ({ orderId: input.orderId, html: `<p>${input.orderId}</p>` }));
    await store.getState().openSlipPage('O-7');
    expect(api.callsTo('printing.packingSlipPage')).toEqual([{ orderId: 'O-7', station: 'bench-3' }]);
    expect(store.getState().slipPage).toEqual({ orderId: 'O-7', html: '<p>O-7</p>', error: null });
    store.getState().closeSlipPage();
    expect(store.getState().slipPage.orderId).toBeNull();
  });

  it('drops the old per-bench print and ship switches a browser may still have saved: they are the shop’s now', () => {
    const storage = memoryStorage();
    storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ state: { settings: { station: 'b', autoPrint: false, autoShip: true } }, version: 1 }));
    const again = createPackdeskStore(api, { storage });
    expect(again.getState().settings).not.toHaveProperty('autoShip');
    expect(again.getState().settings).not.toHaveProperty('autoPrint');
    expect(again.getState().settings.station).toBe('b');
  });
});
