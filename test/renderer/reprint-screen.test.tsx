// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../core/printing/types.js';
import { JOB_STATES } from '../../core/printing/types.js';
import { en } from '../../renderer/src/i18n/en.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { ReprintScreen } from '../../renderer/src/screens/ReprintScreen.js';
import { FakeApi } from './helpers/fake-api.js';
import { keydown } from './helpers/keys.js';
import { job, orderView } from './helpers/orders.js';
import { renderWithCore } from './helpers/render.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const mug = orderView({ id: 'O-1', trackingNumber: 'TT111GB', status: 'AWAITING_COLLECTION' });
const tee = orderView({ id: 'O-2', trackingNumber: 'TT222GB', recipient: { ...mug.recipient, name: 'Li Wei' } });

/** A core that finds orders by id, tracking number or recipient, and keeps each order's print jobs. */
function reprintCore(jobsByOrder: Record<string, JobView[]> = {}) {
  const orders = [mug, tee];
  let nextJob = 100;
  return new FakeApi()
    .handle('orders.search', ({ text }) => orders.filter((o) => o.id === text || o.trackingNumber === text || o.recipient.name.includes(text)))
    .handle('orders.get', ({ orderId }) => orders.find((o) => o.id === orderId)!)
    .handle('printing.jobs', ({ orderId }) => jobsByOrder[orderId!] ?? [])
    .handle('printing.preview', () => ({ png: PNG, widthDots: 812, heightDots: 1218, printer: 'Zebra GK420d', source: 'PACKDESK' }))
    .handle('printing.reprint', (input) => {
      const made = job({ id: nextJob++, orderId: input.orderId, kind: 'REPRINT', station: input.station, packer: input.packer });
      jobsByOrder[input.orderId] = [made, ...(jobsByOrder[input.orderId] ?? [])];
      return made;
    })
    .handle('printing.resend', (input) => job({ id: nextJob++, kind: 'RESEND', resendOf: input.jobId }));
}

async function searchFor(text: string) {
  fireEvent.change(screen.getByTestId('search-input'), { target: { value: text } });
  fireEvent.submit(screen.getByTestId('search-input').closest('form')!);
}

async function scanWithScanner(code: string) {
  await act(async () => {
    for (const ch of code) keydown(ch);
    keydown('Enter');
  });
}

const resultIds = () => screen.queryAllByTestId('search-result').map((r) => r.getAttribute('data-order-id'));

afterEach(cleanup);

describe('ReprintScreen', () => {
  it('searches with orders.search and lists what the core found', async () => {
    const api = reprintCore();
    renderWithCore(<ReprintScreen />, api);
    expect(screen.getByTestId('screen-reprint')).toBeTruthy();
    await searchFor(' Li Wei ');
    await waitFor(() => expect(resultIds()).toEqual(['O-1', 'O-2']));
    expect(api.callsTo('orders.search')).toEqual([{ text: 'Li Wei', limit: 50 }]);
    expect(screen.getByText('2 orders match “Li Wei”')).toBeTruthy();
    // More than one match: the packer chooses; nothing is loaded or printed yet.
    expect(api.callsTo('orders.get')).toHaveLength(0);
    expect(screen.getByText(en['reprint.order.none'])).toBeTruthy();
  });

  it('says when nothing matches', async () => {
    renderWithCore(<ReprintScreen />, reprintCore());
    await searchFor('nobody');
    expect(await screen.findByText('No order matches “nobody”.')).toBeTruthy();
  });

  it('searches for a scanned code without a click, and opens the one order found with its label preview', async () => {
    const api = reprintCore();
    renderWithCore(<ReprintScreen />, api);
    (document.activeElement as HTMLElement | null)?.blur();
    await scanWithScanner('TT222GB');
    await waitFor(() => expect(resultIds()).toEqual(['O-2']));
    expect(api.callsTo('orders.search')).toEqual([{ text: 'TT222GB', limit: 50 }]);
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('TT222GB');
    expect(await screen.findByText('Order O-2')).toBeTruthy();
    const preview = (await screen.findByTestId('label-preview')) as HTMLImageElement;
    expect(preview.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(preview.getAttribute('alt')).toBe('The label of order O-2 as it prints on Zebra GK420d');
    expect(api.callsTo('printing.preview')).toEqual([{ orderId: 'O-2', station: 'bench-3' }]);
    expect(api.callsTo('printing.jobs')).toEqual([{ orderId: 'O-2', limit: 50 }]);
    expect(screen.getByTestId('search-result').getAttribute('aria-selected')).toBe('true');
  });

  it('keeps a code scanned into the focused search field in view', async () => {
    const api = reprintCore();
    renderWithCore(<ReprintScreen />, api);
    const input = screen.getByTestId('search-input') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    // As a browser does it: the keys reach the focused field and type the code into it, then Enter.
    await act(async () => {
      for (const ch of 'TT111GB') keydown(ch, { target: input });
      fireEvent.change(input, { target: { value: 'TT111GB' } });
      keydown('Enter', { target: input });
    });
    await waitFor(() => expect(resultIds()).toEqual(['O-1']));
    expect(api.callsTo('orders.search')).toEqual([{ text: 'TT111GB', limit: 50 }]);
    expect(input.value).toBe('TT111GB');
  });

  it('reprints with one click, with station and packer from the settings, and shows the new job', async () => {
    const api = reprintCore();
    renderWithCore(<ReprintScreen />, api);
    await searchFor('O-1');
    fireEvent.click(await screen.findByTestId('reprint-button'));
    await waitFor(() => expect(api.callsTo('printing.reprint')).toEqual([{ orderId: 'O-1', station: 'bench-3', packer: 'amy' }]));
    expect(await screen.findByText('Label of order O-1 sent to Zebra GK420d.')).toBeTruthy();
    const row = await screen.findByTestId('job-row');
    expect(row.getAttribute('data-state')).toBe('SENT');
    expect(within(row).getByText('Reprint')).toBeTruthy();
    expect(within(row).getByText('amy · bench-3')).toBeTruthy();
  });

  it('reprints with F8, once however often it is pressed while printing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api = reprintCore().handle('printing.reprint', async (input) => {
      await gate;
      return job({ orderId: input.orderId, kind: 'REPRINT' });
    });
    renderWithCore(<ReprintScreen />, api);
    await searchFor('O-1');
    await screen.findByTestId('reprint-button');
    await act(async () => void keydown('F8'));
    await act(async () => void keydown('F8'));
    expect(screen.getByTestId('reprint-button').textContent).toContain(en['reprint.printing']);
    await act(async () => release());
    expect(api.callsTo('printing.reprint')).toEqual([{ orderId: 'O-1', station: 'bench-3', packer: 'amy' }]);
  });

  it('goes from the search field to the results with ↓, chooses with ↓ ↑, and reprints the chosen order with Enter', async () => {
    const api = reprintCore();
    renderWithCore(<ReprintScreen />, api);
    await searchFor('Li Wei');
    await waitFor(() => expect(resultIds()).toHaveLength(2));
    fireEvent.keyDown(screen.getByTestId('search-input'), { key: 'ArrowDown' });
    const [first, second] = screen.getAllByTestId('search-result');
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    await waitFor(() => expect(second!.getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(second!, { key: 'Enter' });
    await waitFor(() => expect(api.callsTo('printing.reprint')).toEqual([{ orderId: 'O-2', station: 'bench-3', packer: 'amy' }]));
  });

  it('shows every job with its state, and offers Resend only for jobs of unknown outcome or that failed — never on its own', async () => {
    const jobs = [
      job({ id: 5, state: 'UNKNOWN', kind: 'REPRINT', errorCode: 'JOB_OUTCOME_UNKNOWN' }),
      job({ id: 4, state: 'FAILED', errorCode: 'PAPER_OUT' }),
      job({ id: 3, state: 'SENT' }),
      job({ id: 2, state: 'QUEUED' }),
      job({ id: 1, state: 'SENDING' }),
    ];
    const api = reprintCore({ 'O-1': jobs });
    renderWithCore(<ReprintScreen />, api);
    await searchFor('O-1');
    await waitFor(() => expect(screen.getAllByTestId('job-row')).toHaveLength(5));
    const rowsByState: Record<string, HTMLElement> = Object.fromEntries(screen.getAllByTestId('job-row').map((r) => [r.getAttribute('data-state'), r]));
    expect(Object.keys(rowsByState)).toEqual(['UNKNOWN', 'FAILED', 'SENT', 'QUEUED', 'SENDING']);
    for (const [state, row] of Object.entries(rowsByState)) {
      expect(within(row).getByText(en[`reprint.job.state.${state as JobView['state']}`])).toBeTruthy();
      expect(within(row).queryByTestId('resend-button') !== null, state).toBe(state === 'UNKNOWN' || state === 'FAILED');
    }
    expect(within(rowsByState.UNKNOWN!).getByText(en['error.JOB_OUTCOME_UNKNOWN'])).toBeTruthy();
    expect(within(rowsByState.UNKNOWN!).getByText(en['reprint.job.unknownHint'])).toBeTruthy();
    expect(within(rowsByState.FAILED!).getByText(en['error.PAPER_OUT'])).toBeTruthy();
    expect(api.callsTo('printing.resend')).toHaveLength(0);

    fireEvent.click(within(rowsByState.UNKNOWN!).getByTestId('resend-button'));
    await waitFor(() => expect(api.callsTo('printing.resend')).toEqual([{ jobId: 5, station: 'bench-3', packer: 'amy' }]));
    expect(await screen.findByText('Job 5 sent again to Zebra GK420d.')).toBeTruthy();
    expect(api.callsTo('printing.reprint')).toHaveLength(0);
  });

  it('says honestly that a label cut off mid-send may have printed in part, and offers "Reprint" (a resend of that job), in both languages', async () => {
    const api = reprintCore({ 'O-1': [job({ id: 7, state: 'UNKNOWN', mayHavePrintedPartly: true, errorCode: 'PRINTER_OFFLINE' })] });
    const { store } = renderWithCore(<ReprintScreen />, api);
    await searchFor('O-1');
    const rowEl = await screen.findByTestId('job-row');
    expect(within(rowEl).getByTestId('job-hint').textContent).toBe(
      'This label may have printed only in part. Look at the printer, throw away any half label, then reprint.',
    );
    expect(within(rowEl).getByTestId('resend-button').textContent).toBe('Reprint');
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    expect(within(rowEl).getByTestId('job-hint').textContent).toBe('这张面单可能只打印了一部分。请查看打印机，丢掉不完整的面单，然后重新打印。');
    expect(within(rowEl).getByTestId('resend-button').textContent).toBe('重新打印');
    fireEvent.click(within(rowEl).getByTestId('resend-button'));
    await waitFor(() => expect(api.callsTo('printing.resend')).toEqual([{ jobId: 7, station: 'bench-3', packer: 'amy' }]));
    expect(api.callsTo('printing.reprint')).toHaveLength(0);
  });

  it('prints the chosen order’s packing slip and opens its A4 page', async () => {
    const api = reprintCore()
      .handle('printing.packingSlip', (input) => job({ orderId: input.orderId, printerName: 'Receipt 80', document: 'PICK_LIST' }))
      .handle('printing.packingSlipPage', (input) => ({ orderId: input.orderId, html: `<p>${input.orderId}</p>` }));
    const { store } = renderWithCore(<ReprintScreen />, api);
    await searchFor('O-1');
    fireEvent.click(await screen.findByTestId('reprint-slip'));
    await waitFor(() => expect(screen.getByTestId('reprint-notice').textContent).toContain('Packing slip sent to Receipt 80.'));
    expect(api.callsTo('printing.packingSlip')).toEqual([{ orderId: 'O-1', station: 'bench-3', packer: 'amy' }]);
    fireEvent.click(screen.getByTestId('reprint-slip-page'));
    await waitFor(() => expect(store.getState().slipPage.html).toBe('<p>O-1</p>'));
  });

  it('offers no second resend for a job already sent again', async () => {
    const api = reprintCore({ 'O-1': [job({ id: 6, kind: 'RESEND', resendOf: 5 }), job({ id: 5, state: 'UNKNOWN' })] });
    renderWithCore(<ReprintScreen />, api);
    await searchFor('O-1');
    await waitFor(() => expect(screen.getAllByTestId('job-row')).toHaveLength(2));
    expect(screen.queryByTestId('resend-button')).toBeNull();
    expect(screen.getByText('Resent as job 6')).toBeTruthy();
  });

  it('says why a reprint did not print, in the catalogue’s words', async () => {
    const api = reprintCore().handle('printing.reprint', (input) => job({ orderId: input.orderId, state: 'FAILED', errorCode: 'PAPER_OUT' }));
    renderWithCore(<ReprintScreen />, api);
    await searchFor('O-1');
    fireEvent.click(await screen.findByTestId('reprint-button'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en['reprint.notice.reprint.failed']);
    expect(alert.textContent).toContain(en['error.PAPER_OUT']);
  });

  it('says why there is no preview', async () => {
    const api = reprintCore().handle('printing.preview', () => Promise.reject(Object.assign(new Error('x'), { code: 'LABEL_UNAVAILABLE' })));
    renderWithCore(<ReprintScreen />, api);
    await searchFor('O-1');
    expect(await screen.findByText(`No preview: ${en['error.LABEL_UNAVAILABLE']}`)).toBeTruthy();
    expect(screen.queryByTestId('label-preview')).toBeNull();
  });

  it('refreshes the job history when the core reports a job of the chosen order', async () => {
    const jobs: Record<string, JobView[]> = {};
    const api = reprintCore(jobs);
    renderWithCore(<ReprintScreen />, api);
    await searchFor('O-1');
    await screen.findByText(en['reprint.jobs.empty']);
    jobs['O-1'] = [job({ id: 9, orderId: 'O-1', state: 'UNKNOWN' })];
    await act(async () => api.emit('print.job', { jobId: 9, orderId: 'O-1', state: 'UNKNOWN', batchId: null, errorCode: 'JOB_OUTCOME_UNKNOWN' }));
    await waitFor(() => expect(screen.getByTestId('job-row').getAttribute('data-state')).toBe('UNKNOWN'));
    api.emit('print.job', { jobId: 10, orderId: 'O-2', state: 'SENT', batchId: null, errorCode: null });
    expect(api.callsTo('printing.jobs').filter((c) => c.orderId === 'O-2')).toHaveLength(0);
  });
});

describe('reprint catalogue', () => {
  it('has an English and a Chinese message for every job state', () => {
    for (const state of JOB_STATES) {
      const key = `reprint.job.state.${state}` as const;
      expect(en[key], key).toBeTruthy();
      expect(zhCN[key], key).toBeTruthy();
      expect(zhCN[key], key).not.toBe(en[key]);
    }
  });
});
