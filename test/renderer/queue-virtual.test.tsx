// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueScreen } from '../../renderer/src/screens/QueueScreen.js';
import { ROW_HEIGHT } from '../../renderer/src/screens/queue/QueueRowView.js';
import { FakeApi } from './helpers/fake-api.js';
import { queueRows, serveQueue } from './helpers/queue-rows.js';
import { renderWithCore } from './helpers/render.js';

afterEach(cleanup);

describe('pick queue with thousands of orders', () => {
  it('renders only the rows in view of 5,000, and loads pages of 200 as the packer scrolls', async () => {
    const api = serveQueue(new FakeApi(), queueRows(5000));
    renderWithCore(<QueueScreen />, api);
    await screen.findAllByTestId('queue-row');
    const list = screen.getByTestId('queue-list');
    const spacer = list.firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe(`${5000 * ROW_HEIGHT}px`);
    const rendered = screen.getAllByTestId('queue-row');
    // A 600 px viewport holds 10 rows; with overscan a few dozen at most are in the DOM.
    expect(rendered.length).toBeGreaterThanOrEqual(10);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]!.dataset.orderId).toBe('O-00000');
    expect(api.callsTo('orders.queue')).toEqual([{ limit: 200, offset: 0 }]);

    await act(async () => {
      list.scrollTop = 2500 * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    await waitFor(() => expect(document.querySelector('[data-order-id="O-02500"]')).not.toBeNull());
    const ids = screen.getAllByTestId('queue-row').map((r) => r.dataset.orderId);
    expect(ids).not.toContain('O-00000');
    expect(ids.length).toBeLessThan(40);
    const row = document.querySelector<HTMLElement>('[data-order-id="O-02500"]')!;
    expect(row.style.top).toBe(`${2500 * ROW_HEIGHT}px`);
    // Only the page in view was fetched, not the 2,400 rows before it.
    expect(api.callsTo('orders.queue')).toEqual([
      { limit: 200, offset: 0 },
      { limit: 200, offset: 2400 },
    ]);
  });

  it('shows placeholders for rows whose page is still on the way', async () => {
    const all = queueRows(1000);
    const api = serveQueue(new FakeApi(), all);
    renderWithCore(<QueueScreen />, api);
    await screen.findAllByTestId('queue-row');
    // From here on the core answers only when the test says so.
    let release: () => void = () => {};
    api.handle(
      'orders.queue',
      (input) =>
        new Promise((resolve) => (release = () => resolve({ total: 1000, orders: all.slice(input.offset, (input.offset ?? 0) + (input.limit ?? 100)) }))),
    );
    const list = screen.getByTestId('queue-list');
    await act(async () => {
      list.scrollTop = 700 * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    expect(screen.getAllByTestId('queue-row-placeholder').length).toBeGreaterThan(0);
    await act(async () => release());
    await waitFor(() => expect(screen.queryAllByTestId('queue-row-placeholder')).toHaveLength(0));
    expect(document.querySelector('[data-order-id="O-00700"]')).not.toBeNull();
  });
});
