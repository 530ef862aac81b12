/**
 * A Packdesk core on a real SQLite file connected over HTTP to the platform simulator, through a
 * TCP proxy the test can switch off (the platform "down": connections refused) and on again.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { call } from '../../../core/api/dispatch.js';
import type { InputArg, Method, Result } from '../../../core/api/contract.js';
import { createCore, type Core, type SyncOptions } from '../../../core/core.js';
import type { RuntimeOptions } from '../../../core/platform/runtime.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../platform-sim/index.js';

/** Platform client waits cut short: tests never wait out a real backoff (the logic is the same). */
export const FAST_RUNTIME: RuntimeOptions = { timeoutMs: 5_000, backoff: { maxAttempts: 5, baseMs: 2, capMs: 10, retryAfterCapMs: 10 } };

/**
 * The simulated platform's clock runs 10 s behind the wall clock Packdesk keeps. A pull window ends
 * 5 s before "now" (the platform's update times settle late); with the platform behind, a test that
 * changes an order and syncs at once sees the change, with no waiting. Signed timestamps stay inside
 * the platform's window (it accepts 30 s ahead).
 */
export const PLATFORM_BEHIND_MS = 10_000;
export const platformClock = (): number => Date.now() - PLATFORM_BEHIND_MS;

export class PlatformProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: number) {}

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      this.sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.pipe(upstream).pipe(client);
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** The platform is unreachable: open connections cut, new ones refused. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }
}

export interface SyncRig {
  sim: Simulator;
  proxy: PlatformProxy;
  core: Core;
  dir: string;
  dbPath: string;
  logs: string[];
  call<M extends Method>(method: M, input: InputArg<M>): Promise<Result<M>>;
  /** Connects the core to the simulator's first shop through the proxy. */
  connect(): Promise<Result<'shop.connect'>>;
  /** A second core on the same database (another program). */
  reopen(opts?: Partial<SyncOptions>): Core;
  dispose(): Promise<void>;
}

export interface RigOptions {
  sim?: SimulatorOptions;
  sync?: Partial<SyncOptions>;
}

const rigs: SyncRig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.dispose();
});

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-sync-'));
}

export async function syncRig(opts: RigOptions = {}): Promise<SyncRig> {
  const sim = await startSimulator({ orders: 0, clock: platformClock, ...opts.sim });
  const proxy = new PlatformProxy(Number(new URL(sim.apiBase).port));
  await proxy.up();
  const dir = tempDir();
  const dbPath = path.join(dir, 'packdesk.db');
  const logs: string[] = [];
  const log = {
    error: (m: string, e?: unknown) => void logs.push(`${m} ${e instanceof Error ? e.stack : String(e ?? '')}`),
    warn: (m: string) => void logs.push(m),
  };
  const sync: SyncOptions = { credentials: { keychain: null }, runtime: FAST_RUNTIME, lockWaitMs: 10_000, ...opts.sync };
  const core = createCore({ dbPath, log, sync });
  const extra: Core[] = [];
  const rig: SyncRig = {
    sim,
    proxy,
    core,
    dir,
    dbPath,
    logs,
    call: (method, input) => call(core.dispatch, method, input),
    connect: () =>
      call(core.dispatch, 'shop.connect', {
        appKey: sim.appKey,
        appSecret: sim.appSecret,
        authCode: sim.controls.issueAuthCode(),
        apiBase: proxy.base,
        authBase: proxy.base,
      }),
    reopen: (more = {}) => {
      const other = createCore({ dbPath, log, sync: { ...sync, ...more } });
      extra.push(other);
      return other;
    },
    dispose: async () => {
      for (const c of [core, ...extra]) {
        await c.sync.stop();
        c.close();
      }
      await proxy.down();
      await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  rigs.push(rig);
  return rig;
}

/** The orders the simulator holds for the first shop, with their update_time. */
export function simOrders(sim: Simulator): Map<string, number> {
  return new Map([...sim.state.orders.values()].map((o) => [o.id, o.updateTime]));
}

/** update_time of every order as Packdesk stored it. */
export function storedUpdateTimes(core: Core): Map<string, number> {
  const rows = core.context.db.prepare('SELECT order_id, update_time FROM platform_orders').all() as { order_id: string; update_time: number }[];
  return new Map(rows.map((r) => [r.order_id, r.update_time]));
}
