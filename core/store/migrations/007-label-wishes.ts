import type { Migration } from './types.js';

/**
 * Labels to print when they arrive: a TikTok-shipped package finished at the bench before its
 * platform label existed. The wish names the printer, station and packer; `job_id` is set in the
 * transaction that journals the print job (the wish is then spent), so a crash can neither print
 * the label twice nor forget it. A spent row is dropped once its job has left the queue.
 */
export const migration007: Migration = {
  version: 7,
  name: 'label-wishes',
  up: `
    CREATE TABLE label_wishes (
      package_id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      printer_name TEXT NOT NULL,
      station TEXT NOT NULL,
      packer TEXT NOT NULL,
      wished_at INTEGER NOT NULL,
      job_id INTEGER REFERENCES print_jobs(id)
    ) STRICT;
  `,
};
