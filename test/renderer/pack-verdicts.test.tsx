// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FinishResult } from '../../core/api/views.js';
import { verdictMessage } from '../../renderer/src/feedback/verdict.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { shopTime } from '../../renderer/src/i18n/shop-time.js';
import { PackScreen } from '../../renderer/src/screens/PackScreen.js';
import { FakeApi } from './helpers/fake-api.js';
import { keydown } from './helpers/keys.js';
import { job, line, orderView, verdict } from './helpers/orders.js';
import { recordingSounds, renderWithCore, shopSettings } from './helpers/render.js';

afterEach(cleanup);

async function scan(code: string) {
  await act(async () => {
    for (const ch of code) keydown(ch);
    keydown('Enter');
  });
}

/** 10:25 in the shop's time zone (UTC+8) on 3 Dec 2026: 02:25 UTC. */
const PACKED_AT = Date.UTC(2026, 11, 3, 2, 25);
const open = () => orderView({ id: 'OPEN-1', lines: [line({ sellerSku: 'MUG-RED', qty: 2, packedQty: 1 })], unitsPacked: 1, unitsOrdered: 2 });

describe('pack screen verdicts that name things', () => {
  it('says when and by whom a scanned order was packed, on the shop’s clock, amber, and F8 reprints that order', async () => {
    const packed = orderView({ id: 'DONE-2', packedAt: PACKED_AT, packedBy: 'Li' });
    const api = new FakeApi()
      .handle('settings.get', () => shopSettings({ timeZoneOffsetMinutes: 480 }))
      .handle('packing.current', open)
      .handle('packing.scan', (input) =>
        verdict({ scanId: input.scanId, code: 'ORDER_ALREADY_PACKED', ok: false, orderId: 'DONE-2', packedAt: PACKED_AT, packedBy: 'Li', order: packed }),
      )
      .handle('printing.reprint', (input) => job({ orderId: input.orderId, kind: 'REPRINT' }));
    const sounds = recordingSounds();
    renderWithCore(<PackScreen sounds={sounds} />, api);
    await screen.findByTestId('line-MUG-RED');
    await waitFor(() => expect(api.callsTo('settings.get')).toHaveLength(1));
    await scan('DONE-2');
    const verdictBox = await screen.findByTestId('verdict');
    const time = shopTime(PACKED_AT, 480, 'en');
    expect(time).toMatch(/10:25$/);
    await waitFor(() => expect(verdictBox.textContent).toContain(`Already packed at ${time} by Li — F8 reprints`));
    expect(verdictBox.className).toContain('verdict--info');
    expect(sounds.played).toEqual(['alert']);
    // Not reopened: the order on the bench is the one that was open.
    expect(screen.getByTestId('pack-order').dataset.orderId).toBe('OPEN-1');
    await act(async () => keydown('F8'));
    expect(api.callsTo('printing.reprint')).toEqual([{ orderId: 'DONE-2', station: 'bench-3', packer: 'amy' }]);
  });

  it('shows the shop’s day too when the order was packed on another day, in Chinese', () => {
    const v = verdict({ code: 'ORDER_ALREADY_PACKED', ok: false, orderId: 'D', packedAt: PACKED_AT, packedBy: null });
    const next = PACKED_AT + 26 * 3600_000;
    const { key, vars } = verdictMessage(v, { language: 'zh-CN', timeZoneOffsetMinutes: 480, now: next });
    const text = translate('zh-CN', key, vars);
    expect(text).toContain('10:25');
    expect(text).toContain('12月3日');
    expect(text).toContain('按 F8 补打面单');
    expect(text).not.toContain('{packer}');
  });

  it('names the wrong item by its SKU and name, and the over-scanned line by its SKU', async () => {
    let n = 0;
    const api = new FakeApi().handle('packing.current', open).handle('packing.scan', (input) =>
      ++n === 1
        ? verdict({
            scanId: input.scanId,
            code: 'WRONG_ITEM',
            ok: false,
            scannedCode: '4006381333931',
            scannedItem: { sellerSku: 'KB-RED-M', name: 'Red hoodie M' },
            order: open(),
          })
        : verdict({
            scanId: input.scanId,
            code: 'OVER_SCAN',
            ok: false,
            scannedCode: '6901234567892',
            line: { sellerSku: 'MUG-RED', name: 'Ceramic mug', packedQty: 2, qty: 2 },
            order: open(),
          }),
    );
    renderWithCore(<PackScreen sounds={recordingSounds()} />, api);
    await screen.findByTestId('line-MUG-RED');
    await scan('4006381333931');
    await waitFor(() => expect(screen.getByTestId('verdict').textContent).toContain('Wrong item: KB-RED-M Red hoodie M — not in this order, put it back.'));
    await scan('6901234567892');
    await waitFor(() =>
      expect(screen.getByTestId('verdict').textContent).toContain('One too many: MUG-RED Ceramic mug is already fully packed — put it back.'),
    );
  });

  it('after "complete": the label thumbnail, "Scan the next order", and what came of label and shipment', async () => {
    const done = orderView({ id: 'O-1', lines: [line({ qty: 1, packedQty: 1 })], unitsPacked: 1, unitsOrdered: 1, packedAt: 5 });
    const result: FinishResult = {
      orderId: 'O-1',
      label: { outcome: 'PRINTED', job: job({ orderId: 'O-1', printerName: 'Zebra' }), error: null },
      shipment: { outcome: 'FAILED', error: { code: 'PLATFORM_UNREACHABLE', message: 'down' } },
      order: done,
    };
    const api = new FakeApi()
      .handle('packing.scan', (input) => verdict({ scanId: input.scanId, code: 'ORDER_COMPLETE', orderId: 'O-1', order: done }))
      .handle('packing.finish', () => result)
      .handle('printing.preview', () => ({ png: 'iVBORw0KGgo=', widthDots: 800, heightDots: 1200, printer: 'Zebra', source: 'PACKDESK' }));
    renderWithCore(<PackScreen sounds={recordingSounds()} />, api);
    await scan('6901234567892');
    const card = await screen.findByTestId('done-card');
    expect(card.textContent).toContain('Scan the next order');
    const img = (await screen.findByTestId('done-label')) as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(img.getAttribute('alt')).toBe('Label of order O-1');
    const notice = screen.getByTestId('pack-notice');
    expect(notice.dataset).toMatchObject({ action: 'finish', kind: 'failed', label: 'PRINTED', shipment: 'FAILED' });
    expect(notice.textContent).toContain('Label sent to Zebra.');
    expect(notice.textContent).toContain('Shipment was not arranged.');
    expect(notice.textContent).toContain('TikTok Shop cannot be reached');
    expect(screen.queryByTestId('next-card')).toBeNull();
  });

  it('says in Chinese that a label cut off mid-send may have come out in part', async () => {
    const done = orderView({ id: 'O-1', packedAt: 5 });
    const cut = job({ orderId: 'O-1', state: 'UNKNOWN', mayHavePrintedPartly: true, errorCode: 'PRINTER_OFFLINE' });
    const api = new FakeApi()
      .handle('packing.scan', (input) => verdict({ scanId: input.scanId, code: 'ORDER_COMPLETE', orderId: 'O-1', order: done }))
      .handle('packing.finish', () => ({
        orderId: 'O-1',
        label: { outcome: 'FAILED', job: cut, error: { code: 'PRINTER_OFFLINE', message: 'x' } },
        shipment: { outcome: 'SKIPPED_NO_LABEL', error: null },
        order: done,
      }))
      .handle('printing.preview', () => ({ png: 'iVBORw0KGgo=', widthDots: 800, heightDots: 1200, printer: 'Zebra', source: 'PACKDESK' }));
    const { store } = renderWithCore(<PackScreen sounds={recordingSounds()} />, api);
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    await scan('6901234567892');
    const notice = await screen.findByTestId('pack-notice');
    expect(notice.textContent).toContain('这张面单可能只打印了一部分。请查看打印机，丢掉不完整的面单，然后重新打印。');
    expect(notice.textContent).toContain('面单未打印，因此未安排发货');
    expect(notice.getAttribute('role')).toBe('alert');
  });

  it('prints the packing slip and opens the A4 one for the order on the bench', async () => {
    const api = new FakeApi()
      .handle('packing.current', open)
      .handle('printing.packingSlip', (input) => job({ orderId: input.orderId, printerName: 'Receipt 80', document: 'PICK_LIST' }))
      .handle('printing.packingSlipPage', (input) => ({ orderId: input.orderId, html: '<p>slip</p>' }));
    const { store } = renderWithCore(<PackScreen sounds={recordingSounds()} />, api);
    await screen.findByTestId('line-MUG-RED');
    fireEvent.click(screen.getByTestId('pack-slip'));
    await waitFor(() => expect(screen.getByTestId('pack-notice').textContent).toContain('Packing slip sent to Receipt 80.'));
    fireEvent.click(screen.getByTestId('pack-slip-page'));
    await waitFor(() => expect(store.getState().slipPage).toEqual({ orderId: 'OPEN-1', html: '<p>slip</p>', error: null }));
    expect(api.callsTo('printing.packingSlip')).toEqual([{ orderId: 'OPEN-1', station: 'bench-3', packer: 'amy' }]);
  });
});
