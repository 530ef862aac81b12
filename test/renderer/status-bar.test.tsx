// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusBar } from '../../renderer/src/components/StatusBar.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { FakeApi } from './helpers/fake-api.js';
import { renderWithCore } from './helpers/render.js';
import { syncStatus } from './helpers/sync-status.js';

afterEach(cleanup);

describe('StatusBar', () => {
  it('says no shop is connected, with the changes waiting, and never "synced" or "online"', async () => {
    const api = new FakeApi().handle('sync.status', () => syncStatus(3));
    const { store } = renderWithCore(<StatusBar />, api);
    await waitFor(() => expect(screen.getByTestId('status-sync').textContent).toBe('Not connected to a shop · 3 changes waiting'));
    act(() => store.getState().statusOnOutboxChanged({ pending: 1 }));
    expect(screen.getByTestId('status-sync').textContent).toBe('Not connected to a shop · 1 change waiting');
    act(() => store.getState().statusOnOutboxChanged({ pending: 0 }));
    expect(screen.getByTestId('status-sync').textContent).toBe('Not connected to a shop');
    expect(document.body.textContent).not.toMatch(/synced|online/i);
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
    await waitFor(() => expect(screen.getByTestId('status-sync').textContent).toBe(`${zhCN['status.noShop']} · 2 项更改待同步`));
  });
});
