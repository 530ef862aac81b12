// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PickList } from '../../core/domain/picklist.js';
import { QueueScreen } from '../../renderer/src/screens/QueueScreen.js';
import { FakeApi } from './helpers/fake-api.js';
import { queueRows, serveQueue } from './helpers/queue-rows.js';
import { renderWithCore } from './helpers/render.js';

/** The filters and batch options fold away behind one button; open them. */
function openFilters() {
  const toggle = screen.getByTestId('filters-toggle');
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wave1: PickList = {
  orderIds: ['O-00000', 'O-00001'],
  totalUnits: 4,
  sections: [
    {
      kind: 'SINGLE_ITEM',
      rows: [
        {
          skuId: 's1',
          sellerSku: 'MUG-RED',
          name: 'Ceramic mug',
          variation: 'Red',
          bin: 'A-01-03',
          quantity: 1,
          orders: [{ orderId: 'O-00000', quantity: 1 }],
        },
      ],
    },
    {
      kind: 'MULTI_ITEM',
      rows: [
        {
          skuId: 's2',
          sellerSku: 'TEE-BLK-M',
          name: 'T-shirt',
          variation: 'Black / M',
          bin: 'B-02-01',
          quantity: 2,
          orders: [{ orderId: 'O-00001', quantity: 2 }],
        },
        { skuId: 's3', sellerSku: 'CAP-NEW', name: 'Cap', variation: '', bin: null, quantity: 1, orders: [{ orderId: 'O-00001', quantity: 1 }] },
      ],
    },
  ],
};
const wave2: PickList = {
  orderIds: ['O-00002'],
  totalUnits: 1,
  sections: [
    { kind: 'SINGLE_ITEM', rows: [] },
    {
      kind: 'MULTI_ITEM',
      rows: [
        {
          skuId: 's1',
          sellerSku: 'MUG-RED',
          name: 'Ceramic mug',
          variation: 'Red',
          bin: 'A-01-03',
          quantity: 1,
          orders: [{ orderId: 'O-00002', quantity: 1 }],
        },
      ],
    },
  ],
};

describe('A4 pick list', () => {
  it('builds the pick list of the selection in waves, one printable section per wave, with bins, and opens the print dialog', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const api = serveQueue(new FakeApi(), queueRows(5)).handle('picklist.build', () => ({ waves: [wave1, wave2] }));
    renderWithCore(<QueueScreen />, api);
    await screen.findAllByTestId('queue-row');
    fireEvent.click(screen.getByTestId('action-select-all'));
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('5 selected'));
    openFilters();
    fireEvent.click(screen.getByTestId('option-single-first'));
    fireEvent.click(screen.getByTestId('action-print-a4'));

    const printout = await screen.findByTestId('picklist-print');
    expect(api.callsTo('picklist.build')[0]).toEqual({
      orderIds: ['O-00000', 'O-00001', 'O-00002', 'O-00003', 'O-00004'],
      singleItemFirst: true,
      waveSize: 50,
    });
    // Outside the app's root, so the print stylesheet can hide the app and keep this.
    expect(printout.parentElement).toBe(document.body);
    expect(document.body.classList.contains('picklist-open')).toBe(true);

    const waves = within(printout).getAllByTestId('picklist-wave');
    expect(waves).toHaveLength(2);
    expect(within(waves[0]!).getByRole('heading', { name: 'Pick list — wave 1 of 2' })).toBeTruthy();
    expect(within(waves[0]!).getByText(/2 orders · 4 items/)).toBeTruthy();
    const sections = within(waves[0]!).getAllByTestId('picklist-section');
    expect(sections.map((s) => s.dataset.kind)).toEqual(['SINGLE_ITEM', 'MULTI_ITEM']);
    expect(within(sections[1]!).getByText('Orders with several items')).toBeTruthy();
    const rows = within(waves[0]!)
      .getAllByTestId('picklist-row')
      .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['☐', 'A-01-03', '1', 'MUG-RED', 'Ceramic mug', 'Red', 'O-00000'],
      ['☐', 'B-02-01', '2', 'TEE-BLK-M', 'T-shirt', 'Black / M', 'O-00001 ×2'],
      ['☐', 'No bin', '1', 'CAP-NEW', 'Cap', '', 'O-00001'],
    ]);
    // An empty section prints no empty table.
    expect(
      within(waves[1]!)
        .getAllByTestId('picklist-section')
        .map((s) => s.dataset.kind),
    ).toEqual(['MULTI_ITEM']);
    expect(within(waves[1]!).getByText('A-01-03')).toBeTruthy();

    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('batch-result').textContent).toContain('2 waves');

    fireEvent.click(screen.getByTestId('picklist-close'));
    expect(screen.queryByTestId('picklist-print')).toBeNull();
    expect(document.body.classList.contains('picklist-open')).toBe(false);
  });
});
