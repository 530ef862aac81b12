/**
 * The CLI the acceptance checks drive: `shop connect|status|disconnect`, `sync [--json]`,
 * `sync status [--json]`, and the order commands over synced data — each in its own process,
 * against the platform simulator over HTTP.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../platform-sim/index.js';
import { platformClock, tempDir } from '../sync/support.js';

const root = path.resolve(import.meta.dirname, '../../..');
const open: { sims: Simulator[]; dirs: string[] } = { sims: [], dirs: [] };
afterEach(async () => {
  for (const s of open.sims.splice(0)) await s.close();
  for (const d of open.dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cliIn(db: string) {
  return (...args: string[]): Promise<Ran> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', ...args, '--db', db], { cwd: root });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
}

async function setUp(options: Parameters<typeof startSimulator>[0] = {}) {
  const sim = await startSimulator({ orders: 30, seed: 51, clock: platformClock, ...options });
  open.sims.push(sim);
  const dir = tempDir();
  open.dirs.push(dir);
  const cli = cliIn(path.join(dir, 'packdesk.db'));
  const connectArgs = (extra: string[] = []) => [
    'shop',
    'connect',
    '--app-key',
    sim.appKey,
    '--app-secret',
    sim.appSecret,
    '--api-base',
    sim.apiBase,
    '--auth-base',
    sim.apiBase,
    ...extra,
  ];
  return { sim, dir, cli, connectArgs };
}

describe('packdesk shop and sync commands', () => {
  it('connects with an auth code, syncs, and reports status — without ever printing a secret', async () => {
    const { sim, cli, connectArgs } = await setUp();
    const code = sim.controls.issueAuthCode();
    const connected = await cli(...connectArgs(['--auth-code', code]));
    expect(connected.code, connected.stderr).toBe(0);
    expect(connected.stdout).toMatch(/Connected to Packdesk Demo Shop/);

    const status = await cli('shop', 'status', '--json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ connected: true, shop: { name: 'Packdesk Demo Shop', region: 'GB' }, appKey: sim.appKey });

    const synced = await cli('sync', '--json');
    expect(synced.code, synced.stderr).toBe(0);
    const summary = JSON.parse(synced.stdout);
    expect(summary).toMatchObject({ pulled: 30, pending: 0, refused: 0 });
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['pulled', 'pushed', 'labels', 'pending', 'refused']));

    const syncStatus = await cli('sync', 'status', '--json');
    expect(JSON.parse(syncStatus.stdout)).toMatchObject({
      state: 'SYNCED',
      shop: { name: 'Packdesk Demo Shop' },
      pending: 0,
      lastPullAt: expect.any(Number),
      lastPushAt: expect.any(Number),
    });
    const text = await cli('sync', 'status');
    expect(text.stdout).toMatch(/^Synced \d\d:\d\d/);

    const orders = JSON.parse((await cli('orders', '--json', '--status', 'AWAITING_SHIPMENT')).stdout) as {
      id: string;
      status: string;
      trackingNumber: string;
      lines: { sellerSku: string; qty: number }[];
      packages: { id: string; origin: string }[];
    }[];
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(o.status).toBe('AWAITING_SHIPMENT');
      expect(o.lines.every((l) => l.sellerSku !== '' && l.qty > 0)).toBe(true);
      expect(o.packages.map((p) => p.id)).toEqual(sim.state.orders.get(o.id)!.packageIds);
      expect(o.packages.every((p) => p.origin === 'PLATFORM')).toBe(true);
    }
    const all = [connected, status, synced, syncStatus, text].map((r) => r.stdout + r.stderr).join('\n');
    expect(all).not.toContain(sim.appSecret);
    expect(all).not.toContain(code);
  }, 120_000);

  it('connects with tokens typed in, and with several shops lists them and exits non-zero unless one is named', async () => {
    const { sim, cli, connectArgs } = await setUp({ shops: 2 });
    const several = await cli(...connectArgs(['--auth-code', sim.controls.issueAuthCode()]));
    expect(several.code).not.toBe(0);
    expect(several.stderr).toMatch(/^error INVALID_INPUT: This authorisation covers 2 shops/m);
    for (const shop of sim.state.shops) expect(several.stdout).toContain(shop.cipher);

    const answer = await fetch(
      `${sim.authBase}/api/v2/token/get?app_key=${sim.appKey}&app_secret=${sim.appSecret}&auth_code=${sim.controls.issueAuthCode()}&grant_type=authorized_code`,
    );
    const tokens = (await answer.json()) as { data: { access_token: string; refresh_token: string } };
    const second = sim.state.shops[1]!;
    const named = await cli(
      ...connectArgs(['--access-token', tokens.data.access_token, '--refresh-token', tokens.data.refresh_token, '--shop-cipher', second.cipher]),
    );
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain(second.name);
    expect(named.stdout + named.stderr).not.toContain(tokens.data.access_token);
    expect(named.stdout + named.stderr).not.toContain(tokens.data.refresh_token);
  }, 120_000);

  it('with several shops, the same (single-use) auth code connects once a shop is named: the tokens it gave wait in the credential store', async () => {
    const { sim, cli, connectArgs } = await setUp({ shops: 2 });
    const code = sim.controls.issueAuthCode();
    expect((await cli(...connectArgs(['--auth-code', code]))).code).not.toBe(0);
    const second = sim.state.shops[1]!;
    const named = await cli(...connectArgs(['--auth-code', code, '--shop-cipher', second.cipher]));
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain(second.name);
    // Spent now: a third try with the code signs in afresh, which the platform refuses.
    expect((await cli('shop', 'disconnect')).code).toBe(0);
    const again = await cli(...connectArgs(['--auth-code', code, '--shop-cipher', second.cipher]));
    expect(again.code).not.toBe(0);
  }, 120_000);

  it('exits non-zero with error CODE when the platform cannot be reached or sign-in is needed, 0 with refused entries listed', async () => {
    const { sim, cli, connectArgs } = await setUp();
    expect((await cli(...connectArgs(['--auth-code', sim.controls.issueAuthCode()]))).code).toBe(0);
    expect((await cli('sync')).code).toBe(0);
    const order = [...sim.state.orders.values()].find((o) => o.status === 'AWAITING_SHIPMENT' && !o.splitOrCombine && !o.pendingCancelId)!;
    expect((await cli('ship', order.id, '--allow-unpacked')).code).toBe(0);
    const unknown = await cli('ship', 'NO-SUCH-ORDER', order.id);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/^error ORDER_NOT_FOUND: /m);
    sim.controls.act(order.id, 'request-cancel');
    const refused = await cli('sync');
    expect(refused.code, refused.stderr).toBe(0);
    expect(refused.stdout).toMatch(new RegExp(`refused #\\d+ order\\.shipment_arranged ${order.id}: PLATFORM_REJECTED`));

    sim.controls.addFaults('reset@/**');
    const offline = await cli('sync');
    expect(offline.code).not.toBe(0);
    expect(offline.stderr).toMatch(/^error PLATFORM_UNREACHABLE: /m);
    expect((await cli('sync', 'status')).stdout).toMatch(/^Offline since \d\d:\d\d/);
    sim.controls.clearFaults();

    sim.controls.expireAccessTokens();
    sim.controls.addFaults('code=36004002@/api/v2/token/refresh');
    const signIn = await cli('sync');
    expect(signIn.code).not.toBe(0);
    expect(signIn.stderr).toMatch(/^error PLATFORM_AUTH_NEEDED: /m);
    expect((await cli('sync', 'status')).stdout).toMatch(/^Needs sign-in/);

    const gone = await cli('shop', 'disconnect');
    expect(gone.code).toBe(0);
    expect((await cli('sync', 'status')).stdout).toMatch(/^Not connected to a shop/);
    const notConnected = await cli('sync');
    expect(notConnected.code).not.toBe(0);
    expect(notConnected.stderr).toMatch(/^error PLATFORM_AUTH_NEEDED: No shop is connected/m);
  }, 180_000);
});
