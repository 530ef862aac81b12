import { BrowserWindow, protocol, type Session } from 'electron';
import { APP_SCHEME } from './channels.js';
import { rendererResponse, rendererRoot } from './renderer-files.js';
import { secureWebPreferences } from './security.js';

/**
 * Must run before the app is ready. A standard, secure scheme gives the page a real origin
 * ('self' in the CSP, ES modules, fetch) without file://'s extra privileges. Not corsEnabled:
 * the page loads only its own origin, and that privilege would let other origins read app://.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Answers app:// requests from the built renderer folder, our CSP on every response. */
export function serveRenderer(session: Session, dir: string, csp: string): void {
  const root = rendererRoot(dir);
  session.protocol.handle(APP_SCHEME, (request) => rendererResponse(root, request.url, csp));
}

export interface WindowOptions {
  preload: string;
  icon: string | undefined;
  isPackaged: boolean;
  url: string;
}

/** The packing station's one window. It shows once the page has painted, to avoid a white flash. */
export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Packdesk',
    backgroundColor: '#ffffff',
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: secureWebPreferences(opts.preload, opts.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(opts.url).catch((err: unknown) => console.error(`[packdesk] Cannot open ${opts.url}`, err));
  return win;
}
