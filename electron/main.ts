import path from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import type { Logger } from '../core/api/context.js';
import { createCore, type Core } from '../core/core.js';
import { electronSafeStorage } from '../core/platform/credentials/safe-storage-store.js';
import { forwardEvents, registerInvoke } from './ipc.js';
import { claimSingleInstance, closeCoreOnQuit, focusWindow, Inflight, offerDemoShop } from './lifecycle.js';
import { APP_ORIGIN, devServerOrigin, startUrl, type PageOrigin } from './origin.js';
import { appFiles, DB_FILE, userDataDir, type AppFiles } from './paths.js';
import { contentSecurityPolicy, hardenContents, hardenSession } from './security.js';
import { createMainWindow, registerAppScheme, serveRenderer } from './window.js';

/**
 * The Electron main process: the window, its security, and the one IPC channel into the core.
 * Everything the packer does runs in core/ and printer/, in this process (printers included).
 */

const log: Logger = { error: (message, err) => console.error(`[packdesk] ${message}`, err ?? '') };

function fail(title: string, err: unknown, files?: AppFiles): void {
  let detail = err instanceof Error ? err.message : String(err);
  if (files && !files.nativeBinding && !app.isPackaged) {
    detail += '\n\nbetter-sqlite3 has not been built for Electron yet: start Packdesk with `npm start`, which builds it.';
  }
  log.error(title, err);
  dialog.showErrorBox(title, detail);
  app.exit(1);
}

async function askForDemo(win: BrowserWindow): Promise<boolean> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'question',
    buttons: ['Load the demo shop', 'Start empty'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
    title: 'Welcome to Packdesk',
    message: 'Try Packdesk on a demo shop?',
    detail:
      'It has 240 orders in every state and 40 products with bins and barcodes. Labels go to the preview ' +
      'printer (a folder next to the database) until you set up a real printer.',
  });
  return response === 0;
}

function openStation(origin: PageOrigin, devServer: PageOrigin | null): BrowserWindow | null {
  const files = appFiles(import.meta.dirname, app.isPackaged, process.resourcesPath);
  const csp = contentSecurityPolicy(devServer);
  hardenSession(session.defaultSession, origin, csp);
  serveRenderer(session.defaultSession, files.renderer, csp);

  let core: Core;
  try {
    core = createCore({
      dbPath: path.join(app.getPath('userData'), DB_FILE),
      log,
      nativeBinding: files.nativeBinding,
      warmLabelRenderer: true,
      // The shop's secrets: the OS keychain first (the CLI reads it too), else safeStorage, else a 0600 file.
      sync: { credentials: { safeStorage: electronSafeStorage(safeStorage) }, gateways: 'worker' },
    });
  } catch (err) {
    fail('Packdesk cannot open its database', err, files);
    return null;
  }
  const inflight = new Inflight();
  closeCoreOnQuit(app, { inflight, close: () => core.close(), log });

  const win = createMainWindow({ preload: files.preload, icon: files.icon, isPackaged: app.isPackaged, url: startUrl(origin) });
  const contents = () => (win.isDestroyed() ? null : win.webContents);
  registerInvoke({ ipcMain, dispatch: core.dispatch, contents, origin, inflight, log });
  forwardEvents(core.events, contents);
  // At start, every 60 s, 1 s after an outbox write; the CLI's `sync` waits its turn (sync lock).
  core.sync.start();
  win.webContents.once('did-finish-load', () => {
    offerDemoShop(core, () => askForDemo(win)).catch((err: unknown) => log.error('Offering the demo shop failed', err));
  });
  return win;
}

export function startPackdesk(): void {
  // Before ready: the data folder's name (the CLI's too) and the app:// scheme.
  app.setName('Packdesk');
  app.setPath('userData', userDataDir(app.getPath('appData')));
  registerAppScheme();

  let win: BrowserWindow | null = null;
  if (!claimSingleInstance(app, () => focusWindow(win))) return;

  const devServer = app.isPackaged ? null : devServerOrigin(process.env.PACKDESK_DEV_SERVER_URL);
  const origin = devServer ?? APP_ORIGIN;
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, origin, app.isPackaged));
  // A packing station, not a document app: closing the window ends the session on every OS.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => {
      win = openStation(origin, devServer);
    })
    .catch((err: unknown) => fail('Packdesk cannot start', err));
}

startPackdesk();
