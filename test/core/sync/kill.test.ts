/**
 * kill -9 of a real `packdesk sync` process at random points of its push and pull, again and
 * again, while the platform changes and shipments queue up. Afterwards, with two ordinary runs:
 * no shipment was lost or made twice (the simulator's counters) and no order was skipped by the
 * cursor (every simulator order is stored with its latest update_time).
 * The points are chosen by a seeded generator: the n-th platform request of the run, plus a
 * little delay so the kill also lands between a request and the write that follows it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../core/api/dispatch.js';
import { createCore } from '../../../core/core.js';
import { startSimulator } from '../../platform-sim/index.js';
import { platformClock, simOrders, storedUpdateTimes, tempDir } from './support.js';

const root = path.resolve(import.meta.dirname, '../../..');
const RUNS = 24;

/** mulberry32: the same seed, the same kill points. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

describe('kill -9 of the sync process', () => {
  it(`loses and doubles no shipment and skips no order over ${RUNS} runs killed at random points`, async () => {
    const random = seeded(20261126);
    const sim = await startSimulator({ orders: 300, seed: 31, clock: platformClock });
    const dir = tempDir();
    const dbPath = path.join(dir, 'packdesk.db');
    const core = createCore({ dbPath, log: { error: () => {} }, sync: { credentials: { keychain: null } } });
    try {
      await call(core.dispatch, 'shop.connect', {
        appKey: sim.appKey,
        appSecret: sim.appSecret,
        authCode: sim.controls.issueAuthCode(),
        apiBase: sim.apiBase,
        authBase: sim.apiBase,
      });
      const arranged = new Set<string>();
      let requestsInRun = 0;
      sim.events.on('request', () => void requestsInRun++);

      const runSync = (killAtRequest: number | null, extraDelayMs: number): Promise<Run> =>
        new Promise((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', 'sync', '--json', '--db', dbPath], {
            cwd: root,
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => {
            stderr += d.toString();
          });
          requestsInRun = 0;
          const watch = (): void => {
            if (killAtRequest === null || requestsInRun < killAtRequest) return;
            sim.events.off('request', watch);
            setTimeout(() => child.kill('SIGKILL'), extraDelayMs);
          };
          sim.events.on('request', watch);
          child.on('exit', (code, signal) => {
            sim.events.off('request', watch);
            resolve({ code, signal, stderr });
          });
        });

      let killed = 0;
      for (let run = 0; run < RUNS; run++) {
        // The platform moves on: new orders, notes changed, orders put on hold and released.
        // (addOrder, not addOrders: the shop generator backdates its orders, as for an existing shop.)
        for (let i = Math.floor(random() * 4); i >= 0; i--) sim.controls.addOrder({ status: random() < 0.2 ? 'UNPAID' : 'AWAITING_SHIPMENT' });
        const all = [...sim.state.orders.values()];
        for (let i = 0; i < 3; i++) {
          const o = all[Math.floor(random() * all.length)]!;
          if (o.status !== 'CANCELLED') sim.controls.act(o.id, 'edit-notes', { sellerNote: `run ${run} note ${i}` });
        }
        // Shipments queue up at the bench.
        const open = all.filter((o) => o.status === 'AWAITING_SHIPMENT' && !o.pendingCancelId && o.shippingType === 'TIKTOK' && !arranged.has(o.id));
        const pick = open
          .filter(() => random() < 0.08)
          .slice(0, 6)
          .map((o) => o.id);
        const known = pick.filter((id) => core.context.db.prepare('SELECT 1 FROM orders WHERE id = ?').get(id));
        if (known.length) {
          const r = await call(core.dispatch, 'shipping.arrange', { orderIds: known, allowUnpacked: true });
          for (const id of r.arranged) arranged.add(id);
        }
        const r = await runSync(1 + Math.floor(random() * 24), Math.floor(random() * 25));
        if (r.signal === 'SIGKILL') killed++;
        else expect(r.code, r.stderr).toBe(0);
      }
      expect(killed).toBeGreaterThanOrEqual(RUNS / 2);
      for (let i = 0; i < 2; i++) {
        const r = await runSync(null, 0);
        expect(r.code, r.stderr).toBe(0);
      }

      expect(arranged.size).toBeGreaterThan(10);
      const counters = sim.controls.observer.counters;
      for (const orderId of arranged) {
        for (const pkg of sim.state.orders.get(orderId)!.packageIds) {
          expect(counters.shipApplied[pkg], `package ${pkg} of ${orderId}`).toBe(1);
          expect(counters.shipCalls[pkg], `package ${pkg} of ${orderId}`).toBe(1);
        }
      }
      expect(Object.values(counters.shipApplied).every((n) => n === 1)).toBe(true);
      expect(storedUpdateTimes(core)).toEqual(simOrders(sim));
      const states = core.context.db.prepare("SELECT state, count(*) AS n FROM outbox WHERE kind = 'order.shipment_arranged' GROUP BY state").all();
      expect(states).toEqual([{ state: 'done', n: arranged.size }]);
      expect(sim.errors).toEqual([]);
    } finally {
      core.close();
      await sim.close();
    }
  }, 600_000);
});
