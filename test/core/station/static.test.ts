import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawGet, startTestStation } from './support.js';

const CSP = "default-src 'self'; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'";

function expectSecurityHeaders(headers: Headers | Record<string, unknown>): void {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name.toLowerCase()]);
  expect(String(get('content-security-policy'))).toContain(CSP);
  expect(get('x-content-type-options')).toBe('nosniff');
  expect(get('referrer-policy')).toBe('no-referrer');
}

describe('station static files', () => {
  it('serves index.html for / with security headers and no caching', async () => {
    const s = await startTestStation();
    const res = await fetch(s.station.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expectSecurityHeaders(res.headers);
    expect(await res.text()).toContain('<title>Packdesk</title>');
  });

  it('serves build assets with their content types', async () => {
    const s = await startTestStation();
    const js = await fetch(new URL('/assets/app-1a2b.js', s.station.url));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expectSecurityHeaders(js.headers);
    expect(await js.text()).toBe('console.log("packdesk");');
    const css = await fetch(new URL('/assets/app-1a2b.css', s.station.url));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 (with security headers) for anything not in the build', async () => {
    const s = await startTestStation();
    for (const p of ['/missing.js', '/assets', '/assets/', '/index.html/x']) {
      const res = await fetch(new URL(p, s.station.url));
      expect(res.status, p).toBe(404);
      expectSecurityHeaders(res.headers);
    }
  });

  it('never serves a file outside the static folder', async () => {
    const s = await startTestStation();
    const secret = s.secretName;
    const attempts = [
      `/../${secret}`,
      `/%2e%2e/${secret}`,
      `/..%2f${secret}`,
      `/assets/..%2f..%2f${secret}`,
      `/%2e%2e%2f${secret}`,
      `/..%5c${secret}`,
      `/../package.json`,
      `/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd`,
      `/index.html%00.js`,
      '/%E0%A4%A',
    ];
    for (const p of attempts) {
      const res = await rawGet(s.station.port, p);
      expect(res.status, p).toBe(404);
      expect(res.body, p).not.toContain('do not serve');
    }
  });

  it('does not follow a symlink out of the static folder', async () => {
    const s = await startTestStation();
    const link = path.join(s.staticDir, 'leak.txt');
    fs.symlinkSync(path.join(s.staticDir, '..', s.secretName), link);
    const res = await rawGet(s.station.port, '/leak.txt');
    expect(res.status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const s = await startTestStation();
    const head = await rawGet(s.station.port, '/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await rawGet(s.station.port, '/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('serves a page saying how to build the screens when the build is missing', async () => {
    const s = await startTestStation({ staticDir: '/nonexistent/packdesk/dist/renderer' });
    const res = await fetch(s.station.url);
    expect(res.status).toBe(200);
    expectSecurityHeaders(res.headers);
    expect(await res.text()).toContain('npm run build:renderer');
    expect((await fetch(new URL('/assets/app.js', s.station.url))).status).toBe(404);
  });
});
