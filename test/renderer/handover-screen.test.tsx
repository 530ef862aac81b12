// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandoverBatchView, HandoverVerdict, HandoverVerdictCode } from '../../core/api/views.js';
import { en } from '../../renderer/src/i18n/en.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { HandoverScreen } from '../../renderer/src/screens/HandoverScreen.js';
import { FakeApi, FakeApiError } from './helpers/fake-api.js';
import { keydown, manualClock, typeBurst } from './helpers/keys.js';
import { recordingSounds, renderWithCore } from './helpers/render.js';

const VERDICTS = [
  'PARCEL_ADDED',
  'PARCEL_ALREADY_IN_BATCH',
  'PARCEL_IN_OTHER_BATCH',
  'PARCEL_NOT_ARRANGED',
  'PARCEL_NOT_READY',
  'PARCEL_WRONG_CARRIER',
  'UNKNOWN_PARCEL',
] as const satisfies readonly HandoverVerdictCode[];
// If the core adds a verdict, this list (and so the catalogue test below) must name it.
const allListed: [Exclude<HandoverVerdictCode, (typeof VERDICTS)[number]>] extends [never] ? true : never = true;

function batchView(over: Partial<HandoverBatchView> = {}): HandoverBatchView {
  return { id: 7, station: 'bench-3', carrier: 'J&T Express', method: 'DROP_OFF', openedAt: 1, closedAt: null, parcels: [], heldBack: [], ...over };
}

const parcel = (orderId: string) => ({ orderId, trackingNumber: `TT-${orderId}`, carrier: 'J&T Express', scannedAt: 2 });

/**
 * A small stand-in for the core's handover: parcels it knows by tracking number, each with the
 * verdict it gets; added ones go into the batch.
 */
function handoverCore(answers: Record<string, { code: HandoverVerdictCode; orderId: string | null }> = {}) {
  let current = batchView();
  const api = new FakeApi()
    .handle('handover.open', (input) => (current = batchView({ method: input.method, carrier: input.carrier ?? '' })))
    .handle('handover.get', () => current)
    .handle('handover.scan', (input): HandoverVerdict => {
      const answer = answers[input.code] ?? { code: 'UNKNOWN_PARCEL' as const, orderId: null };
      if (answer.code === 'PARCEL_ADDED') current = { ...current, parcels: [...current.parcels, parcel(answer.orderId!)] };
      return { code: answer.code, ok: answer.code === 'PARCEL_ADDED', message: 'core text', orderId: answer.orderId, count: current.parcels.length };
    })
    .handle('handover.close', () => (current = { ...current, closedAt: 3 }));
  return api;
}

function renderHandover(api: FakeApi) {
  const sounds = recordingSounds();
  return { ...renderWithCore(<HandoverScreen sounds={sounds} />, api), sounds };
}

async function scanWithScanner(code: string) {
  await act(async () => {
    for (const ch of code) keydown(ch);
    keydown('Enter');
  });
}

/** `method` is the method's label as shown (in the screen's language). */
async function openBatch(method: string = 'Drop-off at the carrier', carrier = 'J&T Express') {
  fireEvent.click(within(screen.getByTestId('handover-method')).getByLabelText(method));
  fireEvent.change(screen.getByTestId('handover-carrier'), { target: { value: carrier } });
  fireEvent.click(screen.getByTestId('handover-open'));
  await screen.findByTestId('handover-count');
}

const rows = () => screen.queryAllByTestId('handover-parcel');

afterEach(cleanup);

describe('HandoverScreen', () => {
  it('opens a batch with the chosen method and carrier at this station', async () => {
    const api = handoverCore();
    renderHandover(api);
    expect(screen.getByTestId('screen-handover')).toBeTruthy();
    await openBatch('Drop-off at the carrier', ' J&T Express ');
    expect(api.callsTo('handover.open')).toEqual([{ station: 'bench-3', method: 'DROP_OFF', carrier: 'J&T Express' }]);
    expect(screen.getByTestId('handover-count').textContent).toBe('0');
    expect(screen.getByText('Batch 7 · Drop-off at the carrier · J&T Express')).toBeTruthy();
    expect(screen.getByText(en['handover.parcels.empty'])).toBeTruthy();
  });

  it('sends a scanner burst to handover.scan, shows the core’s count and lists the parcel in green', async () => {
    const api = handoverCore({ 'TT-O-1': { code: 'PARCEL_ADDED', orderId: 'O-1' } });
    const { sounds } = renderHandover(api);
    await openBatch();
    await scanWithScanner('TT-O-1');
    await waitFor(() => expect(screen.getByTestId('handover-count').textContent).toBe('1'));
    expect(api.callsTo('handover.scan')).toEqual([{ batchId: 7, code: 'TT-O-1' }]);
    const row = await screen.findByText('O-1');
    expect(row.closest('[data-testid="handover-parcel"]')?.getAttribute('data-ok')).toBe('true');
    expect(screen.getByText('Tracking TT-O-1')).toBeTruthy();
    expect(screen.getByText('Parcel O-1 added')).toBeTruthy();
    expect(screen.getByTestId('handover-verdict').className).toContain('verdict--ok');
    expect(sounds.played).toEqual(['accepted']);
  });

  it('says a burst cut short was not read, with the wrong sound, sends nothing, and the next verdict replaces it', async () => {
    const api = handoverCore({ 'TT-O-1': { code: 'PARCEL_ADDED', orderId: 'O-1' } });
    const { sounds } = renderHandover(api);
    await openBatch();
    const clock = manualClock(performance.now());
    await act(async () => {
      typeBurst('TT-O', clock, { suffix: null });
      clock.advance(60);
      typeBurst('-1', clock);
    });
    expect(screen.getByTestId('handover-verdict').dataset.code).toBe('SCAN_INCOMPLETE');
    expect(screen.getByTestId('handover-verdict').textContent).toBe(en['pack.scanIncomplete']);
    expect(sounds.played).toEqual(['wrong']);
    expect(api.callsTo('handover.scan')).toEqual([]);
    await scanWithScanner('TT-O-1');
    expect(await screen.findByText('Parcel O-1 added')).toBeTruthy();
    expect(screen.getByTestId('handover-verdict').dataset.code).toBeUndefined();
  });

  it.each([
    ['PARCEL_NOT_READY', 'O-2', 'Parcel O-2 is not ready for collection — keep it back.'],
    ['PARCEL_WRONG_CARRIER', 'O-3', 'Parcel O-3 goes with another carrier — set it aside.'],
    ['PARCEL_IN_OTHER_BATCH', 'O-4', 'Parcel O-4 is in another handover batch — set it aside.'],
    ['UNKNOWN_PARCEL', null, 'Unknown parcel X-404 — set it aside.'],
  ] as const)('shows a %s parcel in red with its reason from the catalogue and the wrong sound', async (code, orderId, sentence) => {
    const api = handoverCore({ 'X-404': { code, orderId } });
    const { sounds } = renderHandover(api);
    await openBatch();
    await scanWithScanner('X-404');
    expect(await screen.findByText(sentence)).toBeTruthy();
    expect(screen.getByTestId('handover-verdict').className).toContain('verdict--error');
    const [row] = rows();
    expect(row!.getAttribute('data-ok')).toBe('false');
    expect(row!.getAttribute('data-order-id')).toBe(orderId ?? '');
    expect(within(row!).getByText(en[`handover.reason.${code}`])).toBeTruthy();
    expect(screen.getByText('Does not belong — set aside (1)')).toBeTruthy();
    expect(screen.getByTestId('handover-count').textContent).toBe('0');
    expect(sounds.played).toEqual(['wrong']);
    expect(api.callsTo('handover.get')).toHaveLength(0);
  });

  it('lists a parcel refused twice once, and takes it off the refused list once it is added', async () => {
    let ready = false;
    const api = handoverCore().handle('handover.scan', () =>
      ready
        ? { code: 'PARCEL_ADDED', ok: true, message: '', orderId: 'O-2', count: 1 }
        : { code: 'PARCEL_NOT_READY', ok: false, message: '', orderId: 'O-2', count: 0 },
    );
    api.handle('handover.get', () => batchView({ parcels: [parcel('O-2')] }));
    renderHandover(api);
    await openBatch();
    await scanWithScanner('TT-O-2');
    await scanWithScanner('TT-O-2');
    await waitFor(() => expect(rows()).toHaveLength(1));
    ready = true;
    await scanWithScanner('TT-O-2');
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-ok'))).toEqual(['true']));
  });

  it('says a parcel scanned twice is already counted, in amber, with the sound of a parcel that belongs', async () => {
    const api = handoverCore({ 'TT-O-1': { code: 'PARCEL_ADDED', orderId: 'O-1' } });
    const { sounds } = renderHandover(api);
    await openBatch();
    await scanWithScanner('TT-O-1');
    await screen.findByText('Parcel O-1 added');
    api.handle('handover.scan', () => ({ code: 'PARCEL_ALREADY_IN_BATCH', ok: false, message: '', orderId: 'O-1', count: 1 }));
    await scanWithScanner('TT-O-1');
    expect(await screen.findByText('Parcel O-1 is already in this batch — it counts once.')).toBeTruthy();
    expect(screen.getByTestId('handover-verdict').className).toContain('verdict--duplicate');
    expect(rows().map((r) => r.getAttribute('data-ok'))).toEqual(['true']);
    expect(sounds.played).toEqual(['accepted', 'accepted']);
  });

  it('takes codes typed into the manual entry field', async () => {
    const api = handoverCore({ 'TT-O-1': { code: 'PARCEL_ADDED', orderId: 'O-1' } });
    renderHandover(api);
    await openBatch();
    const field = screen.getByLabelText(/Type a code/);
    fireEvent.change(field, { target: { value: 'TT-O-1' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(api.callsTo('handover.scan')).toEqual([{ batchId: 7, code: 'TT-O-1' }]));
  });

  it('sends nothing before a batch is open, and says to open one', async () => {
    const api = handoverCore();
    const { sounds } = renderHandover(api);
    await scanWithScanner('TT-O-1');
    expect(screen.getByRole('alert').textContent).toContain(en['handover.openFirst']);
    expect(api.callsTo('handover.scan')).toHaveLength(0);
    expect(sounds.played).toEqual(['wrong']);
  });

  it('closes the batch after confirming and shows the parcels the core held back', async () => {
    const api = handoverCore({ 'TT-O-1': { code: 'PARCEL_ADDED', orderId: 'O-1' } });
    api.handle('handover.close', () => batchView({ closedAt: 3, parcels: [parcel('O-1')], heldBack: [{ orderId: 'O-9', status: 'CANCELLED' }] }));
    renderHandover(api);
    await openBatch();
    await scanWithScanner('TT-O-1');
    await screen.findByText('Parcel O-1 added');

    fireEvent.click(screen.getByTestId('handover-close'));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Close batch 7?')).toBeTruthy();
    expect(api.callsTo('handover.close')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: en['handover.close.confirm'] }));

    expect(await screen.findByText('Batch 7 closed')).toBeTruthy();
    expect(api.callsTo('handover.close')).toEqual([{ batchId: 7 }]);
    expect(screen.getByText('1 parcel handed over')).toBeTruthy();
    const held = screen.getByTestId('handover-held-back');
    expect(held.getAttribute('data-order-id')).toBe('O-9');
    expect(within(held).getByText('The order is now: Cancelled')).toBeTruthy();
    expect(screen.getByText('Held back — do not hand these over (1)')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: en['handover.new'] }));
    expect((within(screen.getByTestId('handover-method')).getByLabelText('Drop-off at the carrier') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('handover-carrier') as HTMLInputElement).value).toBe('J&T Express');
  });

  it('opens the close dialog with F4; Escape keeps the batch open', async () => {
    const api = handoverCore();
    renderHandover(api);
    await openBatch();
    await act(async () => void keydown('F4'));
    const dialog = screen.getByRole('dialog');
    fireEvent.keyDown(within(dialog).getByRole('button', { name: en['handover.close.confirm'] }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsTo('handover.close')).toHaveLength(0);
    expect(screen.getByTestId('handover-count')).toBeTruthy();
  });

  it('says why a batch did not open, in the catalogue’s words', async () => {
    const api = handoverCore().handle('handover.open', () => Promise.reject(new FakeApiError('INVALID_INPUT')));
    renderHandover(api);
    fireEvent.click(screen.getByTestId('handover-open'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en['handover.failed.open']);
    expect(alert.textContent).toContain(en['error.INVALID_INPUT']);
  });
});

describe('handover catalogue', () => {
  it('has an English and a Chinese message for every handover verdict', () => {
    expect(allListed).toBe(true);
    for (const code of VERDICTS) {
      for (const key of [`handover.verdict.${code}`, `handover.reason.${code}`] as const) {
        expect(en[key], key).toBeTruthy();
        expect(zhCN[key], key).toBeTruthy();
        expect(zhCN[key], key).not.toBe(en[key]);
      }
    }
  });
});

describe('HandoverScreen: a parcel whose shipment was not arranged', () => {
  /** The core's handover, where O-9 is packed but not arranged until shipping.arrange says so. */
  function notArrangedCore(
    arrange: () => { arranged: string[]; failed: { orderId: string; code: 'PLATFORM_UNREACHABLE'; message: string }[]; chunks: number },
  ) {
    let arranged = false;
    let current = batchView();
    return new FakeApi()
      .handle('handover.open', () => current)
      .handle('handover.get', () => current)
      .handle('handover.scan', (input): HandoverVerdict => {
        if (input.code === 'TT-OTHER') return { code: 'PARCEL_NOT_READY', ok: false, message: '', orderId: 'O-5', count: current.parcels.length };
        if (!arranged) return { code: 'PARCEL_NOT_ARRANGED', ok: false, message: 'Shipment not arranged', orderId: 'O-9', count: current.parcels.length };
        current = { ...current, parcels: [...current.parcels, parcel('O-9')] };
        return { code: 'PARCEL_ADDED', ok: true, message: '', orderId: 'O-9', count: current.parcels.length };
      })
      .handle('shipping.arrange', () => {
        const answer = arrange();
        arranged = answer.arranged.includes('O-9');
        return answer;
      });
  }

  it('offers "press Enter to arrange now"; the scan’s own Enter does not; Enter arranges it and adds the parcel', async () => {
    const api = notArrangedCore(() => ({ arranged: ['O-9'], failed: [], chunks: 1 }));
    renderHandover(api);
    await openBatch();
    await scanWithScanner('TT-O9');
    const verdictBox = screen.getByTestId('handover-verdict');
    await waitFor(() => expect(verdictBox.textContent).toContain('Parcel O-9: shipment not arranged — press Enter to arrange now'));
    expect(api.callsTo('shipping.arrange')).toEqual([]);
    await act(async () => void keydown('Enter'));
    await waitFor(() => expect(screen.getByTestId('handover-count').textContent).toBe('1'));
    expect(api.callsTo('shipping.arrange')).toEqual([{ orderIds: ['O-9'] }]);
    expect(api.callsTo('handover.scan').map((c) => c.code)).toEqual(['TT-O9', 'TT-O9']);
    expect(rows().map((r) => `${r.dataset.orderId} ${r.dataset.ok}`)).toEqual(['O-9 true']);
    expect(verdictBox.textContent).toContain(en['handover.verdict.PARCEL_ADDED'].replace('{orderId}', 'O-9'));
  });

  it('offers it for that parcel only: after another scan, Enter arranges nothing', async () => {
    const api = notArrangedCore(() => ({ arranged: ['O-9'], failed: [], chunks: 1 }));
    renderHandover(api);
    await openBatch();
    await scanWithScanner('TT-O9');
    await screen.findByTestId('handover-arrange');
    await scanWithScanner('TT-OTHER');
    await waitFor(() => expect(screen.queryByTestId('handover-arrange')).toBeNull());
    await act(async () => void keydown('Enter'));
    expect(api.callsTo('shipping.arrange')).toEqual([]);
  });

  it('says why, in Chinese, when the shipment could not be arranged, and keeps the parcel out', async () => {
    const api = notArrangedCore(() => ({ arranged: [], failed: [{ orderId: 'O-9', code: 'PLATFORM_UNREACHABLE', message: 'offline' }], chunks: 1 }));
    const { store } = renderHandover(api);
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    await openBatch(zhCN['handover.method.DROP_OFF']);
    await scanWithScanner('TT-O9');
    await waitFor(() => expect(screen.getByTestId('handover-verdict').textContent).toContain('按回车键立即安排'));
    fireEvent.click(screen.getByTestId('handover-arrange'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(zhCN['handover.failed.arrange']);
    expect(alert.textContent).toContain(zhCN['error.PLATFORM_UNREACHABLE']);
    expect(screen.getByTestId('handover-count').textContent).toBe('0');
    expect(api.callsTo('handover.scan')).toHaveLength(1);
  });
});
