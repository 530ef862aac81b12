// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusBar } from '../../renderer/src/components/StatusBar.js';
import type { SyncStatusView } from '../../core/sync/views.js';
import { en } from '../../renderer/src/i18n/en.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { FakeApi } from './helpers/fake-api.js';
import { renderWithCore } from './helpers/render.js';
import { syncStatus } from './helpers/sync-status.js';

afterEach(cleanup);

/** A time today on this computer's clock (the bar shows local time). */
const at = (h: number, m: number) => new Date(2025, 2, 12, h, m).getTime();

/** A connected shop's status, with the parts a test names. */
function connected(v: Partial<SyncStatusView>): SyncStatusView {
  return { ...syncStatus(0), shop: { id: 'S1', name: 'Shop One', region: 'GB' }, ...v };
}

describe('StatusBar', () => {
  it('says no shop is connected, with the changes waiting, and never "synced" or "online"', async () => {
    const api = new FakeApi().handle('sync.status', () => syncStatus(3));
    const { store } = renderWithCore(<StatusBar />, api);
    await waitFor(() => expect(screen.getByTestId('status-sync').textContent).toBe('Not connected to a shop — 3 waiting'));
    act(() => store.getState().statusOnOutboxChanged({ pending: 1 }));
    expect(screen.getByTestId('status-sync').textContent).toBe('Not connected to a shop — 1 waiting');
    act(() => store.getState().statusOnOutboxChanged({ pending: 0 }));
    expect(screen.getByTestId('status-sync').textContent).toBe('Not connected to a shop');
    expect(document.body.textContent).not.toMatch(/synced|online/i);
  });

  it('tells each sync state the core announces, from the sync.status event', async () => {
    const api = new FakeApi().handle('sync.status', () => syncStatus(0));
    renderWithCore(<StatusBar />, api);
    const bar = () => screen.getByTestId('status-sync');
    await waitFor(() => expect(bar().dataset.state).toBe('NOT_CONNECTED'));
    const say = (v: Partial<SyncStatusView>) => act(() => api.emit('sync.status', connected(v)));

    say({ state: 'OFFLINE', key: 'sync.state.offline', fields: { since: at(10, 42), waiting: 12 }, offlineSince: at(10, 42), pending: 12 });
    expect(bar().textContent).toBe('Offline since 10:42 — 12 waiting');
    expect(bar().className).toContain('is-warning');

    say({ state: 'NEEDS_SIGN_IN', key: 'sync.state.needsSignIn', fields: { waiting: 0 } });
    expect(bar().textContent).toBe('Needs sign-in');
    expect(bar().className).toContain('is-error');

    say({ state: 'WAITING', key: 'sync.state.waiting', fields: { waiting: 0, time: at(10, 40) }, running: true });
    expect(bar().textContent).toBe('Syncing…');
    expect(bar().dataset.state).toBe('SYNCING');

    say({ state: 'SYNCED', key: 'sync.state.synced', fields: { time: at(10, 45) }, lastPullAt: at(10, 45) });
    expect(bar().textContent).toBe('Synced 10:45');
    expect(bar().className).toContain('is-ok');

    say({ state: 'PROBLEM', key: 'sync.state.problem', fields: { code: 'PLATFORM_CLOCK_SKEW', waiting: 0 } });
    expect(bar().textContent).toBe(`Sync problem: ${en['error.PLATFORM_CLOCK_SKEW']}`);

    say({ state: 'SYNCED', key: 'sync.state.synced', fields: { time: at(10, 46) }, refused: 2, conflicts: 1 });
    expect(bar().textContent).toBe('Synced 10:46 · 2 refused · 1 conflict');
    expect(screen.getByTestId('status-sync-refused').className).toBe('is-error');
  });

  it('says "Synced" only when the core does: a recent pull with the state WAITING stays "Last synced"', async () => {
    const api = new FakeApi().handle('sync.status', () =>
      connected({ state: 'WAITING', key: 'sync.state.waiting', fields: { waiting: 0, time: at(9, 5) }, lastPullAt: Date.now() }),
    );
    renderWithCore(<StatusBar />, api);
    await waitFor(() => expect(screen.getByTestId('status-sync').textContent).toBe('Last synced 09:05'));
    expect(screen.getByTestId('status-sync').textContent).not.toMatch(/^Synced/);
  });

  it('shows the station link apart from the shop: answering, not answering (red), or not linked', () => {
    const { store } = renderWithCore(<StatusBar />);
    const link = () => screen.getByTestId('status-link');
    expect(link().textContent).toBe('Station connected');
    act(() => store.getState().setAnswering(false));
    expect(link().textContent).toBe('Station not answering');
    expect(link().className).toBe('is-error');
    act(() => store.getState().setConnected(false));
    expect(link().dataset.state).toBe('disconnected');
  });

  it('says it in Chinese, plural-free', async () => {
    const api = new FakeApi().handle('sync.status', () => syncStatus(2));
    const { store } = renderWithCore(<StatusBar />, api);
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    await waitFor(() => expect(screen.getByTestId('status-sync').textContent).toBe(`${zhCN['sync.state.notConnected']} — 2 项待同步`));
  });
});
