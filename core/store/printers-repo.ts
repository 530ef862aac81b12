import type { DocumentKind, SavedPrinter } from '../printing/types.js';
import { sql, type Db } from './db.js';

interface PrinterRow {
  name: string;
  uri: string;
  language: SavedPrinter['language'];
  dpi: SavedPrinter['dpi'];
  stock_width_mm: number;
  stock_height_mm: number;
  offset_x_mm: number;
  offset_y_mm: number;
  darkness: number | null;
  rotation: 0 | 180;
  options: string;
}

function documentsByPrinter(db: Db): Map<string, DocumentKind[]> {
  const rows = sql(db, 'SELECT document, printer_name FROM document_printers ORDER BY document').all() as { document: DocumentKind; printer_name: string }[];
  const out = new Map<string, DocumentKind[]>();
  for (const r of rows) out.set(r.printer_name, [...(out.get(r.printer_name) ?? []), r.document]);
  return out;
}

function toPrinter(r: PrinterRow, documents: DocumentKind[]): SavedPrinter {
  return {
    name: r.name,
    uri: r.uri,
    language: r.language,
    dpi: r.dpi,
    stock: { widthMm: r.stock_width_mm, heightMm: r.stock_height_mm },
    offset: { x: r.offset_x_mm, y: r.offset_y_mm },
    darkness: r.darkness,
    rotation: r.rotation,
    options: JSON.parse(r.options) as SavedPrinter['options'],
    documents,
    builtIn: false,
  };
}

export function listPrinters(db: Db): SavedPrinter[] {
  const docs = documentsByPrinter(db);
  return (sql(db, 'SELECT * FROM printers ORDER BY name').all() as PrinterRow[]).map((r) => toPrinter(r, docs.get(r.name) ?? []));
}

export function getPrinter(db: Db, name: string): SavedPrinter | null {
  const row = sql(db, 'SELECT * FROM printers WHERE name = ?').get(name) as PrinterRow | undefined;
  return row ? toPrinter(row, documentsByPrinter(db).get(name) ?? []) : null;
}

export function printerFor(db: Db, document: DocumentKind): string | null {
  return (sql(db, 'SELECT printer_name FROM document_printers WHERE document = ?').pluck().get(document) as string | undefined) ?? null;
}

export function savePrinter(db: Db, p: Omit<SavedPrinter, 'builtIn'>, now: number): void {
  sql(
    db,
    `INSERT INTO printers (name, uri, language, dpi, stock_width_mm, stock_height_mm, offset_x_mm, offset_y_mm, darkness, rotation, options, created_at, updated_at)
     VALUES (@name, @uri, @language, @dpi, @sw, @sh, @ox, @oy, @darkness, @rotation, @options, @now, @now)
     ON CONFLICT(name) DO UPDATE SET uri = excluded.uri, language = excluded.language, dpi = excluded.dpi,
       stock_width_mm = excluded.stock_width_mm, stock_height_mm = excluded.stock_height_mm, offset_x_mm = excluded.offset_x_mm,
       offset_y_mm = excluded.offset_y_mm, darkness = excluded.darkness, rotation = excluded.rotation, options = excluded.options,
       updated_at = excluded.updated_at`,
  ).run({
    name: p.name,
    uri: p.uri,
    language: p.language,
    dpi: p.dpi,
    sw: p.stock.widthMm,
    sh: p.stock.heightMm,
    ox: p.offset.x,
    oy: p.offset.y,
    darkness: p.darkness,
    rotation: p.rotation,
    options: JSON.stringify(p.options),
    now,
  });
  const assign = sql(
    db,
    'INSERT INTO document_printers (document, printer_name) VALUES (?, ?) ON CONFLICT(document) DO UPDATE SET printer_name = excluded.printer_name',
  );
  for (const d of p.documents) assign.run(d, p.name);
}

export function removePrinter(db: Db, name: string): boolean {
  return sql(db, 'DELETE FROM printers WHERE name = ?').run(name).changes > 0;
}

export function platformLabel(db: Db, orderId: string): { kind: 'pdf' | 'png'; content: Uint8Array } | null {
  const row = sql(db, 'SELECT kind, content FROM platform_labels WHERE order_id = ?').get(orderId) as { kind: 'pdf' | 'png'; content: Buffer } | undefined;
  return row ? { kind: row.kind, content: new Uint8Array(row.content) } : null;
}

export function savePlatformLabel(db: Db, orderId: string, kind: 'pdf' | 'png', content: Uint8Array, now: number): void {
  sql(
    db,
    `INSERT INTO platform_labels (order_id, kind, content, fetched_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(order_id) DO UPDATE SET kind = excluded.kind, content = excluded.content, fetched_at = excluded.fetched_at`,
  ).run(orderId, kind, Buffer.from(content), now);
}
