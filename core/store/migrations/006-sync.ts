import type { Migration } from './types.js';

/**
 * Live sync with TikTok Shop: the shop connection (never its secrets, which live in the
 * credential store), the sync's cursors and health, packages as first-class (an order has one or
 * more; a combined package holds several orders), the platform's line item ids, cancellation
 * requests with their answer deadline, conflicts between the platform and the bench, and the
 * outbox entry states that make each entry reach the platform exactly once.
 *
 * Every order gets a package, whoever inserts it (import, demo, sync): the export's Package ID,
 * or one made from the order id and marked LOCAL. Triggers keep that true without every writer
 * having to remember it.
 */
export const migration006: Migration = {
  version: 6,
  name: 'sync',
  up: `
    CREATE TABLE shop_connection (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      -- ShopConnectionInfo as JSON: app key, shop, cipher, base URLs, token expiry times. No secret.
      info TEXT NOT NULL,
      connected_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      -- Makes outbox ids unique across databases: idempotency keys are built from both.
      instance_id TEXT NOT NULL,
      -- Unix seconds (the platform's unit): every change before it has been stored.
      orders_cursor INTEGER,
      cancellations_cursor INTEGER,
      last_pull_at INTEGER,
      last_push_at INTEGER,
      last_cycle_at INTEGER,
      last_error_code TEXT,
      last_error_message TEXT,
      last_error_at INTEGER,
      offline_since INTEGER,
      auth_needed INTEGER NOT NULL DEFAULT 0,
      -- One sync cycle at a time across programs sharing this database (app, station, CLI).
      lock_owner TEXT,
      lock_pid INTEGER,
      lock_host TEXT,
      lock_heartbeat_at INTEGER
    ) STRICT;
    INSERT INTO sync_state (id, instance_id) VALUES (1, lower(hex(randomblob(8))));

    CREATE TABLE packages (
      id TEXT PRIMARY KEY,
      -- PLATFORM: from the API; EXPORT: a Package ID from a Seller Center export; LOCAL: made here.
      origin TEXT NOT NULL CHECK (origin IN ('PLATFORM', 'EXPORT', 'LOCAL')),
      -- The platform's package_status (TO_FULFILL, PROCESSING, FULFILLING, COMPLETED, CANCELLED); '' unknown.
      status TEXT NOT NULL DEFAULT '',
      tracking_number TEXT NOT NULL DEFAULT '',
      carrier TEXT NOT NULL DEFAULT '',
      carrier_id TEXT NOT NULL DEFAULT '',
      shipping_type TEXT NOT NULL DEFAULT '' CHECK (shipping_type IN ('', 'TIKTOK', 'SELLER')),
      -- When the platform confirmed the shipment (ms); the platform's label exists only after it.
      shipped_at INTEGER,
      label_sha256 TEXT,
      label_kind TEXT CHECK (label_kind IN ('pdf', 'png')),
      label_source TEXT CHECK (label_source IN ('PLATFORM', 'ATTACHED')),
      label_fetched_at INTEGER,
      label_next_at INTEGER,
      label_attempts INTEGER NOT NULL DEFAULT 0,
      label_error TEXT,
      updated_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX packages_by_tracking ON packages(tracking_number) WHERE tracking_number <> '';
    CREATE INDEX packages_label_missing ON packages(label_next_at) WHERE label_sha256 IS NULL AND shipped_at IS NOT NULL;

    CREATE TABLE package_orders (
      package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
      order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      -- Package seq of the order's N (a split order's packages are packed one after the other).
      seq INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (package_id, order_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX package_orders_by_order ON package_orders(order_id, seq);

    -- What the platform last said about an order: its update_time guards against older data, and
    -- its unit line items (the platform has no quantities; shipping and cancellations name them),
    -- as JSON [{id, skuId, sellerSku, packageId, cancelled}], kept in the same row: one write per order.
    CREATE TABLE platform_orders (
      order_id TEXT PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
      update_time INTEGER NOT NULL,
      shipping_type TEXT NOT NULL DEFAULT '',
      split_or_combine TEXT NOT NULL DEFAULT '',
      line_items TEXT NOT NULL DEFAULT '[]',
      pulled_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE cancellations (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      status TEXT NOT NULL,
      type TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      requested_at INTEGER,
      -- The platform's deadline for the seller's answer (seller_next_action_response), ms.
      answer_by INTEGER,
      update_time INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX cancellations_by_order ON cancellations(order_id, status);

    CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('CANCELLED_WHILE_PACKING', 'SHIPPED_ELSEWHERE', 'ADDRESS_CHANGED_AFTER_LABEL', 'ON_HOLD')),
      raised_at INTEGER NOT NULL,
      details TEXT NOT NULL DEFAULT '{}',
      resolved_at INTEGER,
      resolution TEXT
    ) STRICT;
    -- One open conflict of a kind per order.
    CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts(order_id, kind) WHERE resolved_at IS NULL;

    ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
      CHECK (state IN ('pending', 'sending', 'done', 'refused', 'discarded'));
    ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER;
    ALTER TABLE outbox ADD COLUMN done_reason TEXT;
    -- JSON {code, platformCode, message, link} while refused.
    ALTER TABLE outbox ADD COLUMN refusal TEXT;
    ALTER TABLE outbox ADD COLUMN state_at INTEGER;
    UPDATE outbox SET state = 'done', done_reason = 'marked sent before sync existed', state_at = sent_at WHERE sent_at IS NOT NULL;
    CREATE INDEX outbox_by_state ON outbox(state, id) WHERE state IN ('pending', 'sending', 'refused');

    -- The platform's deadline for answering a buyer's cancellation request (ms), when it sent one.
    ALTER TABLE orders ADD COLUMN platform_answer_by INTEGER;

    INSERT INTO packages (id, origin, tracking_number, carrier, updated_at)
      SELECT CASE WHEN package_id <> '' THEN package_id ELSE 'LOCAL-' || id END,
             CASE WHEN package_id <> '' THEN 'EXPORT' ELSE 'LOCAL' END,
             tracking_number, carrier, updated_at
      FROM orders WHERE true
      ON CONFLICT(id) DO NOTHING;
    INSERT INTO package_orders (package_id, order_id, seq)
      SELECT CASE WHEN package_id <> '' THEN package_id ELSE 'LOCAL-' || id END, id, 1 FROM orders;

    CREATE TRIGGER orders_get_a_package AFTER INSERT ON orders
    WHEN NOT EXISTS (SELECT 1 FROM package_orders WHERE order_id = NEW.id)
    BEGIN
      INSERT INTO packages (id, origin, tracking_number, carrier, updated_at)
        VALUES (CASE WHEN NEW.package_id <> '' THEN NEW.package_id ELSE 'LOCAL-' || NEW.id END,
                CASE WHEN NEW.package_id <> '' THEN 'EXPORT' ELSE 'LOCAL' END,
                NEW.tracking_number, NEW.carrier, NEW.updated_at)
        ON CONFLICT(id) DO NOTHING;
      INSERT INTO package_orders (package_id, order_id, seq)
        VALUES (CASE WHEN NEW.package_id <> '' THEN NEW.package_id ELSE 'LOCAL-' || NEW.id END, NEW.id, 1)
        ON CONFLICT DO NOTHING;
    END;

    -- An export that now names the Package ID replaces the package made here; the platform's own
    -- packages (written by the sync) are never replaced this way.
    CREATE TRIGGER orders_package_named AFTER UPDATE OF package_id ON orders
    WHEN NEW.package_id <> ''
      AND NOT EXISTS (SELECT 1 FROM package_orders WHERE order_id = NEW.id AND package_id = NEW.package_id)
      AND NOT EXISTS (SELECT 1 FROM package_orders po JOIN packages p ON p.id = po.package_id
                      WHERE po.order_id = NEW.id AND p.origin = 'PLATFORM')
    BEGIN
      INSERT INTO packages (id, origin, tracking_number, carrier, updated_at)
        VALUES (NEW.package_id, 'EXPORT', NEW.tracking_number, NEW.carrier, NEW.updated_at)
        ON CONFLICT(id) DO NOTHING;
      DELETE FROM package_orders WHERE order_id = NEW.id;
      INSERT INTO package_orders (package_id, order_id, seq) VALUES (NEW.package_id, NEW.id, 1);
      DELETE FROM packages WHERE origin = 'LOCAL' AND id = 'LOCAL-' || NEW.id;
    END;

    -- Packages not from the platform carry the order's tracking number and carrier.
    CREATE TRIGGER orders_tracking_to_package AFTER UPDATE OF tracking_number, carrier ON orders
    BEGIN
      UPDATE packages SET tracking_number = NEW.tracking_number, carrier = NEW.carrier, updated_at = NEW.updated_at
      WHERE origin <> 'PLATFORM' AND id IN (SELECT package_id FROM package_orders WHERE order_id = NEW.id)
        AND (tracking_number <> NEW.tracking_number OR carrier <> NEW.carrier);
    END;
  `,
};
