// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderView, PackageView } from '../../core/api/views.js';
import { PackScreen } from '../../renderer/src/screens/PackScreen.js';
import { benchPackageId } from '../../renderer/src/store/packing.js';
import { FakeApi } from './helpers/fake-api.js';
import { keydown } from './helpers/keys.js';
import { job, orderView, verdict } from './helpers/orders.js';
import { recordingSounds, renderWithCore } from './helpers/render.js';

function pkg(over: Partial<PackageView> = {}): PackageView {
  return {
    id: 'PKG-A',
    origin: 'PLATFORM',
    seq: 1,
    of: 2,
    status: 'PROCESSING',
    trackingNumber: 'TRK-AAA-1',
    carrier: 'TikTok Shipping',
    shippingType: 'TIKTOK',
    shippedAt: null,
    label: null,
    orderIds: ['O-SPLIT'],
    unitsPacked: 0,
    unitsTotal: 2,
    ...over,
  };
}

/** A split order (2 units in package A, 1 in B) with `packed` units in. */
function split(packed: number, over: Partial<OrderView> = {}): OrderView {
  return orderView({
    id: 'O-SPLIT',
    unitsPacked: packed,
    unitsOrdered: 3,
    packages: [
      pkg({ unitsPacked: Math.min(packed, 2) }),
      pkg({ id: 'PKG-B', seq: 2, trackingNumber: 'TRK-BBB-2', unitsPacked: Math.max(0, packed - 2), unitsTotal: 1 }),
    ],
    ...over,
  });
}

function renderPack(api: FakeApi) {
  return renderWithCore(<PackScreen sounds={recordingSounds()} />, api);
}

afterEach(cleanup);

describe('the package on the bench', () => {
  it('is the last package with something in it, else the first; none for an order in one package of its own', () => {
    expect(benchPackageId(split(0))).toBe('PKG-A');
    expect(benchPackageId(split(2))).toBe('PKG-A');
    expect(benchPackageId(split(3))).toBe('PKG-B');
    expect(benchPackageId(orderView({ packages: [pkg({ of: 1, unitsPacked: 1 })] }))).toBeUndefined();
    expect(benchPackageId(orderView({ packages: [pkg({ of: 1, orderIds: ['O-1', 'O-2'] })] }))).toBe('PKG-A');
    expect(benchPackageId(orderView({ packages: undefined }))).toBeUndefined();
  });

  it('Pack says "Package 1 of 2" with its id and tracking number, and when it is full that F8 prints its label', async () => {
    const api = new FakeApi().handle('packing.current', () => split(2));
    api.handle('printing.reprint', (input) => job({ orderId: input.orderId, printerName: 'Zebra' }));
    renderPack(api);
    const line = await screen.findByTestId('pack-package');
    expect(line.getAttribute('data-package-id')).toBe('PKG-A');
    expect(line.textContent).toContain('Package 1 of 2');
    expect(line.textContent).toContain('Package PKG-A');
    expect(line.textContent).toContain('Tracking TRK-AAA-1');
    expect(screen.getByTestId('pack-package-full').textContent).toBe('Package 1 of 2 is full: F8 prints its label, then start package 2.');
    await act(async () => {
      keydown('F8');
    });
    await waitFor(() => expect(api.callsTo('printing.reprint')).toEqual([{ orderId: 'O-SPLIT', packageId: 'PKG-A', station: 'bench-3', packer: 'amy' }]));
  });

  it('in Chinese too', async () => {
    const api = new FakeApi().handle('packing.current', () => split(1));
    const { store } = renderPack(api);
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    const line = await screen.findByTestId('pack-package');
    await waitFor(() => expect(line.textContent).toContain('第 1 个包裹，共 2 个'));
    expect(line.textContent).toContain('运单号 TRK-AAA-1');
    expect(screen.queryByTestId('pack-package-full')).toBeNull();
  });

  it('names the orders a combined package holds', async () => {
    const combined = orderView({ id: 'O-1', packages: [pkg({ of: 1, orderIds: ['O-1', 'O-2'], unitsTotal: 3 })] });
    renderPack(new FakeApi().handle('packing.current', () => combined));
    expect((await screen.findByTestId('pack-package-combined')).textContent).toBe('Combined package — one parcel for orders O-1, O-2');
    expect(screen.getByTestId('pack-package').textContent).not.toContain('of 1');
  });

  it('says nothing of packages for an order in one package of its own', async () => {
    renderPack(new FakeApi().handle('packing.current', () => orderView({ id: 'O-1', packages: [pkg({ of: 1 })] })));
    await screen.findByTestId('pack-order');
    expect(screen.queryByTestId('pack-package')).toBeNull();
  });

  it("finishes a split order with the last package's id, and draws that package's label for the thumbnail", async () => {
    const api = new FakeApi();
    api.handle('packing.scan', (input) => verdict({ scanId: input.scanId, code: 'ORDER_COMPLETE', orderId: 'O-SPLIT', order: split(3, { packedAt: 5 }) }));
    api.handle('packing.finish', () => ({
      orderId: 'O-SPLIT',
      label: { outcome: 'PRINTED', job: job({ orderId: 'O-SPLIT' }), error: null },
      shipment: { outcome: 'NOT_ASKED', error: null },
      order: split(3, { packedAt: 5, version: 9 }),
    }));
    api.handle('printing.preview', () => ({ png: 'iVBORw0KGgo=', widthDots: 8, heightDots: 8, printer: 'Zebra', source: 'PLATFORM' as const }));
    const { store } = renderPack(api);
    await act(() => store.getState().scan({ scanId: 's1', code: 'MUG' }));
    await waitFor(() => expect(store.getState().packing.label?.packageId).toBe('PKG-B'));
    expect(api.callsTo('packing.finish')).toEqual([{ station: 'bench-3', packer: 'amy', orderId: 'O-SPLIT', packageId: 'PKG-B' }]);
    expect(api.callsTo('printing.preview')).toEqual([{ orderId: 'O-SPLIT', packageId: 'PKG-B', station: 'bench-3' }]);
  });
});
