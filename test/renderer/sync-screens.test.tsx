// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CycleSummary, EntryView, ShopStatusView, SyncSettings } from '../../core/sync/views.js';
import { ShopConnectionSection } from '../../renderer/src/screens/settings/ShopConnectionSection.js';
import { GetLabelsNow } from '../../renderer/src/screens/sync/GetLabelsNow.js';
import { SyncPanel } from '../../renderer/src/screens/sync/SyncPanel.js';
import { FakeApi, FakeApiError } from './helpers/fake-api.js';
import { renderWithCore } from './helpers/render.js';
import { syncStatus } from './helpers/sync-status.js';

afterEach(cleanup);

const SECRET = 'app-secret-0f9a7c';
const CODE = 'auth-code-77e1';

const notConnected: ShopStatusView = {
  connected: false,
  shop: null,
  sellerName: null,
  appKey: null,
  apiBase: null,
  authBase: null,
  connectedAt: null,
  accessTokenExpiresAt: null,
  refreshTokenExpiresAt: null,
  grantedScopes: [],
  credentials: null,
};
const connectedShop: ShopStatusView = {
  ...notConnected,
  connected: true,
  shop: { id: 'S1', name: 'Bright Cases', region: 'GB', cipher: 'GCP_x' },
  appKey: 'key-1',
  apiBase: 'http://127.0.0.1:9',
  authBase: 'http://127.0.0.1:9',
  connectedAt: Date.now(),
  accessTokenExpiresAt: Date.now() + 7 * 86_400_000,
  refreshTokenExpiresAt: Date.now() + 300 * 86_400_000,
  credentials: { backend: 'file', warning: null },
};
const settings: SyncSettings = { backfillDays: 7, arrangeAhead: false, handoverMethod: 'PICKUP', rejectReason: null };

function shopApi(): FakeApi {
  return new FakeApi().handle('shop.status', () => notConnected).handle('sync.settings', () => settings);
}

function input(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe('Settings → Shop connection', () => {
  it('sends the key, secret, code and the Advanced base URLs once; the secret and code are cleared and never shown again', async () => {
    const api = shopApi().handle('shop.connect', () => connectedShop);
    renderWithCore(<ShopConnectionSection />, api);
    await screen.findByTestId('shop-not-connected');
    input('shop-app-key', 'key-1');
    input('shop-app-secret', SECRET);
    input('shop-auth-code', CODE);
    input('shop-api-base', 'http://127.0.0.1:9');
    input('shop-auth-base', 'http://127.0.0.1:9');
    fireEvent.click(screen.getByTestId('shop-connect'));
    await screen.findByTestId('shop-connected');
    expect(api.callsTo('shop.connect')).toEqual([
      { appKey: 'key-1', appSecret: SECRET, authCode: CODE, apiBase: 'http://127.0.0.1:9', authBase: 'http://127.0.0.1:9' },
    ]);
    expect(screen.getByTestId('shop-connected').textContent).toMatch(/^Connected to Bright Cases · Token valid until .+ · Sign-in valid until/);
    expect((screen.getByTestId('shop-app-secret') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('shop-auth-code') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('shop-app-secret') as HTMLInputElement).type).toBe('password');
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(CODE);
    // The sync settings appear once connected; "Arrange ahead" is off and its price is said.
    expect(((await screen.findByTestId('sync-arrange-ahead')) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('sync-settings').textContent).toMatch(/72 h collection clock/);
  });

  it('lists the shops when the authorisation covers several; choosing one connects to it with the same sign-in', async () => {
    const shops = [
      { id: 'S1', name: 'Bright Cases', region: 'GB', cipher: 'C1' },
      { id: 'S2', name: 'Bright Cables', region: 'GB', cipher: 'C2' },
    ];
    const api = shopApi().handle('shop.connect', (req) => {
      if (!req.shopCipher)
        throw Object.assign(new FakeApiError('INVALID_INPUT', 'This authorisation covers 2 shops'), { details: { reason: 'shop-choice', shops } });
      return connectedShop;
    });
    renderWithCore(<ShopConnectionSection />, api);
    input('shop-app-key', 'key-1');
    input('shop-app-secret', SECRET);
    input('shop-auth-code', CODE);
    fireEvent.click(screen.getByTestId('shop-connect'));
    await screen.findByTestId('shop-choice');
    expect(screen.getByTestId('shop-choice').textContent).toMatch(/Bright Cases.*Bright Cables.*connects to it at once/);
    // The code and secret are gone from the form, yet choosing connects with them: the core held the sign-in.
    expect((screen.getByTestId('shop-auth-code') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('shop-choice-S2'));
    await screen.findByTestId('shop-connected');
    expect((screen.getByTestId('shop-cipher') as HTMLInputElement).value).toBe('C2');
    expect(api.callsTo('shop.connect')).toHaveLength(2);
    expect(api.callsTo('shop.connect')[1]).toMatchObject({ shopCipher: 'C2', authCode: CODE, appSecret: SECRET });
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('refuses to send without a secret and says what is missing', async () => {
    const api = shopApi();
    renderWithCore(<ShopConnectionSection />, api);
    input('shop-app-key', 'key-1');
    fireEvent.click(screen.getByTestId('shop-connect'));
    await screen.findByText(/Fill in the app key, the app secret/);
    expect(api.callsTo('shop.connect')).toEqual([]);
  });
});

function entry(over: Partial<EntryView>): EntryView {
  return {
    id: 1,
    kind: 'order.shipment_arranged',
    orderId: 'O-1',
    state: 'pending',
    at: Date.now(),
    attempts: 0,
    stateAt: null,
    nextAttemptAt: null,
    lastError: null,
    doneReason: null,
    refusal: null,
    ...over,
  };
}

const SUMMARY: CycleSummary = {
  pulled: 12,
  changed: 3,
  pushed: 1,
  labels: 1,
  cancellations: 0,
  pending: 0,
  refused: 1,
  refusedEntries: [],
  conflicts: 0,
  tokenValidUntil: Date.now(),
};

describe('the sync panel', () => {
  function panelApi(entries: EntryView[]) {
    const connected = { ...syncStatus(0), state: 'WAITING' as const, key: 'sync.state.waiting', shop: { id: 'S1', name: 'Bright Cases', region: 'GB' } };
    return new FakeApi()
      .handle('sync.status', () => connected)
      .handle('sync.entries', () => entries)
      .handle('sync.conflicts', () => []);
  }

  it("shows a refused entry with the platform's code and message; Retry sends it again", async () => {
    const refused = entry({
      id: 7,
      state: 'refused',
      attempts: 1,
      refusal: { code: 'PLATFORM_REJECTED', platformCode: 21011010, message: 'Package cannot be shipped: order is on hold', link: null },
    });
    const api = panelApi([refused]).handle('sync.retryEntry', () => ({ ...refused, state: 'pending' }));
    renderWithCore(<SyncPanel />, api);
    const shown = await screen.findByTestId('sync-entry');
    expect(shown.dataset.state).toBe('refused');
    expect(screen.getByTestId('sync-entry-message').textContent).toBe('TikTok Shop code 21011010: Package cannot be shipped: order is on hold');
    fireEvent.click(screen.getByTestId('sync-entry-retry'));
    await waitFor(() => expect(api.callsTo('sync.retryEntry')).toEqual([{ entryId: 7 }]));
  });

  it('asks before discarding and says a discarded shipment puts the order back in the queue', async () => {
    const refused = entry({ id: 8, state: 'refused', refusal: { code: 'PLATFORM_REJECTED', platformCode: 1, message: 'no', link: null } });
    const api = panelApi([refused]).handle('sync.discardEntry', () => ({ ...refused, state: 'discarded' }));
    renderWithCore(<SyncPanel />, api);
    fireEvent.click(await screen.findByTestId('sync-entry-discard'));
    expect(screen.getByTestId('sync-discard-confirm').textContent).toMatch(/puts the order back in the queue/);
    expect(api.callsTo('sync.discardEntry')).toEqual([]);
    fireEvent.click(screen.getByTestId('sync-discard-no'));
    expect(screen.queryByTestId('sync-discard-confirm')).toBeNull();
    fireEvent.click(screen.getByTestId('sync-entry-discard'));
    fireEvent.click(screen.getByTestId('sync-discard-yes'));
    await waitFor(() => expect(api.callsTo('sync.discardEntry')).toEqual([{ entryId: 8 }]));
  });

  it('says a redelivery has no API call and links to Seller Center, with no Retry', async () => {
    const link = 'https://seller-uk.tiktok.com/order/detail?order_no=O-1';
    const api = panelApi([
      entry({ kind: 'order.redelivery_requested', state: 'refused', refusal: { code: 'SELLER_CENTER_ONLY', platformCode: null, message: 'no call', link } }),
    ]);
    renderWithCore(<SyncPanel />, api);
    await screen.findByTestId('sync-entry');
    expect(screen.getByTestId('sync-entry-message').textContent).toMatch(/no API call for this/);
    expect(screen.getByTestId('sync-entry-link').getAttribute('href')).toBe(link);
    expect(screen.queryByTestId('sync-entry-retry')).toBeNull();
  });

  it('Sync now waits while the cycle runs (one at a time) and then shows what it did', async () => {
    let finish: (s: CycleSummary) => void = () => {};
    const api = panelApi([]).handle('sync.now', () => new Promise<CycleSummary>((resolve) => (finish = resolve)));
    renderWithCore(<SyncPanel />, api);
    const button = (await screen.findByTestId('sync-now')) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(button.disabled).toBe(true));
    fireEvent.click(button);
    expect(api.callsTo('sync.now')).toHaveLength(1);
    await act(async () => finish(SUMMARY));
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(screen.getByTestId('sync-summary').textContent).toBe('Last sync: 12 orders read, 3 changed, 1 sent, 1 labels, 0 waiting, 1 refused.');
  });
});

describe('Get labels now (queue)', () => {
  it('is offered only with "Arrange ahead" on, says the 72 h clock before it runs, and the result after', async () => {
    const connected = { ...syncStatus(0), state: 'SYNCED' as const, key: 'sync.state.synced', shop: { id: 'S1', name: 'Bright Cases', region: 'GB' } };
    let arrangeAhead = false;
    const api = new FakeApi()
      .handle('sync.status', () => connected)
      .handle('sync.settings', () => ({ ...settings, arrangeAhead }))
      .handle('sync.arrangeAhead', ({ orderIds }) => ({
        arranged: orderIds,
        failed: [],
        labelsReady: orderIds.slice(0, 1),
        labelsWaiting: orderIds.slice(1),
        error: null,
        notice: { key: 'sync.arrangeAhead.notice', fields: { hours: 72, orders: orderIds.length }, text: '' },
      }));
    const { unmount } = renderWithCore(<GetLabelsNow />, api);
    await waitFor(() => expect(api.callsTo('sync.settings')).toHaveLength(1));
    expect(screen.queryByTestId('action-get-labels')).toBeNull();
    unmount();

    arrangeAhead = true;
    const again = renderWithCore(<GetLabelsNow />, api);
    act(() => again.store.setState((s) => ({ queue: { ...s.queue, selection: { ...s.queue.selection, ids: new Set(['O-1', 'O-2']) } } })));
    fireEvent.click(await screen.findByTestId('action-get-labels'));
    expect(screen.getByTestId('get-labels-confirm').textContent).toMatch(/2 orders.*72 h collection clock/);
    expect(api.callsTo('sync.arrangeAhead')).toEqual([]);
    fireEvent.click(screen.getByTestId('get-labels-yes'));
    await screen.findByTestId('get-labels-result');
    expect(api.callsTo('sync.arrangeAhead')).toEqual([{ orderIds: ['O-1', 'O-2'] }]);
    expect(screen.getByTestId('get-labels-result').textContent).toBe(
      'Arranged 2; labels ready 1, still coming 1, failed 0. The 72 h collection clock has started.',
    );
  });
});
