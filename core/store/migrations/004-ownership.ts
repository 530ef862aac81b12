import type { Migration } from './types.js';

/**
 * Who owns running work. Every Packdesk program (app, station, CLI) holds a lease while it runs;
 * print batches and jobs record the lease of the program printing them, so crash recovery touches
 * only work whose owner is dead. Orders also record who packed them, and are found by tracking
 * number without a full scan.
 */
export const migration004: Migration = {
  version: 4,
  name: 'ownership',
  up: `
    CREATE TABLE process_leases (
      owner_id TEXT PRIMARY KEY,
      pid INTEGER NOT NULL,
      host TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('app', 'station', 'cli')),
      started_at INTEGER NOT NULL,
      heartbeat_at INTEGER NOT NULL
    ) STRICT;

    -- NULL: written before leases existed, or by nobody alive; recovered like a dead owner's.
    ALTER TABLE print_batches ADD COLUMN owner_id TEXT;
    ALTER TABLE print_jobs ADD COLUMN owner_id TEXT;

    ALTER TABLE orders ADD COLUMN packed_by TEXT;

    -- A scanned code is looked up as an order on every scan: tracking numbers compare without case.
    CREATE INDEX orders_by_tracking_nocase ON orders(tracking_number COLLATE NOCASE) WHERE tracking_number <> '';
  `,
};
