import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPES } from '../core/station/content-types.js';
import { staticFileInside } from '../core/station/static-file.js';

/**
 * Serves the built renderer on app://packdesk/. Only files inside the renderer folder are read:
 * the path is decoded once, resolved, and must stay under the folder's real path (symlinks too).
 */

/** The file `url` names inside `root` (a real, absolute path), or null for anything else. */
export function rendererFile(root: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  return staticFileInside(root, pathname);
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Packdesk</title></head>
<body style="font:16px system-ui,sans-serif;margin:3rem"><h1>The Packdesk screens are not built</h1>
<p>Run <code>npm run build:renderer</code> (or <code>npm start</code>, which builds them) and open Packdesk again.</p></body></html>`;

/** The answer to one app:// request: the file with our CSP, a 404, or the "not built" page. */
export async function rendererResponse(root: string, url: string, csp: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
  const file = rendererFile(root, url);
  if (!file) {
    const isIndex = /^\/(index\.html)?$/.test(safePathname(url));
    return isIndex && !fs.existsSync(path.join(root, 'index.html'))
      ? new Response(NOT_BUILT, { status: 200, headers: { ...headers, 'Content-Type': CONTENT_TYPES['.html']! } })
      : new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const body = await fs.promises.readFile(file);
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': type } });
}

function safePathname(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** The renderer folder's real path; a missing folder keeps its resolved path (the page says "not built"). */
export function rendererRoot(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
