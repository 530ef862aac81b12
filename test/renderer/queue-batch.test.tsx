// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchView } from '../../core/printing/types.js';
import { en } from '../../renderer/src/i18n/en.js';
import { QueueScreen } from '../../renderer/src/screens/QueueScreen.js';
import { FakeApi, FakeApiError } from './helpers/fake-api.js';
import { job } from './helpers/orders.js';
import { queueRows, serveQueue } from './helpers/queue-rows.js';
import { renderWithCore } from './helpers/render.js';

/** The filters and batch options fold away behind one button; open them. */
function openFilters() {
  const toggle = screen.getByTestId('filters-toggle');
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
}

afterEach(cleanup);

function batchView(over: Partial<BatchView> = {}): BatchView {
  return {
    id: 7,
    document: 'SHIPPING_LABEL',
    printerName: 'Zebra GK420d',
    state: 'DONE',
    pausedCode: null,
    pausedMessage: null,
    total: 3,
    sent: 3,
    queued: 0,
    failed: 0,
    unknown: 0,
    refused: [],
    ...over,
  };
}

/** A promise the test settles when it wants the core to answer. */
function gate<T>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

async function renderWithSelection(api: FakeApi, count = 4) {
  serveQueue(api, queueRows(10));
  const result = renderWithCore(<QueueScreen />, api);
  await screen.findAllByTestId('queue-row');
  fireEvent.click(document.querySelector('[data-order-id="O-00000"]')!);
  fireEvent.click(document.querySelector(`[data-order-id="O-0000${count - 1}"]`)!, { shiftKey: true });
  await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe(`${count} selected`));
  return result;
}

describe('QueueScreen batch actions', () => {
  it('prints labels with a progress bar from the core’s events, then lists refused and failed orders with their reasons', async () => {
    const answer = gate<BatchView>();
    const api = new FakeApi()
      .handle('printing.batch', () => answer.promise)
      .handle('printing.jobs', (input) => (input.state === 'FAILED' ? [job({ id: 12, orderId: 'O-00001', state: 'FAILED', errorCode: 'LABEL_INVALID' })] : []));
    await renderWithSelection(api);
    const listening = api.listenerCount('progress');
    fireEvent.click(screen.getByTestId('action-print-labels'));

    const progress = await screen.findByTestId('batch-progress');
    expect(api.callsTo('printing.batch')[0]).toEqual({ orderIds: ['O-00000', 'O-00001', 'O-00002', 'O-00003'], station: 'bench-3', packer: 'amy' });
    expect((screen.getByTestId('action-print-labels') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => api.emit('progress', { task: 'import', done: 1, total: 99 }));
    await act(async () => api.emit('progress', { task: 'print', done: 2, total: 3 }));
    expect(within(progress).getByText('2 of 3')).toBeTruthy();
    expect(progress.querySelector('progress')!.getAttribute('value')).toBe('2');

    await act(async () =>
      answer.open(batchView({ total: 3, sent: 2, failed: 1, refused: [{ orderId: 'O-00003', code: 'ORDER_CANCEL_REQUESTED', message: 'core text' }] })),
    );
    const result = await screen.findByTestId('batch-result');
    await waitFor(() => expect(within(result).getAllByTestId('batch-failure')).toHaveLength(2));
    expect(screen.queryByTestId('batch-progress')).toBeNull();
    expect(within(result).getByText('2 sent · 1 failed · 0 unknown · 1 refused — Zebra GK420d')).toBeTruthy();
    const [refused, failed] = within(result).getAllByTestId('batch-failure');
    expect(refused!.dataset.code).toBe('ORDER_CANCEL_REQUESTED');
    expect(refused!.textContent).toContain(en['error.ORDER_CANCEL_REQUESTED']);
    expect(refused!.textContent).toContain('O-00003');
    expect(failed!.textContent).toContain(en['error.LABEL_INVALID']);
    expect(failed!.textContent).toContain('O-00001');
    expect(api.callsTo('printing.jobs')).toEqual([{ batchId: 7, state: 'FAILED', limit: 1000 }]);
    // Progress events after the call are someone else's.
    expect(api.listenerCount('progress')).toBe(listening);
  });

  it('shows a paused batch with the printer’s reason from the catalogue and resumes it', async () => {
    const api = new FakeApi()
      .handle('printing.batch', () =>
        batchView({
          state: 'PAUSED',
          pausedCode: 'PAPER_OUT',
          pausedMessage: 'core text',
          sent: 1,
          queued: 2,
          refused: [{ orderId: 'O-00003', code: 'ORDER_CANCEL_REQUESTED', message: '' }],
        }),
      )
      .handle('printing.resume', () => batchView({ sent: 3 }));
    await renderWithSelection(api);
    fireEvent.click(screen.getByTestId('action-print-labels'));
    const paused = await screen.findByTestId('batch-paused');
    expect(paused.textContent).toContain(en['error.PAPER_OUT']);
    expect(paused.textContent).toContain('Printing paused, 2 labels waiting:');

    fireEvent.click(within(paused).getByTestId('action-resume'));
    await waitFor(() => expect(screen.queryByTestId('batch-paused')).toBeNull());
    expect(api.callsTo('printing.resume')).toEqual([{ batchId: 7 }]);
    const result = screen.getByTestId('batch-result');
    expect(result.textContent).toContain('3 sent');
    // The refusals from the start of the batch are still listed after the resume.
    expect(within(result).getByTestId('batch-failure').textContent).toContain('O-00003');
  });

  it('arranges shipment with progress, lists the orders the core would not arrange, and deselects those it did', async () => {
    const api = new FakeApi().handle('shipping.arrange', (input) => {
      api.emit('progress', { task: 'arrange', done: 3, total: 3 });
      return {
        arranged: input.orderIds.slice(0, 1),
        failed: input.orderIds.slice(1).map((orderId) => ({ orderId, code: 'ORDER_NOT_PACKED' as const, message: 'core text' })),
        chunks: 1,
      };
    });
    await renderWithSelection(api, 3);
    fireEvent.click(screen.getByTestId('action-arrange'));
    const result = await screen.findByTestId('batch-result');
    expect(api.callsTo('shipping.arrange')[0]).toEqual({ orderIds: ['O-00000', 'O-00001', 'O-00002'], allowUnpacked: false });
    expect(result.textContent).toContain('1 arranged · 2 not arranged');
    const failure = within(result).getByTestId('batch-failure');
    expect(failure.textContent).toContain(en['error.ORDER_NOT_PACKED']);
    expect(failure.textContent).toContain('2 orders');
    expect(failure.textContent).toContain('O-00001, O-00002');
    expect(screen.getByTestId('selection-count').textContent).toBe('2 selected');
  });

  it('can arrange orders not packed yet when the packer says so', async () => {
    const api = new FakeApi().handle('shipping.arrange', (input) => ({ arranged: input.orderIds, failed: [], chunks: 1 }));
    await renderWithSelection(api, 2);
    openFilters();
    fireEvent.click(screen.getByTestId('option-allow-unpacked'));
    fireEvent.click(screen.getByTestId('action-arrange'));
    await screen.findByTestId('batch-result');
    expect(api.callsTo('shipping.arrange')[0]).toMatchObject({ allowUnpacked: true });
    expect(screen.getByTestId('selection-count').textContent).toBe('0 selected');
  });

  it('prints the pick list of the selected orders on the pick-list printer', async () => {
    const api = new FakeApi().handle('printing.pickList', () => job({ document: 'PICK_LIST', printerName: 'Pick printer', orderId: null }));
    await renderWithSelection(api, 2);
    openFilters();
    fireEvent.click(screen.getByTestId('option-single-first'));
    fireEvent.click(screen.getByTestId('action-print-picklist'));
    expect((await screen.findByTestId('batch-result')).textContent).toContain('Pick list sent to Pick printer.');
    expect(api.callsTo('printing.pickList')[0]).toEqual({ orderIds: ['O-00000', 'O-00001'], singleItemFirst: true, station: 'bench-3', packer: 'amy' });
  });

  it('says why nothing was done when the call itself fails', async () => {
    const api = new FakeApi().handle('printing.batch', () => Promise.reject(new FakeApiError('PRINTER_NOT_FOUND')));
    await renderWithSelection(api, 2);
    fireEvent.click(screen.getByTestId('action-print-labels'));
    const result = await screen.findByTestId('batch-result');
    expect(result.textContent).toContain(en['error.PRINTER_NOT_FOUND']);
    fireEvent.click(screen.getByTestId('batch-dismiss'));
    expect(screen.queryByTestId('batch-result')).toBeNull();
  });

  it('keeps the batch buttons off until something is selected', async () => {
    const api = serveQueue(new FakeApi(), queueRows(3));
    renderWithCore(<QueueScreen />, api);
    await screen.findAllByTestId('queue-row');
    for (const id of ['action-print-picklist', 'action-print-a4', 'action-print-labels', 'action-arrange']) {
      expect((screen.getByTestId(id) as HTMLButtonElement).disabled, id).toBe(true);
    }
  });
});
