import type { Order, OrderStatus } from '../domain/types.js';
import { sql, type Db } from './db.js';
import type { OrderRow } from './order-rows.js';
import { hydrate } from './orders-repo.js';

export interface ExportQuery {
  /** Created at or after (ms). */
  from: number;
  /** Created before (ms). */
  to: number;
  /** Only these statuses; every status when absent or empty. */
  statuses?: readonly OrderStatus[] | undefined;
}

/** The orders an export covers, oldest first (ties by id, so two exports list them alike). */
export function ordersForExport(db: Db, q: ExportQuery): Order[] {
  const where = ['created_at >= ?', 'created_at < ?'];
  const params: unknown[] = [q.from, q.to];
  if (q.statuses?.length) {
    where.push(`status IN (${q.statuses.map(() => '?').join(',')})`);
    params.push(...q.statuses);
  }
  const rows = sql(db, `SELECT * FROM orders WHERE ${where.join(' AND ')} ORDER BY created_at, id`).all(...params) as OrderRow[];
  return hydrate(db, rows);
}
