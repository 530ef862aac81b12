import fs from 'node:fs';
import path from 'node:path';

/**
 * The one path-traversal guard for serving the built screens (station host and Electron's
 * app:// handler): the file a URL path names inside `root`, or null for anything else. The path
 * is decoded once, resolved, and must stay under `root` — a real, absolute path — also after
 * following symlinks; NUL, malformed escapes, folders and missing files are all null.
 */
export function staticFileInside(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    const real = fs.realpathSync(file);
    return real.startsWith(root + path.sep) && fs.statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}
