/**
 * The shop's secrets (app secret, access and refresh tokens, auth code) never show up where they
 * do not belong: not in logs, not in a dump of the database, not in exports, not in what the API
 * answers or pushes to the screens, and not in the CLI's output (sync-cli.test.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlatformLogEntry } from '../../../core/platform/runtime.js';
import { FAST_RUNTIME, syncRig } from './support.js';

function issuedTokens(book: unknown): string[] {
  const maps = ['codes', 'access', 'refresh'].map((k) => Reflect.get(book as object, k) as Map<string, unknown>);
  return maps.flatMap((m) => [...m.keys()]);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('secrets', () => {
  it('stay out of logs, the database file, exports, API answers and events', async () => {
    const platformLog: PlatformLogEntry[] = [];
    const rig = await syncRig({ sim: { orders: 60, seed: 61 }, sync: { runtime: { ...FAST_RUNTIME, log: (e) => void platformLog.push(e) } } });
    const events: unknown[] = [];
    for (const name of ['sync.status', 'orders.changed', 'outbox.changed'] as const) rig.core.events.on(name, (p) => void events.push(p));
    const answers: unknown[] = [await rig.connect(), await rig.call('sync.now', {})];
    // A refresh mid-cycle (new pair saved), failures and retries (logged), an answer lost.
    rig.sim.controls.expireAccessTokens();
    rig.sim.controls.addFaults('500@/order/202309/orders/search#2,lost@POST:/fulfillment/202309/packages/ship#1');
    const open = [...rig.sim.state.orders.values()].find((o) => o.status === 'AWAITING_SHIPMENT' && !o.pendingCancelId && !o.splitOrCombine)!;
    await rig.call('shipping.arrange', { orderIds: [open.id], allowUnpacked: true });
    answers.push(await rig.call('sync.now', {}));
    rig.sim.controls.addFaults('code=36004002@/api/v2/token/refresh');
    rig.sim.controls.expireAccessTokens();
    await expect(rig.call('sync.now', {})).rejects.toMatchObject({ code: 'PLATFORM_AUTH_NEEDED' });
    answers.push(
      await rig.call('shop.status', {}),
      await rig.call('sync.status', {}),
      await rig.call('sync.entries', { states: ['done', 'pending', 'refused'] }),
    );
    const exported = await rig.call('export.orders', { dir: path.join(rig.dir, 'exports') });
    await rig.core.sync.stop();
    rig.core.close();

    const secrets = [rig.sim.appSecret, ...issuedTokens(rig.sim.controls.tokens)];
    expect(secrets.length).toBe(6); // the secret, the auth code, two access and two refresh tokens
    expect(rig.sim.controls.observer.counters.tokenRefreshes).toBeGreaterThanOrEqual(1);
    const dump = execFileSync('sqlite3', [rig.dbPath, '.dump'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(dump).toContain('shop_connection');
    const places: [string, string][] = [
      ['logs', rig.logs.join('\n')],
      ['platform log', JSON.stringify(platformLog)],
      ['database dump', dump],
      ['exports', exported.files.map((f) => fs.readFileSync(f, 'utf8')).join('\n')],
      ['API answers', JSON.stringify(answers)],
      ['events', JSON.stringify(events)],
    ];
    expect(platformLog.some((e) => e.event === 'retry')).toBe(true);
    for (const [where, text] of places) for (const secret of secrets) expect(text.includes(secret), `${where} holds ${secret.slice(0, 6)}…`).toBe(false);
    // Only the credential file (0600, beside the database, never in it) holds them.
    const holders = filesUnder(rig.dir).filter((f) => secrets.some((s) => fs.readFileSync(f).includes(s)));
    expect(holders.map((f) => path.relative(rig.dir, f))).toEqual([expect.stringMatching(/^credentials\/[\w-]+\.json$/)]);
    expect(fs.statSync(holders[0]!).mode & 0o777).toBe(0o600);
  });
});
