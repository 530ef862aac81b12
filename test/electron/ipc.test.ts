import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { Response } from '../../core/api/dispatch.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/channels.js';
import { CLOSING, REFUSED, forwardEvents, isAppFrame, registerInvoke } from '../../electron/ipc.js';
import { EVENT_NAMES } from '../../core/shared/vocabulary.js';
import { Inflight } from '../../electron/lifecycle.js';
import { APP_ORIGIN } from '../../electron/origin.js';
import { testCore, type TestCore } from '../helpers/core.js';
import { fakeIpcMain, FakeWebContents } from './fake-electron.js';

let core: TestCore;
let contents: FakeWebContents;
let ipcMain: ReturnType<typeof fakeIpcMain>;
let inflight: Inflight;
const log = { error: vi.fn() };

beforeEach(() => {
  core = testCore();
  contents = new FakeWebContents();
  ipcMain = fakeIpcMain();
  inflight = new Inflight();
  log.error.mockClear();
  registerInvoke({ ipcMain, dispatch: core.dispatch, contents: () => contents as unknown as WebContents, origin: APP_ORIGIN, inflight, log });
});

afterEach(() => core.dispose());

function eventFrom(sender: FakeWebContents, frame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const ownPage = () => eventFrom(contents, { url: 'app://packdesk/index.html', parent: null });

function invoke(event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Response> {
  const handler = ipcMain.handlers.get(INVOKE_CHANNEL);
  if (!handler) throw new Error('no invoke handler');
  return handler(event, method, input) as Promise<Response>;
}

describe('the invoke channel', () => {
  it('registers exactly one handler, on packdesk:invoke', () => {
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect([...ipcMain.handlers.keys()]).toEqual(['packdesk:invoke']);
  });

  it('passes a valid call from our page to the real core and returns its result', async () => {
    const res = await invoke(ownPage(), 'demo.load', { orders: 4 });
    expect(res).toEqual({ ok: true, result: { orders: 4, skus: 40 } });
    const listed = await invoke(ownPage(), 'orders.list', { limit: 2 });
    expect(listed.ok && (listed.result as unknown[]).length).toBe(2);
  });

  it('leaves input validation to the contract', async () => {
    const res = await invoke(ownPage(), 'orders.list', { limit: 'many' });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.code).toBe('INVALID_INPUT');
  });

  it('passes an unknown method through to dispatch, which answers UNKNOWN_METHOD', async () => {
    const spy = vi.spyOn(core, 'dispatch');
    const ipc = fakeIpcMain();
    registerInvoke({ ipcMain: ipc, dispatch: spy, contents: () => contents as unknown as WebContents, origin: APP_ORIGIN, inflight, log });
    const res = await (ipc.handlers.get(INVOKE_CHANNEL)!(ownPage(), 'orders.dropTable', {}) as Promise<Response>);
    expect(spy).toHaveBeenCalledWith('orders.dropTable', {});
    expect(!res.ok && res.error.code).toBe('UNKNOWN_METHOD');
    const odd = await (ipc.handlers.get(INVOKE_CHANNEL)!(ownPage(), { toString: 1 }, {}) as Promise<Response>);
    expect(!odd.ok && odd.error.code).toBe('UNKNOWN_METHOD');
  });

  it.each([
    ['a page from another origin', () => eventFrom(contents, { url: 'https://evil.example/', parent: null })],
    ['a look-alike host', () => eventFrom(contents, { url: 'app://packdesk.evil/index.html', parent: null })],
    ['a file:// page', () => eventFrom(contents, { url: 'file:///tmp/x.html', parent: null })],
    ['a subframe of our page', () => eventFrom(contents, { url: 'app://packdesk/index.html', parent: {} })],
    ['a destroyed frame', () => eventFrom(contents, null)],
    ['another WebContents showing our page', () => eventFrom(new FakeWebContents(), { url: 'app://packdesk/index.html', parent: null })],
  ])('refuses %s without calling the core', async (_name, event) => {
    const before = (await core.call('orders.list', {})).length;
    const res = await invoke(event(), 'demo.load', { orders: 3 });
    expect(res).toEqual(REFUSED);
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Refused: not the Packdesk window.' } });
    expect((await core.call('orders.list', {})).length).toBe(before);
    expect(log.error).toHaveBeenCalled();
  });

  it('refuses every caller once the window is gone', async () => {
    contents.destroyed = true;
    expect(await invoke(ownPage(), 'orders.list', {})).toEqual(REFUSED);
  });

  it('answers CLOSING once quitting has begun', async () => {
    await inflight.drain(10);
    expect(await invoke(ownPage(), 'orders.list', {})).toEqual(CLOSING);
  });

  it('tracks calls in flight so quitting can wait for them', async () => {
    const pending = invoke(ownPage(), 'demo.load', { orders: 2 });
    expect(inflight.size).toBe(1);
    await pending;
    await Promise.resolve();
    expect(inflight.size).toBe(0);
  });

  it('checks the frame itself, not only the URL', () => {
    const wc = contents as unknown as WebContents;
    expect(isAppFrame(ownPage(), wc, APP_ORIGIN)).toBe(true);
    expect(isAppFrame(ownPage(), null, APP_ORIGIN)).toBe(false);
  });
});

describe('events to the page', () => {
  it('forwards every core event on packdesk:event as { event, payload }', async () => {
    const off = forwardEvents(core.events, () => contents as unknown as WebContents);
    await core.call('demo.load', { orders: 2 });
    const changed = contents.sent.find((s) => (s.message as { event: string }).event === 'orders.changed');
    expect(changed?.channel).toBe(EVENT_CHANNEL);
    expect((changed!.message as { payload: { orderIds: string[] } }).payload.orderIds).toHaveLength(2);
    off();
    contents.sent.length = 0;
    await core.call('demo.load', { orders: 2, seed: 9 });
    expect(contents.sent).toEqual([]);
  });

  it('subscribes to every event the core has', () => {
    const on = vi.spyOn(core.events, 'on');
    forwardEvents(core.events, () => contents as unknown as WebContents);
    expect(on.mock.calls.map((c) => c[0]).sort()).toEqual([...EVENT_NAMES].sort());
    expect(EVENT_NAMES).toHaveLength(8);
  });

  it('sends nothing to a destroyed window', () => {
    forwardEvents(core.events, () => contents as unknown as WebContents);
    contents.destroyed = true;
    core.events.emit('outbox.changed', { pending: 1 });
    expect(contents.sent).toEqual([]);
  });
});
