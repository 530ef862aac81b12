import { sql, type Db } from './db.js';

/**
 * The last job to this printer whose outcome is unknown, when nothing has been sent to the printer
 * since: the printer may still hold the half label it left. Served by the partial index on open
 * jobs, then a short scan forward from that job.
 */
export function unknownJobLastSentTo(db: Db, uri: string): number | null {
  const id = sql(
    db,
    `SELECT u.id FROM print_jobs u
      WHERE u.state = 'UNKNOWN' AND u.uri = ?
        AND NOT EXISTS (SELECT 1 FROM print_jobs s WHERE s.id > u.id AND s.uri = u.uri AND s.state = 'SENT')
      ORDER BY u.id DESC LIMIT 1`,
  )
    .pluck()
    .get(uri) as number | undefined;
  return id ?? null;
}
