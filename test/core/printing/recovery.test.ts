import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/core.js';
import { LEASE_STALE_MS } from '../../../core/domain/lease.js';
import { queueJob, setJobState } from '../../../core/store/print-jobs-repo.js';
import { testCore, type TestCore } from '../../helpers/core.js';
import { peek } from './processes.js';

const cores: { close(): void }[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

/** A program's lease, its running batch and the label it is sending, written as that program would. */
function workOf(core: TestCore, owner: { id: string; host: string; pid: number; heartbeatAgo: number }): { batchId: number; jobId: number } {
  const db = core.context.db;
  const now = Date.now();
  db.prepare("INSERT INTO process_leases (owner_id, pid, host, role, started_at, heartbeat_at) VALUES (?, ?, ?, 'station', ?, ?)").run(
    owner.id,
    owner.pid,
    owner.host,
    now - 3_600_000,
    now - owner.heartbeatAgo,
  );
  const batchId = Number(
    db
      .prepare(
        "INSERT INTO print_batches (document, printer_name, state, station, packer, owner_id, created_at, updated_at) VALUES ('SHIPPING_LABEL', 'Z', 'RUNNING', 's', 'p', ?, 1, 1)",
      )
      .run(owner.id).lastInsertRowid,
  );
  const jobId = queueJob(
    db,
    {
      batchId,
      seq: 0,
      orderId: null,
      document: 'SHIPPING_LABEL',
      printerName: 'Z',
      uri: 'tcp://z',
      language: 'zpl',
      kind: 'PRINT',
      resendOf: null,
      station: 's',
      packer: 'p',
      ownerId: owner.id,
    },
    1,
  );
  setJobState(db, jobId, 'SENDING', 1, { ownerId: owner.id });
  return { batchId, jobId };
}

describe('recovery at start-up touches only work whose owner is dead', () => {
  it('a program on another computer: stale heartbeat → recovered; fresh heartbeat → left alone', () => {
    const first = testCore();
    cores.push({ close: () => first.dispose() });
    const stale = workOf(first, { id: 'far-dead', host: 'packing-pc-2', pid: process.pid, heartbeatAgo: LEASE_STALE_MS + 1000 });
    const alive = workOf(first, { id: 'far-alive', host: 'packing-pc-3', pid: 999_999, heartbeatAgo: 1000 });
    const next = createCore({ dbPath: first.dbPath, log: { error: () => {} } });
    cores.push(next);
    const state = (table: string, id: number) => peek(first.dbPath, (c) => c.prepare(`SELECT state FROM ${table} WHERE id = ?`).pluck().get(id));
    expect([state('print_jobs', stale.jobId), state('print_batches', stale.batchId)]).toEqual(['UNKNOWN', 'PAUSED']);
    expect([state('print_jobs', alive.jobId), state('print_batches', alive.batchId)]).toEqual(['SENDING', 'RUNNING']);
    const leases = peek(first.dbPath, (c) => c.prepare('SELECT owner_id FROM process_leases ORDER BY owner_id').pluck().all());
    expect(leases).not.toContain('far-dead');
    expect(leases).toContain('far-alive');
  });

  it('a program on this computer whose process is gone is dead, however fresh its heartbeat', () => {
    const first = testCore();
    cores.push({ close: () => first.dispose() });
    // A pid no process has: the highest pid Linux hands out is far below this.
    const gone = workOf(first, { id: 'here-gone', host: os.hostname(), pid: 2 ** 30, heartbeatAgo: 0 });
    const next = createCore({ dbPath: first.dbPath, log: { error: () => {} } });
    cores.push(next);
    expect(peek(first.dbPath, (c) => c.prepare('SELECT state FROM print_jobs WHERE id = ?').pluck().get(gone.jobId))).toBe('UNKNOWN');
  });

  it('holds a lease while open and gives it back on close', () => {
    const core = testCore();
    const lease = core.context.process.lease;
    expect(lease).toMatchObject({ pid: process.pid, host: os.hostname(), role: 'app' });
    expect(peek(core.dbPath, (c) => c.prepare('SELECT role FROM process_leases WHERE owner_id = ?').pluck().get(lease.ownerId))).toBe('app');
    core.close();
    expect(peek(core.dbPath, (c) => c.prepare('SELECT count(*) FROM process_leases WHERE owner_id = ?').pluck().get(lease.ownerId))).toBe(0);
    core.dispose();
  });
});
