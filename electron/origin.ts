import { APP_HOST, APP_SCHEME } from './channels.js';

/**
 * Where the window's page may come from. Parsed, never compared as strings: "app://packdesk.evil"
 * starts with "app://packdesk" too. Node's URL gives a custom scheme the origin "null", so the
 * scheme and host are compared instead of URL.origin.
 */
export interface PageOrigin {
  protocol: string;
  host: string;
}

export const APP_ORIGIN: PageOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isFromOrigin(url: string, origin: PageOrigin): boolean {
  const u = parse(url);
  return u !== null && u.protocol === origin.protocol && u.host === origin.host;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The Vite dev server to load instead of the built renderer, from PACKDESK_DEV_SERVER_URL.
 * Loopback only: the window must never show a remote page, even in development.
 */
export function devServerOrigin(value: string | undefined): PageOrigin | null {
  if (!value) return null;
  const u = parse(value);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || !LOOPBACK.has(u.hostname)) return null;
  return { protocol: u.protocol, host: u.host };
}

/** The first page the window opens for this origin. */
export function startUrl(origin: PageOrigin): string {
  return origin.protocol === `${APP_SCHEME}:` ? `${origin.protocol}//${origin.host}/index.html` : `${origin.protocol}//${origin.host}/`;
}
