import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core.js';
import { PackdeskError } from '../domain/errors.js';
import { accessPolicy, refusal, type AccessPolicy } from './origin.js';
import { HARD_FRAME_BYTES } from './protocol.js';
import { attachSocket, keepAlive } from './sockets.js';
import { serveStatic, staticRoot } from './static.js';

/**
 * The station host: the built renderer and the core's dispatcher over a WebSocket at /api, on one
 * loopback port. It is how Packdesk runs where Electron is not available, and what the end-to-end
 * tests drive.
 */
export interface StationOptions {
  core: Core;
  /** 0 picks any free port. */
  port?: number;
  /** Loopback unless told otherwise: the API must not be reachable from the shop's network. */
  host?: string;
  /** The built renderer; when missing, a page that says how to build it is served instead. */
  staticDir?: string;
  /** Extra page origins allowed to open the API (e.g. the Vite dev server). */
  allowedOrigins?: string[];
  /** Drop a socket once this much output waits unread; default MAX_BUFFERED_BYTES. */
  maxBufferedBytes?: number;
  /** Drop a socket whose output has not moved for this long; default STALL_MS (60 s). */
  stallMs?: number;
  /** How often sockets are pinged; one that misses a ping is dropped. Default 30 s. */
  keepAliveMs?: number;
}

export interface Station {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const API_PATH = '/api';
const DEFAULT_KEEPALIVE_MS = 30_000;

function refuse(socket: Duplex, status: 403 | 404, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    // Destroyed once the refusal is flushed: destroying at once could drop it unsent.
    () => socket.destroy(),
  );
}

function isApiPath(url: string | undefined): boolean {
  try {
    return new URL(url ?? '/', 'http://station').pathname === API_PATH;
  } catch {
    return false;
  }
}

/** Turns a listen failure into a coded error the command line can print. */
function listenError(err: NodeJS.ErrnoException, host: string, port: number): PackdeskError {
  const where = `${host}:${port}`;
  if (err.code === 'EADDRINUSE')
    return new PackdeskError('CONFLICT', `Port ${port} on ${host} is already in use (EADDRINUSE); stop the other program or pass --port.`, { errno: err.code });
  if (err.code === 'EACCES')
    return new PackdeskError('INVALID_INPUT', `Not allowed to listen on ${where} (EACCES); pick a port above 1023.`, { errno: err.code });
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
    return new PackdeskError('INVALID_INPUT', `${host} is not an address of this computer (${err.code}).`, { errno: err.code });
  return new PackdeskError('INTERNAL', `Could not listen on ${where}: ${err.message}`, { errno: err.code });
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => reject(listenError(err, host, port));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

function urlFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/`;
}

/** Closes every socket politely, then forcibly if a peer does not answer the close in time. */
async function closeSockets(sockets: Set<WebSocket>): Promise<void> {
  const closing = [...sockets].map(
    (ws) =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        const force = setTimeout(() => ws.terminate(), 1000);
        ws.once('close', () => {
          clearTimeout(force);
          resolve();
        });
        ws.close(1001, 'Station shutting down');
      }),
  );
  await Promise.all(closing);
}

export async function startStation(opts: StationOptions): Promise<Station> {
  const host = opts.host ?? '127.0.0.1';
  const root = staticRoot(opts.staticDir);
  const server = http.createServer((req, res) => serveStatic(req, res, root));
  // noServer: the upgrade is ours to refuse before ws ever answers the handshake.
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_BYTES, perMessageDeflate: false });
  let policy: AccessPolicy | null = null;

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (!isApiPath(req.url)) return refuse(socket, 404, 'Not found');
    const reason = policy ? refusal(req, policy) : 'Station is starting';
    if (reason) return refuse(socket, 403, reason);
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(ws, { core: opts.core, maxBufferedBytes: opts.maxBufferedBytes, stallMs: opts.stallMs }));
  });

  const port = await listen(server, opts.port ?? 0, host);
  policy = accessPolicy(port, host, opts.allowedOrigins);
  const stopKeepAlive = keepAlive(() => wss.clients, opts.keepAliveMs ?? DEFAULT_KEEPALIVE_MS);

  let closed: Promise<void> | null = null;
  const close = () =>
    (closed ??= (async () => {
      stopKeepAlive();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closeSockets(wss.clients);
      wss.close();
      server.closeAllConnections();
      await stopped;
    })());

  return { url: urlFor(host, port), port, close };
}
