// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { QueueScreen } from '../../renderer/src/screens/QueueScreen.js';
import { FakeApi } from './helpers/fake-api.js';
import { HOUR, queueRow, queueRows, serveQueue } from './helpers/queue-rows.js';
import { renderWithCore } from './helpers/render.js';

/** The filters and batch options fold away behind one button; open them. */
function openFilters() {
  const toggle = screen.getByTestId('filters-toggle');
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
}

afterEach(cleanup);

const rowOf = (orderId: string) => document.querySelector<HTMLElement>(`[data-testid="queue-row"][data-order-id="${orderId}"]`)!;
const selectedIds = () =>
  screen
    .getAllByTestId('queue-row')
    .filter((r) => r.getAttribute('aria-selected') === 'true')
    .map((r) => r.dataset.orderId);

async function renderQueue(api: FakeApi) {
  const result = renderWithCore(<QueueScreen />, api);
  await screen.findAllByTestId('queue-row');
  return result;
}

describe('QueueScreen', () => {
  it('lists the core’s rows with a live countdown, red when overdue and amber under 6 hours', async () => {
    const now = Date.now();
    const api = serveQueue(new FakeApi(), [
      queueRow(1, { nextDeadline: { kind: 'SHIP_BY', at: now - 90 * 60_000, fromPlatform: true }, urgency: 'OVERDUE' }),
      queueRow(2, {
        nextDeadline: { kind: 'SHIP_BY', at: now + 2 * HOUR + 30_000, fromPlatform: false },
        urgency: 'UNDER_6H',
        cancelRequestedAt: now,
        packRefusal: 'ORDER_CANCEL_REQUESTED',
      }),
      queueRow(3, {
        nextDeadline: { kind: 'ANSWER_CANCELLATION', at: now + 73 * HOUR + 30_000, fromPlatform: false },
        urgency: 'LATER',
        singleItem: false,
        unitsOrdered: 3,
      }),
    ]);
    await renderQueue(api);
    expect(api.callsTo('orders.queue')[0]).toEqual({ limit: 200, offset: 0 });

    const overdue = rowOf('O-00001');
    expect(overdue.className).toContain('is-overdue');
    expect(within(overdue).getByText('Overdue 1 h 30 min')).toBeTruthy();
    expect(within(overdue).getByTestId('queue-countdown').className).toContain('is-overdue');

    const soon = rowOf('O-00002');
    expect(soon.className).toContain('is-under-6h');
    expect(within(soon).getByText('2 h 00 min left')).toBeTruthy();
    expect(within(soon).getByText('Cancel requested')).toBeTruthy();

    const later = rowOf('O-00003');
    expect(later.className).not.toMatch(/is-overdue|is-under-6h/);
    expect(within(later).getByText('3 d 1 h left')).toBeTruthy();
    expect(within(later).getByText('Answer the cancellation')).toBeTruthy();
    expect(within(later).getByText('3 items')).toBeTruthy();
    expect(screen.getByText('3 orders to ship')).toBeTruthy();
  });

  it('turns a row red once its deadline passes while on screen, on the shared one-second tick', async () => {
    const api = serveQueue(new FakeApi(), [
      queueRow(1, { nextDeadline: { kind: 'SHIP_BY', at: Date.now() + 1200, fromPlatform: false }, urgency: 'UNDER_6H' }),
    ]);
    await renderQueue(api);
    expect(rowOf('O-00001').className).toContain('is-under-6h');
    await waitFor(() => expect(rowOf('O-00001').className).toContain('is-overdue'), { timeout: 3000 });
    expect(within(rowOf('O-00001')).getByText(/^Overdue 0 min \d\d s$/)).toBeTruthy();
  });

  it('asks the core again with the right filters when a filter changes, and marks the filter for the benchmark', async () => {
    const rows = [
      queueRow(1, { carrier: 'J&T' }),
      queueRow(2, { carrier: 'TikTok Shipping', singleItem: false, cancelRequestedAt: 1 }),
      queueRow(3, {
        carrier: 'TikTok Shipping',
        lines: [{ sellerSku: 'TEE-BLK-M', name: 'T-shirt', variation: 'Black', qty: 1, packedQty: 0, bin: 'B-02-01' }],
      }),
    ];
    const api = serveQueue(new FakeApi(), rows);
    await renderQueue(api);
    const last = () => api.callsTo('orders.queue').at(-1);
    performance.clearMarks();

    openFilters();
    fireEvent.change(screen.getByTestId('filter-single'), { target: { value: 'single' } });
    await waitFor(() => expect(last()).toEqual({ singleItem: true, limit: 200, offset: 0 }));
    await waitFor(() => expect(rowOf('O-00002')).toBeNull());

    fireEvent.change(screen.getByTestId('filter-cancel'), { target: { value: 'no' } });
    await waitFor(() => expect(last()).toEqual({ singleItem: true, cancelRequested: false, limit: 200, offset: 0 }));

    fireEvent.change(screen.getByTestId('filter-sku'), { target: { value: ' TEE-BLK-M ' } });
    fireEvent.keyDown(screen.getByTestId('filter-sku'), { key: 'Enter' });
    await waitFor(() => expect(last()).toEqual({ singleItem: true, cancelRequested: false, sku: 'TEE-BLK-M', limit: 200, offset: 0 }));
    await waitFor(() => expect(screen.getAllByTestId('queue-row').map((r) => r.dataset.orderId)).toEqual(['O-00003']));

    fireEvent.change(screen.getByTestId('filter-bin'), { target: { value: 'B-02-01' } });
    fireEvent.change(screen.getByTestId('filter-carrier'), { target: { value: 'TikTok Shipping' } });
    // Typing waits for a pause before asking the core.
    await waitFor(() => expect(last()).toMatchObject({ bin: 'B-02-01', carrier: 'TikTok Shipping' }));
    expect(last()).toEqual({ singleItem: true, cancelRequested: false, sku: 'TEE-BLK-M', bin: 'B-02-01', carrier: 'TikTok Shipping', limit: 200, offset: 0 });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(last()).toEqual({ limit: 200, offset: 0 }));
    await waitFor(() => expect(performance.getEntriesByName('queue-filter-painted', 'mark').length).toBeGreaterThan(0));
    expect(performance.getEntriesByName('queue-filter-start', 'mark').length).toBeGreaterThanOrEqual(5);
  });

  it('selects with a click, a range with shift-click (which can shrink again), and clears the selection on a new filter', async () => {
    const api = serveQueue(new FakeApi(), queueRows(20));
    await renderQueue(api);
    fireEvent.click(rowOf('O-00002'));
    fireEvent.click(rowOf('O-00005'), { shiftKey: true });
    await waitFor(() => expect(selectedIds()).toEqual(['O-00002', 'O-00003', 'O-00004', 'O-00005']));
    expect(screen.getByTestId('selection-count').textContent).toBe('4 selected');

    fireEvent.click(rowOf('O-00003'), { shiftKey: true });
    await waitFor(() => expect(selectedIds()).toEqual(['O-00002', 'O-00003']));

    fireEvent.click(rowOf('O-00010'));
    fireEvent.click(rowOf('O-00002'));
    expect(selectedIds()).toEqual(['O-00003', 'O-00010']);

    openFilters();
    fireEvent.change(screen.getByTestId('filter-single'), { target: { value: 'single' } });
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('0 selected'));
  });

  it('opens an order in Pack with a double-click, or with Enter on the active row', async () => {
    const api = serveQueue(new FakeApi(), queueRows(10));
    const opened: string[] = [];
    renderWithCore(<QueueScreen onOpenOrder={(id) => opened.push(id)} />, api);
    await screen.findAllByTestId('queue-row');
    fireEvent.doubleClick(rowOf('O-00004'));
    const list = screen.getByTestId('queue-list');
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(opened).toEqual(['O-00004', 'O-00001']);
  });

  it('opens the order on the Pack screen from the app, as scanning its id would', async () => {
    const api = serveQueue(new FakeApi(), queueRows(5)).handle('packing.scan', (input) => {
      throw Object.assign(new Error('not in this test'), { code: 'NO_OPEN_ORDER', input });
    });
    renderWithCore(<App initialScreen="queue" />, api);
    await screen.findAllByTestId('queue-row');
    fireEvent.doubleClick(rowOf('O-00002'));
    await screen.findByTestId('screen-pack');
    await waitFor(() => expect(api.callsTo('packing.scan').map((c) => c.code)).toEqual(['O-00002']));
  });

  it('works from the keyboard: arrows move, Space selects, Shift+Arrow extends, Ctrl+A selects all, Esc clears', async () => {
    const api = serveQueue(new FakeApi(), queueRows(30));
    await renderQueue(api);
    const list = screen.getByTestId('queue-list');
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe('queue-option-2');
    fireEvent.keyDown(list, { key: ' ' });
    expect(selectedIds()).toEqual(['O-00002']);
    fireEvent.keyDown(list, { key: 'ArrowDown', shiftKey: true });
    fireEvent.keyDown(list, { key: 'ArrowDown', shiftKey: true });
    await waitFor(() => expect(selectedIds()).toEqual(['O-00002', 'O-00003', 'O-00004']));
    fireEvent.keyDown(list, { key: 'ArrowUp', shiftKey: true });
    await waitFor(() => expect(selectedIds()).toEqual(['O-00002', 'O-00003']));
    fireEvent.keyDown(list, { key: 'a', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('30 selected'));
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(screen.getByTestId('selection-count').textContent).toBe('0 selected');
  });

  it('selects all filtered orders across pages, beyond what is loaded', async () => {
    const api = serveQueue(new FakeApi(), queueRows(2300));
    const { store } = await renderQueue(api);
    expect(api.callsTo('orders.queue')).toEqual([{ limit: 200, offset: 0 }]);
    fireEvent.click(screen.getByTestId('action-select-all'));
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('2300 selected'));
    expect(api.callsTo('orders.queue').slice(1)).toEqual([
      { limit: 1000, offset: 0 },
      { limit: 1000, offset: 1000 },
      { limit: 1000, offset: 2000 },
    ]);
    expect(store.getState().queue.selection.ids.has('O-02299')).toBe(true);
  });

  it('refreshes the rows in view when the core says orders changed', async () => {
    let rows = queueRows(3);
    const api = serveQueue(new FakeApi(), () => rows);
    await renderQueue(api);
    rows = rows.slice(1);
    await act(async () => api.emit('orders.changed', { orderIds: ['O-00000'] }));
    await waitFor(() => expect(rowOf('O-00000')).toBeNull());
    expect(screen.getByText('2 orders to ship')).toBeTruthy();
  });

  it('is the Queue screen of the app', async () => {
    renderWithCore(<App initialScreen="queue" />, serveQueue(new FakeApi(), queueRows(2)));
    expect(await screen.findByTestId('screen-queue')).toBeTruthy();
    expect(await screen.findAllByTestId('queue-row')).toHaveLength(2);
  });
});
