import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import type { Response } from '../../../core/api/dispatch.js';
import type { EventName, Events } from '../../../core/api/events.js';
import { startStation, type Station, type StationOptions } from '../../../core/station/server.js';
import { tempDir, testCore, type TestCore } from '../../helpers/core.js';

export interface TestStation {
  core: TestCore;
  station: Station;
  /** The page origin the station serves, which may open the API. */
  origin: string;
  /** The built renderer this station serves (a few small files). */
  staticDir: string;
  /** A file next to the static folder that must never be served. */
  secretName: string;
}

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Registers cleanup that runs after the current test, last registered first. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

/** A fake renderer build: index.html, a hashed script and stylesheet, and a secret outside it. */
function writeRendererBuild(root: string): { staticDir: string; secretName: string } {
  const staticDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Packdesk</title><script type="module" src="/assets/app-1a2b.js"></script>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-1a2b.js'), 'console.log("packdesk");');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-1a2b.css'), 'body{margin:0}');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
  return { staticDir, secretName: 'secret.txt' };
}

/** A station on a free loopback port over a fresh core, stopped after the test. */
export async function startTestStation(over: Partial<StationOptions> = {}): Promise<TestStation> {
  const core = testCore();
  const { dir, cleanup } = tempDir('packdesk-station-');
  const build = writeRendererBuild(dir);
  const station = await startStation({ core, port: 0, staticDir: build.staticDir, ...over });
  onCleanup(() => {
    core.dispose();
    cleanup();
  });
  onCleanup(() => station.close());
  return { core, station, origin: `http://127.0.0.1:${station.port}`, ...build };
}

export function apiUrl(s: TestStation): string {
  return `ws://127.0.0.1:${s.station.port}/api`;
}

/** A `ws` client speaking the station protocol by hand, collecting replies and pushes. */
export class RawClient {
  readonly events: Array<{ event: EventName; payload: unknown }> = [];
  private readonly replies = new Map<number | null, Array<(r: Response) => void>>();
  private readonly early = new Map<number | null, Response[]>();
  private nextId = 1;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.receive(String(data)));
  }

  private receive(text: string): void {
    const msg = JSON.parse(text) as { id?: number | null; response?: Response; event?: EventName; payload?: unknown };
    if (msg.event) return void this.events.push({ event: msg.event, payload: msg.payload });
    const id = msg.id ?? null;
    const waiter = this.replies.get(id)?.shift();
    if (waiter) waiter(msg.response!);
    else this.early.set(id, [...(this.early.get(id) ?? []), msg.response!]);
  }

  /** The next reply carrying `id` (null: a frame the station could not read an id from). */
  reply(id: number | null): Promise<Response> {
    const ready = this.early.get(id)?.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.replies.set(id, [...(this.replies.get(id) ?? []), resolve]));
  }

  call(method: string, input: unknown): Promise<Response> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, input }));
    return this.reply(id);
  }

  /** Resolves when a push of `event` matching `match` has arrived (already or later). */
  async waitForEvent<E extends EventName>(event: E, match: (p: Events[E]) => boolean = () => true): Promise<Events[E]> {
    for (;;) {
      const found = this.events.find((e) => e.event === event && match(e.payload as Events[E]));
      if (found) return found.payload as Events[E];
      await new Promise((r) => this.ws.once('message', r));
    }
  }
}

/** Opens an API socket with the given handshake headers; rejects when the station refuses. */
export function connect(url: string, headers: { origin?: string; host?: string } = {}, options: WebSocket.ClientOptions = {}): Promise<RawClient> {
  const ws = new WebSocket(url, { ...options, ...(headers.origin ? { origin: headers.origin } : {}), headers: headers.host ? { Host: headers.host } : {} });
  onCleanup(() => ws.terminate());
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(new RawClient(ws)));
    ws.once('error', reject);
  });
}

export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve({ code: 1006, reason: '' });
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
}

/**
 * Sends a WebSocket handshake by hand and reports how the station answered: the HTTP status of a
 * refusal, or 101 when it switched protocols.
 */
export function handshake(port: number, headers: Record<string, string>, urlPath = '/api'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: urlPath,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A GET with the path sent exactly as written (fetch would normalise "/../x" away). */
export function rawGet(port: number, rawPath: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
