import type { Migration } from './types.js';

/** Orders with their lines, the catalogue, every scan, the outbox and station settings. */
export const migration001: Migration = {
  version: 1,
  name: 'orders-catalogue-scans',
  up: `
    CREATE TABLE skus (
      id TEXT PRIMARY KEY,
      seller_sku TEXT NOT NULL COLLATE NOCASE UNIQUE,
      name TEXT NOT NULL DEFAULT '',
      variation TEXT NOT NULL DEFAULT '',
      bin TEXT,
      stock_on_hand INTEGER NOT NULL DEFAULT 0,
      safety_stock INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE barcodes (
      code_key TEXT PRIMARY KEY,
      code TEXT NOT NULL,
      sku_id TEXT NOT NULL REFERENCES skus(id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX barcodes_by_sku ON barcodes(sku_id);

    CREATE TABLE orders (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL,
      cancel_requested_at INTEGER,
      recipient_name TEXT NOT NULL DEFAULT '',
      recipient_phone TEXT NOT NULL DEFAULT '',
      country TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL DEFAULT '',
      city TEXT NOT NULL DEFAULT '',
      district TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      postcode TEXT NOT NULL DEFAULT '',
      buyer_username TEXT NOT NULL DEFAULT '',
      buyer_message TEXT NOT NULL DEFAULT '',
      seller_note TEXT NOT NULL DEFAULT '',
      tracking_number TEXT NOT NULL DEFAULT '',
      package_id TEXT NOT NULL DEFAULT '',
      carrier TEXT NOT NULL DEFAULT '',
      delivery_option TEXT NOT NULL DEFAULT '',
      weight_kg REAL,
      created_at INTEGER NOT NULL,
      paid_at INTEGER,
      rts_at INTEGER,
      shipped_at INTEGER,
      delivered_at INTEGER,
      delivery_failed_at INTEGER,
      cancelled_at INTEGER,
      cancel_reason TEXT NOT NULL DEFAULT '',
      platform_ship_by INTEGER,
      platform_collect_by INTEGER,
      packed_at INTEGER,
      short_pack_reason TEXT NOT NULL DEFAULT '',
      redelivery_requested_at INTEGER,
      handed_over_at INTEGER,
      provisional INTEGER NOT NULL DEFAULT 0,
      version INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL,
      -- Denormalised from the domain rules on every write, so the queue is one index scan.
      next_deadline_at INTEGER,
      is_single_item INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX orders_queue ON orders(status, next_deadline_at);
    -- The pick queue: packable orders, most urgent first, read straight off this index.
    CREATE INDEX orders_pick_queue ON orders(next_deadline_at, id)
      WHERE status IN ('AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING');
    CREATE INDEX orders_by_tracking ON orders(tracking_number) WHERE tracking_number <> '';
    CREATE INDEX orders_by_package ON orders(package_id) WHERE package_id <> '';
    CREATE INDEX orders_by_created ON orders(created_at);
    CREATE INDEX orders_cancel_requested ON orders(cancel_requested_at) WHERE cancel_requested_at IS NOT NULL;

    CREATE TABLE order_lines (
      order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      line_no INTEGER NOT NULL,
      sku_id TEXT NOT NULL,
      seller_sku TEXT NOT NULL DEFAULT '',
      product_name TEXT NOT NULL DEFAULT '',
      variation TEXT NOT NULL DEFAULT '',
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      packed_quantity INTEGER NOT NULL DEFAULT 0 CHECK (packed_quantity BETWEEN 0 AND quantity),
      PRIMARY KEY (order_id, line_no)
    ) STRICT;
    CREATE INDEX order_lines_by_sku ON order_lines(sku_id);

    CREATE TABLE scans (
      scan_id TEXT PRIMARY KEY,
      station TEXT NOT NULL,
      packer TEXT NOT NULL,
      at INTEGER NOT NULL,
      raw TEXT NOT NULL,
      code TEXT NOT NULL,
      order_id TEXT,
      sku_id TEXT,
      line_no INTEGER,
      verdict TEXT NOT NULL,
      verdict_json TEXT NOT NULL,
      undone_at INTEGER
    ) STRICT;
    CREATE INDEX scans_by_order ON scans(order_id, at);
    CREATE INDEX scans_by_station ON scans(station, at);

    CREATE TABLE station_sessions (
      station TEXT PRIMARY KEY,
      order_id TEXT REFERENCES orders(id) ON DELETE SET NULL,
      opened_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      order_id TEXT,
      payload TEXT NOT NULL,
      sent_at INTEGER,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    ) STRICT;
    CREATE INDEX outbox_pending ON outbox(id) WHERE sent_at IS NULL;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
