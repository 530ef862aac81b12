import { afterEach, beforeEach } from 'vitest';
import type { ScanVerdict } from '../../../core/api/views.js';
import type { Order } from '../../../core/domain/types.js';
import { getOrder } from '../../../core/store/orders-repo.js';
import { testCore, type TestCore } from '../../helpers/core.js';

/**
 * A fresh core (real SQLite file, fixed clock) for every test of the file. Read `current()`
 * inside a test: the core is replaced before each one.
 */
export function freshCoreEachTest(): () => TestCore {
  let core: TestCore | null = null;
  beforeEach(() => {
    core = testCore();
  });
  afterEach(() => {
    core?.dispose();
    core = null;
  });
  return () => {
    if (!core) throw new Error('no core outside a test');
    return core;
  };
}

export interface OutboxRow {
  id: number;
  at: number;
  kind: string;
  orderId: string | null;
  payload: unknown;
}

export function outboxRows(core: TestCore, kind?: string): OutboxRow[] {
  const rows = core.context.db.prepare('SELECT id, at, kind, order_id, payload FROM outbox ORDER BY id').all() as {
    id: number;
    at: number;
    kind: string;
    order_id: string | null;
    payload: string;
  }[];
  return rows
    .filter((r) => kind === undefined || r.kind === kind)
    .map((r) => ({ id: r.id, at: r.at, kind: r.kind, orderId: r.order_id, payload: JSON.parse(r.payload) as unknown }));
}

export interface ScanRow {
  scan_id: string;
  station: string;
  packer: string;
  at: number;
  raw: string;
  code: string;
  order_id: string | null;
  sku_id: string | null;
  line_no: number | null;
  verdict: string;
  undone_at: number | null;
}

export function scanRows(core: TestCore): ScanRow[] {
  return core.context.db
    .prepare('SELECT scan_id, station, packer, at, raw, code, order_id, sku_id, line_no, verdict, undone_at FROM scans ORDER BY rowid')
    .all() as ScanRow[];
}

/** The order as stored now, straight from the repository (not through the API). */
export function stored(core: TestCore, id: string): Order {
  const o = getOrder(core.context.db, id);
  if (!o) throw new Error(`order ${id} is not stored`);
  return o;
}

export function packedQtys(core: TestCore, id: string): number[] {
  return stored(core, id).lines.map((l) => l.packedQuantity);
}

/** Every user table's rows, to prove a failed call changed nothing. */
export function snapshot(core: TestCore): Record<string, unknown[]> {
  const db = core.context.db;
  // The process lease's heartbeat ticks on its own timer: it is who runs, not what was saved.
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'process_leases' ORDER BY name")
    .pluck()
    .all() as string[];
  // Sorted by content: some tables have no rowid (WITHOUT ROWID), and row order is no part of "unchanged".
  const rows = (t: string) =>
    (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[])
      .map((r) => JSON.stringify(r))
      .sort()
      .map((r) => JSON.parse(r) as unknown);
  return Object.fromEntries(tables.map((t) => [t, rows(t)]));
}

/** A packer at a station: each call is one physical scan with a fresh client scan id. */
export function scanner(core: TestCore, station = 'bench-1', packer = 'pat') {
  let n = 0;
  return (code: string, opts: { singleItemMode?: boolean; scanId?: string } = {}): Promise<ScanVerdict> =>
    core.call('packing.scan', {
      station,
      packer,
      scanId: opts.scanId ?? `${station}-${++n}`,
      code,
      ...(opts.singleItemMode === undefined ? {} : { singleItemMode: opts.singleItemMode }),
    });
}

/** The PackdeskError code a call rejects with (fails the test when it resolves). */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as { code: string }).code;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
