import type { Migration } from './types.js';

/**
 * Printers, which printer prints which document, the print-job journal and cached platform
 * labels. A job is written before any byte is sent, so a crash never loses one and never prints
 * one twice silently.
 */
export const migration003: Migration = {
  version: 3,
  name: 'printing',
  up: `
    CREATE TABLE printers (
      name TEXT PRIMARY KEY,
      uri TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('zpl', 'escpos', 'tspl')),
      dpi INTEGER NOT NULL CHECK (dpi IN (203, 300)),
      stock_width_mm REAL NOT NULL DEFAULT 100,
      stock_height_mm REAL NOT NULL DEFAULT 150,
      offset_x_mm REAL NOT NULL DEFAULT 0,
      offset_y_mm REAL NOT NULL DEFAULT 0,
      darkness INTEGER,
      rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 180)),
      options TEXT NOT NULL DEFAULT '{}',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE document_printers (
      document TEXT PRIMARY KEY CHECK (document IN ('SHIPPING_LABEL', 'PICK_LIST', 'SKU_LABEL')),
      printer_name TEXT NOT NULL REFERENCES printers(name) ON DELETE CASCADE ON UPDATE CASCADE
    ) STRICT;

    CREATE TABLE print_batches (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      document TEXT NOT NULL,
      printer_name TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('RUNNING', 'PAUSED', 'DONE')),
      paused_code TEXT,
      paused_message TEXT,
      station TEXT NOT NULL,
      packer TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE print_jobs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      batch_id INTEGER REFERENCES print_batches(id),
      seq INTEGER NOT NULL DEFAULT 0,
      order_id TEXT,
      document TEXT NOT NULL,
      printer_name TEXT NOT NULL,
      uri TEXT NOT NULL,
      language TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'UNKNOWN')),
      kind TEXT NOT NULL CHECK (kind IN ('PRINT', 'REPRINT', 'RESEND', 'TEST')),
      resend_of INTEGER REFERENCES print_jobs(id),
      error_code TEXT,
      error_message TEXT,
      bytes INTEGER,
      station TEXT NOT NULL,
      packer TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      sent_at INTEGER,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX print_jobs_by_order ON print_jobs(order_id, id);
    CREATE INDEX print_jobs_by_batch ON print_jobs(batch_id, seq);
    CREATE INDEX print_jobs_open ON print_jobs(state) WHERE state IN ('QUEUED', 'SENDING', 'UNKNOWN');

    CREATE TABLE platform_labels (
      order_id TEXT PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('pdf', 'png')),
      content BLOB NOT NULL,
      fetched_at INTEGER NOT NULL
    ) STRICT;
  `,
};
