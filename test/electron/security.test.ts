import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, devServerOrigin, isFromOrigin, startUrl } from '../../electron/origin.js';
import { contentSecurityPolicy, hardenContents, hardenSession, mayRequest, secureWebPreferences } from '../../electron/security.js';
import { fakeEvent, fakeSession, FakeWebContents } from './fake-electron.js';

const CSP = contentSecurityPolicy(null);

describe('window settings', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', true);
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('closes devtools in packaged builds only', () => {
    expect(secureWebPreferences('p', true).devTools).toBe(false);
    expect(secureWebPreferences('p', false).devTools).toBe(true);
  });
});

describe('content security policy', () => {
  it('allows the app its own files and names no remote origin', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).not.toMatch(/https?:|wss?:|\*/);
    expect(CSP).not.toContain('unsafe-eval');
  });

  it('opens only the loopback dev server in development', () => {
    const dev = contentSecurityPolicy(devServerOrigin('http://localhost:5173'));
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).not.toMatch(/https?:\/\//);
  });
});

describe('origins', () => {
  it('accepts only loopback dev servers', () => {
    expect(devServerOrigin('http://localhost:5173')).toEqual({ protocol: 'http:', host: 'localhost:5173' });
    expect(devServerOrigin('http://127.0.0.1:5173/')).toEqual({ protocol: 'http:', host: '127.0.0.1:5173' });
    expect(devServerOrigin('https://example.com')).toBeNull();
    expect(devServerOrigin('http://localhost.evil.com:5173')).toBeNull();
    expect(devServerOrigin('file:///etc/passwd')).toBeNull();
    expect(devServerOrigin(undefined)).toBeNull();
  });

  it('compares scheme and host, not string prefixes', () => {
    expect(isFromOrigin('app://packdesk/index.html', APP_ORIGIN)).toBe(true);
    expect(isFromOrigin('app://packdesk.evil/index.html', APP_ORIGIN)).toBe(false);
    expect(isFromOrigin('app://packdesk:81/', APP_ORIGIN)).toBe(false);
    expect(isFromOrigin('https://packdesk/', APP_ORIGIN)).toBe(false);
    expect(isFromOrigin('not a url', APP_ORIGIN)).toBe(false);
    expect(startUrl(APP_ORIGIN)).toBe('app://packdesk/index.html');
  });

  it('lets the session fetch only the app, inline data and the dev server socket', () => {
    expect(mayRequest('app://packdesk/assets/index.js', APP_ORIGIN)).toBe(true);
    expect(mayRequest('data:image/png;base64,AA==', APP_ORIGIN)).toBe(true);
    expect(mayRequest('https://cdn.example.com/x.js', APP_ORIGIN)).toBe(false);
    expect(mayRequest('file:///etc/passwd', APP_ORIGIN)).toBe(false);
    expect(mayRequest('ws://localhost:5173/', APP_ORIGIN)).toBe(false);
    const dev = devServerOrigin('http://localhost:5173')!;
    expect(mayRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(mayRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(mayRequest('http://localhost:8080/', dev)).toBe(false);
  });
});

describe('session hardening', () => {
  const ses = fakeSession();
  hardenSession(ses as unknown as Session, APP_ORIGIN, CSP);

  it('sets our CSP on every response, replacing any other', () => {
    let result: { responseHeaders?: Record<string, string[]> } = {};
    ses.headersListener!(
      { url: 'app://packdesk/', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (r: typeof result) => (result = r),
    );
    expect(result.responseHeaders).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CSP] });
  });

  it('cancels requests to anywhere but the app', () => {
    const answer = (url: string) => {
      let cancel: boolean | undefined;
      ses.requestListener!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(answer('app://packdesk/index.html')).toBe(false);
    expect(answer('https://tracker.example.com/pixel')).toBe(true);
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'usb', 'hid', 'openExternal']) {
      let granted: boolean | undefined;
      ses.permissionRequest!({}, permission, (g: boolean) => (granted = g), {});
      expect(granted, permission).toBe(false);
      expect(ses.permissionCheck!({}, permission, 'app://packdesk', {}), permission).toBe(false);
    }
    expect(ses.devicePermission!({ deviceType: 'usb', origin: 'app://packdesk' })).toBe(false);
  });
});

describe('web contents hardening', () => {
  function hardened(isPackaged = true) {
    const contents = new FakeWebContents();
    hardenContents(contents as unknown as WebContents, APP_ORIGIN, isPackaged);
    return contents;
  }

  it('blocks navigation away from the app and allows it within', () => {
    const contents = hardened();
    const away = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const within = fakeEvent({ url: 'app://packdesk/index.html' });
    contents.emit('will-navigate', within);
    expect(within.defaultPrevented).toBe(false);
    const redirect = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
  });

  it('denies window.open and <webview>', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'app://packdesk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });

  it('closes devtools if they open in a packaged build, not in development', () => {
    const packaged = hardened(true);
    packaged.emit('devtools-opened');
    expect(packaged.closeDevTools).toHaveBeenCalled();
    const dev = hardened(false);
    dev.emit('devtools-opened');
    expect(dev.closeDevTools).not.toHaveBeenCalled();
  });
});
