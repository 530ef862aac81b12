import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { setLock, syncState } from '../../../core/store/sync-state-repo.js';
import { syncRig } from './support.js';

describe('one sync cycle at a time across programs on one database', () => {
  it('a second program waits for the running cycle, then gives up with CONFLICT (sync-busy); afterwards it syncs', async () => {
    const rig = await syncRig({ sim: { orders: 120, seed: 71 } });
    await rig.connect();
    const other = rig.reopen({ lockWaitMs: 300 });
    rig.sim.controls.addFaults('delay=2@/order/202309/orders/search#1');
    const searching = new Promise<void>((resolve) => rig.sim.events.once('request', () => resolve()));
    const first = rig.core.sync.syncNow();
    await searching;
    expect(syncState(rig.core.context.db).lock).toMatchObject({ pid: process.pid });
    await expect(other.sync.syncNow()).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'sync-busy', pid: process.pid } });
    expect(other.sync.status().running).toBe(true);
    await first;
    expect(syncState(rig.core.context.db).lock).toBeNull();
    await expect(other.sync.syncNow()).resolves.toMatchObject({ pending: 0 });
    // The search ran once per cycle: the refused program never read orders while the other did.
    expect(rig.sim.controls.observer.counters.byRoute['POST /order/202309/orders/search']).toBe(3);
  });

  it('takes the lock over from a program that died holding it', async () => {
    const rig = await syncRig({ sim: { orders: 10, seed: 72 } });
    await rig.connect();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    setLock(rig.core.context.db, { owner: 'killed-cli', pid: Number(gone.stdout), host: os.hostname(), heartbeatAt: Date.now() });
    await expect(rig.call('sync.now', {})).resolves.toMatchObject({ pulled: 10 });
    expect(rig.logs.some((l) => l.includes(`Took the sync over from a Packdesk program that is gone (pid ${gone.stdout})`))).toBe(true);
  });
});
