import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Response } from '../../core/api/dispatch.js';
import { defaultDbPath } from '../../core/cli/paths.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/channels.js';
import { fakeEvent, FakeBrowserWindow, FakeWebContents } from './fake-electron.js';

/** The whole main process under a fake Electron: what `electron .` would do, up to the window. */
const { electron, dir } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const appData = mkdtempSync(join(tmpdir(), 'packdesk-electron-main-'));
  return { electron: (await import('./fake-electron.js')).fakeElectron({ appData }), dir: appData };
});
vi.mock('electron', () => electron);

let win: FakeBrowserWindow;

beforeAll(async () => {
  await import('../../electron/main.js');
  electron.app.ready();
  await new Promise((r) => setTimeout(r, 0));
  win = FakeBrowserWindow.created[0]!;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ownPage = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
const invoke = (method: string, input: unknown) => electron.ipcMain.handlers.get(INVOKE_CHANNEL)!(ownPage(), method, input) as Promise<Response>;

describe('the main process', () => {
  it('holds the single-instance lock and focuses the window on a second start', () => {
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.quit).not.toHaveBeenCalled();
    win.minimized = true;
    electron.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('keeps its database in userData, the folder the CLI uses too', () => {
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', path.join(dir, 'Packdesk'));
    expect(fs.existsSync(path.join(dir, 'Packdesk', 'packdesk.db'))).toBe(true);
    expect(path.dirname(defaultDbPath({ XDG_CONFIG_HOME: dir }, 'linux'))).toBe(path.join(dir, 'Packdesk'));
  });

  it('registers app:// as a privileged scheme and serves the renderer on it', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electron.session.defaultSession.protocolHandlers.has('app')).toBe(true);
  });

  it('opens one secure window on the app page, with the preload', () => {
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(win.loaded).toEqual(['app://packdesk/index.html']);
  });

  it('hardens the session: CSP on responses, permissions denied', () => {
    const ses = electron.session.defaultSession;
    expect(ses.headersListener).toBeTypeOf('function');
    let granted: boolean | undefined;
    ses.permissionRequest!({}, 'media', (g: boolean) => (granted = g), {});
    expect(granted).toBe(false);
  });

  it('hardens every web contents the app creates', () => {
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    const nav = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', nav);
    expect(nav.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('offers the demo shop on the first run and forwards the core events it causes', async () => {
    win.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(win.webContents.sent.some((s) => s.channel === EVENT_CHANNEL)).toBe(true));
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const listed = await invoke('orders.list', { limit: 5 });
    expect(listed.ok && (listed.result as unknown[]).length).toBe(5);
  });

  it('answers calls from its page through the core, and UNKNOWN_METHOD for unknown ones', async () => {
    const res = await invoke('no.such.method', {});
    expect(!res.ok && res.error.code).toBe('UNKNOWN_METHOD');
  });

  it('on quit, holds the quit, closes the core, then quits', async () => {
    const quit = fakeEvent();
    electron.app.emit('before-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    // The database is closed: a late call is refused as closing, not run on a closed store.
    const late = await invoke('orders.list', {});
    expect(!late.ok && late.error.message).toBe('Packdesk is closing.');
    const again = fakeEvent();
    electron.app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(false);
    // SQLite removes the WAL file when the last connection closes cleanly.
    expect(fs.existsSync(path.join(dir, 'Packdesk', 'packdesk.db-wal'))).toBe(false);
  });
});
