import type { IncomingMessage } from 'node:http';

/**
 * Who may open the API socket. A WebSocket is not covered by the same-origin policy: any page the
 * packer's browser opens could connect to 127.0.0.1 and drive the station. So the Origin must be the
 * station's own page (or one the operator listed), and the Host must be the station's own address:
 * after a DNS rebinding attack the attacker's page *is* "same origin" with a hostname it controls,
 * which only the Host header gives away.
 */
export interface AccessPolicy {
  origins: Set<string>;
  hosts: Set<string>;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);

function hostWithPort(host: string, port: number): string {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${bracketed}:${port}`.toLowerCase();
}

/** Origins compare by scheme, host and port; a listed "http://x:1/" must still match "http://x:1". */
export function normaliseOrigin(origin: string): string | null {
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The station's own addresses at `port`, plus the host it was told to listen on when that is one
 * address. A wildcard listen address names no host, so then only loopback names are accepted.
 */
export function accessPolicy(port: number, listenHost: string, allowedOrigins: readonly string[] = []): AccessPolicy {
  const names = [...LOOPBACK_NAMES];
  if (!WILDCARDS.has(listenHost)) names.push(listenHost);
  const hosts = new Set(names.map((n) => hostWithPort(n, port)));
  // Browsers leave the default port out of Host and Origin.
  if (port === 80) for (const n of names) hosts.add(n.toLowerCase());
  const origins = new Set<string>();
  for (const o of [...[...hosts].map((h) => `http://${h}`), ...allowedOrigins]) {
    const n = normaliseOrigin(o);
    if (n) origins.add(n);
  }
  return { origins, hosts };
}

/** Why an upgrade request is refused, or null when it may become an API socket. */
export function refusal(req: Pick<IncomingMessage, 'headers'>, policy: AccessPolicy): string | null {
  const host = req.headers.host?.toLowerCase();
  if (!host || !policy.hosts.has(host)) return 'Host is not this station';
  const origin = req.headers.origin;
  // Browsers always send Origin on a WebSocket handshake; other programs use the CLI instead.
  if (!origin) return 'Origin missing';
  const normal = normaliseOrigin(origin);
  if (!normal || !policy.origins.has(normal)) return 'Origin not allowed';
  return null;
}
