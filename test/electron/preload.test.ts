import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as channels from '../../electron/channels.js';

const electron = await vi.hoisted(async () => (await import('./fake-electron.js')).fakeElectron());
vi.mock('electron', () => electron);

type Bridge = { invoke(method: string, input: unknown): Promise<unknown>; on(event: string, cb: (payload: unknown) => void): () => void };
let bridge: Bridge;

beforeAll(async () => {
  await import('../../electron/preload.js');
  bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as Bridge;
});

describe('the preload bridge', () => {
  it('exposes exactly window.packdesk = { invoke, on }, two functions', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('packdesk');
    expect(Object.keys(api as object).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(api as object).every((v) => typeof v === 'function')).toBe(true);
  });

  it('invokes the one channel with the method and input', async () => {
    await expect(bridge.invoke('orders.list', { limit: 1 })).resolves.toEqual({ ok: true, result: 'from main' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.INVOKE_CHANNEL, 'orders.list', { limit: 1 });
  });

  it('delivers only the named event, only its payload, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.on('orders.changed', (payload) => got.push(payload));
    const ipcEvent = { sender: 'the IPC event must not reach the page' };
    electron.ipcRenderer.listeners.emit(channels.EVENT_CHANNEL, ipcEvent, { event: 'orders.changed', payload: { orderIds: ['1'] } });
    electron.ipcRenderer.listeners.emit(channels.EVENT_CHANNEL, ipcEvent, { event: 'progress', payload: { done: 1 } });
    expect(got).toEqual([{ orderIds: ['1'] }]);
    expect(typeof off).toBe('function');
    off();
    expect(electron.ipcRenderer.listeners.count(channels.EVENT_CHANNEL)).toBe(0);
    electron.ipcRenderer.listeners.emit(channels.EVENT_CHANNEL, ipcEvent, { event: 'orders.changed', payload: {} });
    expect(got).toHaveLength(1);
  });

  it('uses the channel names the main process listens on', () => {
    const src = fs.readFileSync(path.resolve(import.meta.dirname, '../../electron/preload.ts'), 'utf8');
    expect(src).toContain(`const INVOKE_CHANNEL = '${channels.INVOKE_CHANNEL}'`);
    expect(src).toContain(`const EVENT_CHANNEL = '${channels.EVENT_CHANNEL}'`);
  });

  it('imports nothing but electron (a sandboxed preload cannot require anything else)', () => {
    const src = fs.readFileSync(path.resolve(import.meta.dirname, '../../electron/preload.ts'), 'utf8');
    const specs = [...src.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(specs).toEqual(['electron']);
  });
});
