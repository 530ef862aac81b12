import type { Migration } from './types.js';

/** Handover batches: parcels scanned for a courier pick-up or a drop-off, then closed. */
export const migration002: Migration = {
  version: 2,
  name: 'handover',
  up: `
    CREATE TABLE handover_batches (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      station TEXT NOT NULL,
      carrier TEXT NOT NULL DEFAULT '',
      method TEXT NOT NULL CHECK (method IN ('PICKUP', 'DROP_OFF')),
      opened_at INTEGER NOT NULL,
      closed_at INTEGER
    ) STRICT;

    CREATE TABLE handover_parcels (
      batch_id INTEGER NOT NULL REFERENCES handover_batches(id) ON DELETE CASCADE,
      order_id TEXT NOT NULL REFERENCES orders(id),
      scanned_at INTEGER NOT NULL,
      PRIMARY KEY (batch_id, order_id)
    ) STRICT;
    -- A parcel goes to the courier once: it can sit in one batch only.
    CREATE UNIQUE INDEX handover_parcel_once ON handover_parcels(order_id);
  `,
};
