import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { staticFileInside } from './static-file.js';
import { CONTENT_TYPES } from './content-types.js';

/**
 * Serves the built renderer. Only files inside the static folder are ever read: the path is
 * decoded once, resolved, and must stay under the folder's real path (symlinks included).
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  // Not framable: a foreign page must not overlay the station and steer the packer's clicks.
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** Shown when the renderer has not been built: the API still works, the page says what to do. */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Packdesk station</title>
<style>body{font:16px system-ui,sans-serif;margin:3rem;max-width:40rem}code{background:#eee;padding:0 .3em}</style></head>
<body><h1>Packdesk station is running</h1>
<p>The screens have not been built yet. Run <code>npm run build:renderer</code>, then reload this page.</p>
<p>The API is available to this page's origin at <code>/api</code>.</p></body></html>
`;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function notFound(res: ServerResponse): void {
  send(res, 404, 'text/plain; charset=utf-8', 'Not found\n', { 'Cache-Control': 'no-store' });
}

/** Hashed build assets never change under their name; anything else is revalidated. */
function cacheControl(rel: string): string {
  if (rel.endsWith('.html')) return 'no-store';
  return rel.startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function streamFile(res: ServerResponse, root: string, file: string): void {
  const size = fs.statSync(file).size;
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(size), 'Cache-Control': cacheControl(path.relative(root, file)) });
  if (res.req.method === 'HEAD') return void res.end();
  const stream = fs.createReadStream(file);
  // The headers are out: a read error can only cut the response short.
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Answers one HTTP request from the static folder (or the "not built" page when there is none).
 * `root` must be a real, absolute path: see `staticRoot`.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | null): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', 'http://station').pathname;
  } catch {
    notFound(res);
    return;
  }
  if (root === null) {
    if (pathname === '/' || pathname === '/index.html') send(res, 200, CONTENT_TYPES['.html']!, NOT_BUILT_PAGE, { 'Cache-Control': 'no-store' });
    else notFound(res);
    return;
  }
  const file = staticFileInside(root, pathname);
  if (!file) {
    notFound(res);
    return;
  }
  try {
    streamFile(res, root, file);
  } catch {
    notFound(res);
  }
}

/** The static folder's real path, or null when it is missing (then the built-in page is served). */
export function staticRoot(dir: string | undefined): string | null {
  if (!dir) return null;
  try {
    const real = fs.realpathSync(path.resolve(dir));
    return fs.statSync(real).isDirectory() && fs.existsSync(path.join(real, 'index.html')) ? real : null;
  } catch {
    return null;
  }
}
