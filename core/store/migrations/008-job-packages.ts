import type { Migration } from './types.js';

/**
 * Which package a label job was for. A split order has one label per package, so "this label
 * already printed" is a package's fact, not the order's. Null for jobs journaled before this
 * migration and for documents that are not a package's (pick lists, SKU labels, test labels).
 */
export const migration008: Migration = {
  version: 8,
  name: 'job-packages',
  up: `
    ALTER TABLE print_jobs ADD COLUMN package_id TEXT;
    CREATE INDEX print_jobs_by_package ON print_jobs(package_id, id) WHERE package_id IS NOT NULL;
  `,
};
