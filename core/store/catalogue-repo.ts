import { barcodeKey } from '../domain/barcode.js';
import type { ScannedItem } from '../domain/scan.js';
import type { Sku } from '../domain/types.js';
import type { Db } from './db.js';
import { sql } from './db.js';

interface SkuRow {
  id: string;
  seller_sku: string;
  name: string;
  variation: string;
  bin: string | null;
  stock_on_hand: number;
  safety_stock: number;
}

function barcodesOf(db: Db, skuIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < skuIds.length; i += 500) {
    const chunk = skuIds.slice(i, i + 500);
    const rows = sql(db, `SELECT sku_id, code FROM barcodes WHERE sku_id IN (${chunk.map(() => '?').join(',')}) ORDER BY code`).all(...chunk) as {
      sku_id: string;
      code: string;
    }[];
    for (const r of rows) out.set(r.sku_id, [...(out.get(r.sku_id) ?? []), r.code]);
  }
  return out;
}

function toSkus(db: Db, rows: readonly SkuRow[]): Sku[] {
  const codes = barcodesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    sellerSku: r.seller_sku,
    name: r.name,
    variation: r.variation,
    bin: r.bin,
    stockOnHand: r.stock_on_hand,
    safetyStock: r.safety_stock,
    barcodes: codes.get(r.id) ?? [],
  }));
}

export function getSku(db: Db, id: string): Sku | null {
  const row = sql(db, 'SELECT * FROM skus WHERE id = ?').get(id) as SkuRow | undefined;
  return row ? toSkus(db, [row])[0]! : null;
}

export function skusByIds(db: Db, ids: readonly string[]): Map<string, Sku> {
  const unique = [...new Set(ids)];
  const rows: SkuRow[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    rows.push(...(sql(db, `SELECT * FROM skus WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as SkuRow[]));
  }
  return new Map(toSkus(db, rows).map((s) => [s.id, s]));
}

/** One page of the catalogue, by seller SKU. */
export function listSkus(db: Db, page: { limit: number; offset: number }): Sku[] {
  return toSkus(db, sql(db, 'SELECT * FROM skus ORDER BY seller_sku, id LIMIT ? OFFSET ?').all(page.limit, page.offset) as SkuRow[]);
}

export function findSkuBySellerSku(db: Db, sellerSku: string): Sku | null {
  const row = sql(db, 'SELECT * FROM skus WHERE seller_sku = ? COLLATE NOCASE').get(sellerSku) as SkuRow | undefined;
  return row ? toSkus(db, [row])[0]! : null;
}

/**
 * The SKU a scanned item code belongs to: one of its barcodes (UPC/EAN/GTIN compared as one
 * number), or its seller SKU, which always scans, case-insensitively.
 */
export function findItemByCode(db: Db, code: string): ScannedItem | null {
  const row = sql(
    db,
    `SELECT s.id, s.seller_sku, s.name FROM barcodes b JOIN skus s ON s.id = b.sku_id WHERE b.code_key = @key
     UNION ALL SELECT id, seller_sku, name FROM skus WHERE seller_sku = @code COLLATE NOCASE
     LIMIT 1`,
  ).get({ key: barcodeKey(code), code }) as { id: string; seller_sku: string; name: string } | undefined;
  return row ? { skuId: row.id, sellerSku: row.seller_sku, name: row.name } : null;
}

export function upsertSku(db: Db, sku: Omit<Sku, 'barcodes'>, now: number): void {
  sql(
    db,
    `INSERT INTO skus (id, seller_sku, name, variation, bin, stock_on_hand, safety_stock, updated_at)
     VALUES (@id, @sellerSku, @name, @variation, @bin, @stockOnHand, @safetyStock, @now)
     ON CONFLICT(id) DO UPDATE SET seller_sku = excluded.seller_sku, name = excluded.name, variation = excluded.variation,
       bin = excluded.bin, stock_on_hand = excluded.stock_on_hand, safety_stock = excluded.safety_stock, updated_at = excluded.updated_at`,
  ).run({ ...sku, now });
}

/** Adds barcodes to a SKU; a code already on another SKU moves to this one (the catalogue file wins). */
export function addBarcodes(db: Db, skuId: string, codes: readonly string[]): void {
  const put = sql(
    db,
    'INSERT INTO barcodes (code_key, code, sku_id) VALUES (?, ?, ?) ON CONFLICT(code_key) DO UPDATE SET sku_id = excluded.sku_id, code = excluded.code',
  );
  for (const c of codes) put.run(barcodeKey(c), c, skuId);
}

export function setStockZero(db: Db, skuIds: readonly string[], now: number): void {
  const upd = sql(db, 'UPDATE skus SET stock_on_hand = 0, updated_at = ? WHERE id = ?');
  for (const id of skuIds) upd.run(now, id);
}
