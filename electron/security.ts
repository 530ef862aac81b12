import type { Session, WebContents, WebPreferences } from 'electron';
import { isFromOrigin, type PageOrigin } from './origin.js';

/**
 * The renderer's Content-Security-Policy: its own files only, no remote origin anywhere. The dev
 * server needs an inline script (Vite's React-refresh preamble) and its HMR socket; nothing else.
 */
export function contentSecurityPolicy(devServer: PageOrigin | null): string {
  const devSocket = devServer ? ` ${devServer.protocol === 'https:' ? 'wss' : 'ws'}://${devServer.host}` : '';
  return [
    "default-src 'self'",
    devServer ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // React's style attributes are inline styles.
    "style-src 'self' 'unsafe-inline'",
    // Barcode and label previews are drawn into data: and blob: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${devSocket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every setting Electron's security checklist asks for; the preload is the page's only bridge. */
export function secureWebPreferences(preload: string, isPackaged: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // A file dropped on the window must not replace the app with that file.
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries: the app makes no network calls of its own.
    spellcheck: false,
    devTools: !isPackaged,
    safeDialogs: true,
  };
}

/** Schemes the page may load besides its own origin: inline data and Chromium's own devtools. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/** Whether the session may fetch `url`: the page's origin (and, in development, its HMR socket). */
export function mayRequest(url: string, origin: PageOrigin): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(u.protocol)) return true;
  if (isFromOrigin(url, origin)) return true;
  const socket = origin.protocol === 'https:' ? 'wss:' : origin.protocol === 'http:' ? 'ws:' : null;
  return socket !== null && u.protocol === socket && u.host === origin.host;
}

function withoutHeader(headers: Record<string, string[]> | undefined, name: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() !== name) out[k] = v;
  return out;
}

/**
 * Session-wide rules: our CSP on every response (replacing any the dev server sends), requests
 * outside the page's origin cancelled, and every permission and device request refused.
 */
export function hardenSession(session: Session, origin: PageOrigin, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = withoutHeader(details.responseHeaders, 'content-security-policy');
    responseHeaders['Content-Security-Policy'] = [csp];
    callback({ responseHeaders });
  });
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayRequest(details.url, origin) }));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Rules for every WebContents the app creates: no navigation away from the app, no new windows,
 * no <webview>, and (packaged) no devtools even if something opens them.
 */
export function hardenContents(contents: WebContents, origin: PageOrigin, isPackaged: boolean): void {
  contents.on('will-navigate', (event) => {
    if (!isFromOrigin(event.url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isFromOrigin(event.url, origin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
}
