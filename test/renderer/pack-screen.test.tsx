// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.js';
import { PackScreen } from '../../renderer/src/screens/PackScreen.js';
import { FakeApi } from './helpers/fake-api.js';
import { keydown, manualClock, typeBurst } from './helpers/keys.js';
import { job, line, orderView, verdict } from './helpers/orders.js';
import { recordingSounds, renderWithCore } from './helpers/render.js';

/** A scanner burst as the window sees it: keys back to back, then Enter. */
async function scanWithScanner(code: string) {
  await act(async () => {
    for (const ch of code) keydown(ch);
    keydown('Enter');
  });
}

async function press(key: string, o: { ctrlKey?: boolean } = {}) {
  await act(async () => {
    keydown(key, o);
  });
}

const openOrder = () =>
  orderView({
    id: 'O-100',
    lines: [
      line({ sellerSku: 'MUG-RED', qty: 2, packedQty: 1 }),
      line({ skuId: 'sku-tee', sellerSku: 'TEE-BLK-M', name: 'T-shirt', qty: 1, packedQty: 1, bin: 'B-02-01' }),
    ],
    unitsPacked: 2,
    unitsOrdered: 3,
  });

function renderPack(api = new FakeApi()) {
  const sounds = recordingSounds();
  return { ...renderWithCore(<PackScreen sounds={sounds} />, api), sounds };
}

afterEach(cleanup);

describe('PackScreen', () => {
  it('shows the open order line by line with packed / ordered counts and a check on finished lines', async () => {
    const api = new FakeApi().handle('packing.current', openOrder);
    renderPack(api);
    const mug = await screen.findByTestId('line-MUG-RED');
    expect(within(mug).getByText('1').className).toContain('line__packed');
    expect(within(mug).getByText('2').className).toContain('line__qty');
    expect(within(mug).queryByText('✔')).toBeNull();
    expect(within(mug).getByText('A-01-03')).toBeTruthy();
    const tee = screen.getByTestId('line-TEE-BLK-M');
    expect(within(tee).getByText('✔')).toBeTruthy();
    expect(within(tee).getByLabelText(en['pack.line.done'])).toBeTruthy();
    expect(screen.getByText('2 of 3 packed')).toBeTruthy();
    expect(screen.getByText('Order O-100')).toBeTruthy();
  });

  it('sends a scanner burst to the core and shows WRONG_ITEM in red with its catalogue text and the wrong-item sound', async () => {
    const api = new FakeApi()
      .handle('packing.current', openOrder)
      .handle('packing.scan', (input) => verdict({ scanId: input.scanId, code: 'WRONG_ITEM', ok: false, scannedCode: input.code, order: openOrder() }));
    const { sounds } = renderPack(api);
    await screen.findByTestId('line-MUG-RED');
    await scanWithScanner('6909999999999');
    const text = await screen.findByText(en['verdict.WRONG_ITEM']);
    expect(screen.getByTestId('verdict').className).toContain('verdict--error');
    expect(text).toBeTruthy();
    expect(api.callsTo('packing.scan')[0]).toMatchObject({ station: 'bench-3', packer: 'amy', code: '6909999999999' });
    expect(sounds.played).toEqual(['wrong']);
    expect(document.querySelector('.flash--error')).not.toBeNull();
  });

  it('says "Scan not read completely" with the wrong-item sound for a burst that stopped mid-code, and sends nothing', async () => {
    const api = new FakeApi().handle('packing.current', openOrder);
    const { sounds } = renderPack(api);
    await screen.findByTestId('line-MUG-RED');
    const clock = manualClock(performance.now());
    await act(async () => {
      typeBurst('690123', clock, { suffix: null });
      clock.advance(60);
      typeBurst('4567892', clock);
    });
    expect(screen.getByTestId('verdict').textContent).toContain(en['pack.scanIncomplete']);
    expect(screen.getByTestId('verdict').dataset.code).toBe('SCAN_INCOMPLETE');
    expect(screen.getByTestId('verdict').className).toContain('verdict--error');
    expect(sounds.played).toEqual(['wrong']);
    expect(api.callsTo('packing.scan')).toEqual([]);
  });

  it('marks verdict-painted after the verdict is on screen', async () => {
    const api = new FakeApi().handle('packing.scan', (input) =>
      verdict({ scanId: input.scanId, code: 'ORDER_OPENED', orderId: 'O-100', order: openOrder(), progress: { packed: 2, total: 3 } }),
    );
    renderPack(api);
    await scanWithScanner('O-100');
    await screen.findByText('Order O-100 — 3 items to pack');
    const scanId = api.callsTo('packing.scan')[0]!.scanId;
    await waitFor(() => {
      const marks = performance.getEntriesByName('verdict-painted', 'mark') as PerformanceMark[];
      expect(marks.some((m) => (m.detail as { scanId: string }).scanId === scanId)).toBe(true);
    });
  });

  it('blocks on a cancellation request until the packer acknowledges: no scans, no keys', async () => {
    let n = 0;
    const api = new FakeApi().handle('packing.current', openOrder).handle('packing.scan', (input) =>
      ++n === 1
        ? verdict({
            scanId: input.scanId,
            code: 'ORDER_CANCEL_REQUESTED',
            ok: false,
            orderId: 'C-7',
            order: orderView({ id: 'C-7', packRefusal: 'ORDER_CANCEL_REQUESTED' }),
          })
        : verdict({ scanId: input.scanId, code: 'ACCEPTED', order: openOrder() }),
    );
    const { sounds } = renderPack(api);
    await screen.findByTestId('line-MUG-RED');
    await scanWithScanner('C-7');
    const banner = await screen.findByRole('alertdialog');
    expect(within(banner).getByText(en['pack.banner.title.ORDER_CANCEL_REQUESTED'])).toBeTruthy();
    expect(within(banner).getByText(/Order C-7 has a cancellation request/)).toBeTruthy();

    await scanWithScanner('6901234567892');
    await press('F8');
    await press('F9');
    expect(api.callsTo('packing.scan')).toHaveLength(1);
    expect(api.callsTo('printing.reprint')).toHaveLength(0);
    expect(api.callsTo('packing.undo')).toHaveLength(0);
    expect(sounds.played).toEqual(['alert', 'alert']);

    fireEvent.click(within(banner).getByRole('button', { name: en['pack.banner.acknowledge'] }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await scanWithScanner('6901234567892');
    expect(api.callsTo('packing.scan')).toHaveLength(2);
  });

  it('undoes the last scan with F9 and with Ctrl+Z, and reprints with F8', async () => {
    const api = new FakeApi()
      .handle('packing.current', openOrder)
      .handle('packing.undo', () => ({ undoneScanId: 'x', order: openOrder() }))
      .handle('printing.reprint', () => job({ orderId: 'O-100', kind: 'REPRINT' }));
    renderPack(api);
    await screen.findByTestId('line-MUG-RED');
    await press('F9');
    await press('z', { ctrlKey: true });
    expect(api.callsTo('packing.undo')).toEqual([
      { station: 'bench-3', packer: 'amy' },
      { station: 'bench-3', packer: 'amy' },
    ]);
    await press('F8');
    expect(api.callsTo('printing.reprint')).toEqual([{ orderId: 'O-100', station: 'bench-3', packer: 'amy' }]);
    expect(await screen.findByText('Label sent to Zebra GK420d.')).toBeTruthy();
  });

  it('says why a reprint failed, in the catalogue’s words', async () => {
    const api = new FakeApi()
      .handle('packing.current', openOrder)
      .handle('printing.reprint', () => Promise.reject(Object.assign(new Error('x'), { code: 'PAPER_OUT' })));
    renderPack(api);
    await screen.findByTestId('line-MUG-RED');
    fireEvent.click(screen.getByRole('button', { name: /Reprint label/ }));
    const notice = await screen.findByTestId('pack-notice');
    expect(notice.textContent).toContain(en['notice.reprint.failed']);
    expect(notice.textContent).toContain(en['error.PAPER_OUT']);
  });

  it('short-packs with the chosen reason (F4 opens the dialog)', async () => {
    const api = new FakeApi()
      .handle('packing.current', openOrder)
      .handle('packing.shortPack', (input) => orderView({ id: input.orderId, shortPackReason: input.reason, packedAt: 1 }));
    renderPack(api);
    await screen.findByTestId('line-MUG-RED');
    await press('F4');
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('1 item still missing')).toBeTruthy();
    fireEvent.click(within(dialog).getByLabelText(en['pack.shortPack.reason.damaged']));
    fireEvent.click(within(dialog).getByRole('button', { name: en['pack.shortPack.confirm'] }));
    await waitFor(() => expect(api.callsTo('packing.shortPack')).toEqual([{ station: 'bench-3', packer: 'amy', orderId: 'O-100', reason: 'Item damaged' }]));
    expect(await screen.findByText('Short-packed: Item damaged')).toBeTruthy();
  });

  it('sends typed codes from the manual entry field, and the single-item switch goes with the scan', async () => {
    const api = new FakeApi().handle('packing.scan', (input) => verdict({ scanId: input.scanId, code: 'NO_OPEN_ORDER', ok: false }));
    renderPack(api);
    await press('F3');
    const field = screen.getByLabelText(/Type a code/);
    fireEvent.change(field, { target: { value: '６９０１' } });
    fireEvent.submit(field.closest('form')!);
    await screen.findByText(en['verdict.NO_OPEN_ORDER']);
    expect(api.callsTo('packing.scan')[0]).toMatchObject({ code: '6901', singleItemMode: true });
  });
});
