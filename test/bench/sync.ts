/**
 * Sync speed goals (issue 9), against the platform simulator running as its own process (the
 * platform is another computer; its CPU time is not ours), with the platform calls in a worker
 * thread as in the app and the station:
 * - pull 10,000 orders (100 pages) into an empty store ≤ 5 s; an incremental pull with nothing new ≤ 200 ms;
 * - 500 shipments pushed ≤ 3 s;
 * - scan p99 ≤ 2 ms while a 10,000-order pull runs (from the call to its answer);
 * - a platform label fetched, stored and rasterised p50 ≤ 200 ms.
 * test/bench/run.ts calls `syncBenchmarks`; test/bench/sync-run.ts runs these alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import readline from 'node:readline';
import { call } from '../../core/api/dispatch.js';
import { createCore, type Core } from '../../core/core.js';
import { signIn } from '../../core/platform/client.js';
import { platformLabelBitmap } from '../../printer/platform/platform-label.js';
import type { ShopTokens } from '../../core/platform/tokens.js';
import { getConnection, syncState } from '../../core/store/sync-state-repo.js';
import type { PlatformGateway } from '../../core/sync/gateway.js';
import { saveLabelFile } from '../../core/sync/label-files.js';
import { pullOrders } from '../../core/sync/pull.js';
import { pushOutbox } from '../../core/sync/push.js';
import { DEFAULT_PULL } from '../../core/sync/window.js';
import { WorkerGateway } from '../../core/sync/worker-gateway.js';
import type { BenchRecord } from './printer.js';
import { ms, percentile, timed } from './stats.js';

const root = path.resolve(import.meta.dirname, '../..');

interface SimInfo {
  apiBase: string;
  appKey: string;
  appSecret: string;
  authCode: string;
  control: string;
}

async function startSimulatorProcess(orders: number): Promise<{ info: SimInfo; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/platform-sim/main.ts', '--json', '--orders', String(orders), '--seed', '9'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  return { info: JSON.parse(line) as SimInfo, child };
}

async function control(info: SimInfo, pathname: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${info.control}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

/** A gateway like the app's, signed in on its own (the core's connection is the same shop). */
async function gatewayFor(info: SimInfo, core: Core): Promise<PlatformGateway> {
  const tokens: ShopTokens = await signIn({
    appKey: info.appKey,
    appSecret: info.appSecret,
    authCode: ((await control(info, '/auth-codes', {})) as { auth_code: string }).auth_code,
    apiBase: info.apiBase,
    authBase: info.apiBase,
  });
  const cipher = getConnection(core.context.db)!.info.shopCipher;
  return new WorkerGateway({
    appKey: info.appKey,
    appSecret: info.appSecret,
    apiBase: info.apiBase,
    authBase: info.apiBase,
    shopCipher: cipher,
    tokens,
    saveTokens: () => {},
  });
}

async function connected(info: SimInfo, dir: string, name: string): Promise<Core> {
  const core = createCore({ dbPath: path.join(dir, `${name}.db`), log: { error: () => {} }, sync: { credentials: { keychain: null } } });
  const code = ((await control(info, '/auth-codes', {})) as { auth_code: string }).auth_code;
  await call(core.dispatch, 'shop.connect', { appKey: info.appKey, appSecret: info.appSecret, authCode: code, apiBase: info.apiBase, authBase: info.apiBase });
  return core;
}

async function benchPull(info: SimInfo, dir: string, record: BenchRecord): Promise<Core> {
  const core = await connected(info, dir, 'pull');
  const gateway = await gatewayFor(info, core);
  const first = await timed(() => pullOrders(core.sync.steps, gateway, DEFAULT_PULL));
  record(
    `pull ${first.value.received.toLocaleString('en')} orders (${first.value.pages} pages) into an empty store`,
    '≤ 5000 ms',
    first.ms,
    5000,
    `${ms(first.ms)} ms`,
  );
  const again: number[] = [];
  for (let i = 0; i < 7; i++) again.push((await timed(() => pullOrders(core.sync.steps, gateway, DEFAULT_PULL))).ms);
  record('incremental pull with nothing new', '≤ 200 ms', percentile(again, 50), 200, `${ms(percentile(again, 50))} ms median of 7`);
  await gateway.close();
  return core;
}

async function benchPush(info: SimInfo, core: Core, record: BenchRecord): Promise<void> {
  // Labels are fetched right after (benchLabels): the simulator makes them at once.
  await control(info, '/settings', { labelGeneratingCalls: 0 });
  const gateway = await gatewayFor(info, core);
  const open = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await call(core.dispatch, 'orders.list', { status: ['AWAITING_SHIPMENT'], limit: 1000, offset });
    open.push(...page);
    if (page.length < 1000) break;
  }
  // One order, one package, no buyer request: shipments the platform takes (refusals have tests of their own).
  const ids = open
    .filter((o) => o.cancelRequestedAt === null && o.packages?.length === 1 && o.packages[0]!.orderIds.length === 1 && o.packages[0]!.shippingType === 'TIKTOK')
    .slice(0, 500)
    .map((o) => o.id);
  await call(core.dispatch, 'shipping.arrange', { orderIds: ids, allowUnpacked: true });
  const settings = { handoverMethod: 'DROP_OFF' as const, rejectReason: null };
  const run = await timed(() => pushOutbox({ steps: core.sync.steps, gateway, instanceId: syncState(core.context.db).instanceId, region: 'GB', settings }));
  const refused = core.context.db.prepare("SELECT refusal FROM outbox WHERE state = 'refused'").pluck().all() as string[];
  if (refused.length) console.log(`     (${refused.length} refused: ${[...new Set(refused)].slice(0, 3).join('; ')})`);
  record(`${ids.length} shipments pushed (${run.value.done} done; batch ship, results stored)`, '≤ 3000 ms', run.ms, 3000, `${ms(run.ms)} ms`);
  await gateway.close();
}

/** Scans of demo orders, one after another with a short pause, timed from the call to the answer. */
let scanRun = 0;

async function scanWhile(core: Core, busy: Promise<unknown>): Promise<number[]> {
  const run = ++scanRun;
  const orders = (await call(core.dispatch, 'orders.list', { status: ['AWAITING_SHIPMENT'], limit: 1000 })).filter(
    (o) => o.cancelRequestedAt === null && o.packedAt === null && o.unitsPacked === 0 && o.lines.every((l) => l.barcodes.length > 0),
  );
  const times: number[] = [];
  let done = false;
  void busy.finally(() => (done = true));
  let n = 0;
  for (const order of orders) {
    if (done) break;
    const codes = [order.id, ...order.lines.flatMap((l) => Array.from({ length: l.qty }, () => l.barcodes[0]!))];
    for (const code of codes) {
      const t = performance.now();
      await call(core.dispatch, 'packing.scan', { station: 'bench', packer: 'b', scanId: `scan-${run}-${n++}`, code });
      times.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (done) break;
    }
  }
  return times;
}

async function benchScanDuringPull(info: SimInfo, dir: string, record: BenchRecord): Promise<void> {
  const core = await connected(info, dir, 'scan');
  await call(core.dispatch, 'demo.load', { orders: 3000, seed: 4 });
  // The same scans with nothing else running in this process: what the machine itself allows.
  const alone = await scanWhile(core, new Promise((resolve) => setTimeout(resolve, 4_000)));
  record(
    'scan with no pull running (baseline on this machine)',
    '—',
    0,
    0,
    `p50 ${ms(percentile(alone, 50))} ms, p99 ${ms(percentile(alone, 99))} ms over ${alone.length} scans`,
  );
  const gateway = await gatewayFor(info, core);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const pull = pullOrders(core.sync.steps, gateway, DEFAULT_PULL);
  const scans = await scanWhile(core, pull);
  const pulled = await pull;
  loop.disable();
  console.log(`     (event loop delay during the pull: p99 ${ms(loop.percentile(99) / 1e6)} ms, max ${ms(loop.max / 1e6)} ms)`);
  record(
    `scan while a ${pulled.received.toLocaleString('en')}-order pull runs (call to answer)`,
    'p99 ≤ 2 ms',
    percentile(scans, 99),
    2,
    `p50 ${ms(percentile(scans, 50))} ms, p99 ${ms(percentile(scans, 99))} ms, max ${ms(Math.max(...scans))} ms over ${scans.length} scans`,
  );
  await gateway.close();
  core.close();
}

async function benchLabels(info: SimInfo, core: Core, dir: string, record: BenchRecord): Promise<void> {
  const gateway = await gatewayFor(info, core);
  const shipped = core.context.db
    .prepare("SELECT id FROM packages WHERE shipped_at IS NOT NULL AND shipping_type = 'TIKTOK' AND status = 'PROCESSING' LIMIT 31")
    .pluck()
    .all() as string[];
  const times: number[] = [];
  for (const [i, id] of shipped.entries()) {
    const t = await timed(async () => {
      const label = await gateway.fetchLabel(id);
      await saveLabelFile(dir, label.pdf, 'pdf');
      return platformLabelBitmap(label.pdf, { language: 'zpl', dpi: 203 });
    });
    if (i > 0) times.push(t.ms); // the first also loads pdfjs (see the printer benchmark)
  }
  record(
    'platform label fetch + store + rasterise (203 dpi)',
    'p50 ≤ 200 ms',
    percentile(times, 50),
    200,
    `p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms over ${times.length} labels`,
  );
  await gateway.close();
}

/** `only`: 'pull' (with push and labels) or 'scan', to run a part alone. */
export async function syncBenchmarks(record: BenchRecord, only?: 'pull' | 'scan'): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-sync-bench-'));
  const sim = await startSimulatorProcess(10_000);
  try {
    if (only !== 'scan') {
      const core = await benchPull(sim.info, dir, record);
      await benchPush(sim.info, core, record);
      await benchLabels(sim.info, core, dir, record);
      core.close();
    }
    if (only !== 'pull') await benchScanDuringPull(sim.info, dir, record);
  } finally {
    sim.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
