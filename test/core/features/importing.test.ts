import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { testCore, type TestCore } from '../../helpers/core.js';
import { errorCode, freshCoreEachTest, outboxRows, packedQtys, scanner, snapshot, stored } from './support.js';

const core = freshCoreEachTest();
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const EN = path.join(fixtures, 'seller-center/orders-en-dmy.csv');
const CATALOGUE = path.join(fixtures, 'catalogue/catalogue-en.csv');
const TO_SHIP = '576462837465738291'; // CASE-CLR-15 × 2, STRAP-BLK-42 × 1
const ASKED = '576462837465738336'; // cancellation requested

/** Data rows of a CSV text (header excluded), by RFC 4180's quoting rules. */
function dataRows(text: string): number {
  let rows = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) rows++;
  }
  return rows - 1;
}

/** The same export, later: the platform has since shipped the order we packed. */
function laterFile(c: TestCore, from: string, to: string): string {
  const file = path.join(c.dir, 'later.csv');
  const text = fs.readFileSync(EN, 'utf8').split('\n');
  fs.writeFileSync(file, text.map((l) => (l.startsWith(TO_SHIP) ? l.replace(from, to) : l)).join('\n'));
  return file;
}

async function packToShip(c: TestCore) {
  await c.call('import.catalogue', { path: CATALOGUE });
  const scan = scanner(c);
  await scan(TO_SHIP);
  await scan('5012345678900');
  await scan('case-clr-15'); // the seller SKU always scans, any case
  return scan('4006381333931');
}

describe('import.orders', () => {
  it('imports a Seller Center export: orders, lines, statuses, and SKUs that still need a bin', async () => {
    const c = core();
    const report = await c.call('import.orders', { path: EN });
    expect(report).toMatchObject({ rows: 8, orders: 5, created: 5, updated: 0, unchanged: 0, keptLocal: 0, dateOrder: 'DMY', errors: [] });
    const order = await c.call('orders.get', { orderId: TO_SHIP });
    expect(order.status).toBe('AWAITING_SHIPMENT');
    expect(order.lines.map((l) => [l.sellerSku, l.qty, l.packedQty, l.bin])).toEqual([
      ['CASE-CLR-15', 2, 0, null],
      ['STRAP-BLK-42', 1, 0, null],
    ]);
    expect(report.skusCreated).toBe((await c.call('catalogue.list', {})).length);
    expect((await c.call('orders.get', { orderId: ASKED })).cancelRequestedAt).toBe(c.clock.now());
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const before = snapshot(c);
    const again = await c.call('import.orders', { path: EN });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, skusCreated: 0 });
    expect(snapshot(c)).toEqual(before);
  });

  it('never undoes packing and shipping done here when an older file comes in', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    expect((await packToShip(c)).code).toBe('ORDER_COMPLETE');
    await c.call('shipping.arrange', { orderIds: [TO_SHIP] });

    const again = await c.call('import.orders', { path: EN });
    expect(again.keptLocal).toBe(1);
    expect(stored(c, TO_SHIP)).toMatchObject({ status: 'AWAITING_COLLECTION' });
    expect(packedQtys(c, TO_SHIP)).toEqual([2, 1]);
  });

  it('takes a newer status from the platform and keeps the packing', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    await packToShip(c);
    const report = await c.call('import.orders', { path: laterFile(c, 'To ship,Awaiting shipment', 'Shipped,In transit') });
    expect(report.updated).toBe(1);
    expect(stored(c, TO_SHIP).status).toBe('IN_TRANSIT');
    expect(packedQtys(c, TO_SHIP)).toEqual([2, 1]);
    expect(stored(c, TO_SHIP).packedAt).not.toBeNull();
  });

  it('does not raise a cancellation request again once the seller answered it', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    await c.call('orders.answerCancellation', { orderId: ASKED, decision: 'reject' });
    await c.call('import.orders', { path: EN });
    expect(stored(c, ASKED).cancelRequestedAt).toBeNull();
  });

  it('maps lines to catalogue SKUs by seller SKU, whatever the case, so their barcodes scan', async () => {
    const c = core();
    await c.call('import.catalogue', { path: CATALOGUE });
    const report = await c.call('import.orders', { path: EN });
    const mug = (await c.call('orders.get', { orderId: '576462837465738319' })).lines.find((l) => l.sellerSku === 'MUG-SAGE')!;
    expect(mug).toMatchObject({ bin: 'B-10', barcodes: ['5060000000017', '5060000000024'] });
    expect(report.skusCreated).toBe(2); // TOTE-NAT and MAT-PUR-6 are not in the catalogue
  });

  it('refuses a broken file whole, lists every bad row, and keeps what was saved', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const before = snapshot(c);
    const res = await c.dispatch('import.orders', { path: path.join(fixtures, 'seller-center/broken-bad-quantity.csv') });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('IMPORT_INVALID');
    expect(res.error.message).toMatch(/5 problem\(s\).*nothing imported.*Row 4/);
    const errors = (res.error.details as { errors: { row: number; column: string }[] }).errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([4, 5, 6, 7, 8].map((row) => [row, 'Quantity']));
    expect(snapshot(c)).toEqual(before);
  });

  it('says which file problem it is', async () => {
    const c = core();
    expect(await errorCode(c.call('import.orders', { path: path.join(c.dir, 'nope.csv') }))).toBe('FILE_NOT_FOUND');
    const xlsx = path.join(c.dir, 'orders.xlsx');
    fs.writeFileSync(xlsx, Buffer.from('504b0304140000000800', 'hex'));
    expect(await errorCode(c.call('import.orders', { path: xlsx }))).toBe('FILE_UNREADABLE');
    expect(await errorCode(c.call('import.orders', { path: c.dir }))).toBe('FILE_UNREADABLE');
  });
});

describe('import.orders: files that are not exports', () => {
  const text = () => fs.readFileSync(EN, 'utf8');
  /** Writes `bytes` to a file in the core's folder and returns its path. */
  const file = (c: TestCore, name: string, bytes: Buffer | string) => {
    const at = path.join(c.dir, name);
    fs.writeFileSync(at, bytes);
    return at;
  };
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      return err as { code: string; message: string; details?: unknown };
    }
    throw new Error('expected the call to fail, but it succeeded');
  };

  it('refuses UTF-16 (either byte order, with or without a byte order mark) as one coded error', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const before = snapshot(c);
    const le = Buffer.from(text(), 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [name, bytes] of [
      ['le-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ['le.csv', le],
      ['be-bom.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ['be.csv', be],
    ] as const) {
      const err = await refusal(c.call('import.orders', { path: file(c, name, bytes) }));
      expect(err.code, name).toBe('FILE_NOT_TEXT');
      expect(err.message).toContain('not a UTF-8 CSV text file');
      expect(err.details).toEqual({ reason: 'UTF16' });
    }
    expect(snapshot(c)).toEqual(before);
  });

  it('refuses binary files: NUL bytes, or bytes that are not UTF-8 (a Latin-1 or GBK file)', async () => {
    const c = core();
    const nul = Buffer.concat([Buffer.from(text().slice(0, 2000)), Buffer.from([0]), Buffer.from(text().slice(2000))]);
    const latin1 = Buffer.from(text().replace('Amelia', 'Chloé'), 'latin1');
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    for (const [name, bytes] of [
      ['nul.csv', nul],
      ['latin1.csv', latin1],
      ['random.bin', random],
    ] as const) {
      expect(await errorCode(c.call('import.orders', { path: file(c, name, bytes) })), name).toBe('FILE_NOT_TEXT');
      expect(await errorCode(c.call('import.catalogue', { path: file(c, name, bytes) })), name).toBe('FILE_NOT_TEXT');
    }
    expect(await c.call('orders.list', {})).toEqual([]);
  });

  it('holds uploads from the browser to the same rule: it turned bad bytes into U+FFFD', async () => {
    const c = core();
    const upload = (content: string) => c.call('import.orders', { upload: { fileName: 'orders.csv', content } });
    expect(await errorCode(upload(text().replace('Amelia', 'Chlo\uFFFD')))).toBe('FILE_NOT_TEXT');
    expect(await errorCode(upload(`\uFFFD\uFFFD${[...'Order ID,Quantity'].join('\u0000')}`))).toBe('FILE_NOT_TEXT');
    expect((await refusal(upload('PK\u0003\u0004rest of a zip'))).message).toContain('XLSX');
    expect((await upload(text())).created).toBe(5);
  });

  it('keeps its own message for a spreadsheet (XLSX)', async () => {
    const c = core();
    const err = await refusal(c.call('import.orders', { path: file(c, 'orders.csv', Buffer.from('504b030414000000080000002100', 'hex')) }));
    expect(err).toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringContaining('spreadsheet (XLSX)') });
  });

  it.skipIf(process.platform === 'win32')('does not wait on a pipe given as the file: only plain files are read', async () => {
    const c = core();
    const fifo = path.join(c.dir, 'orders.csv');
    execFileSync('mkfifo', [fifo]);
    expect(await errorCode(c.call('import.orders', { path: fifo }))).toBe('FILE_UNREADABLE');
  });

  it('reports an empty or header-only file as a warning, not as a success with zeros, and writes nothing', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const before = snapshot(c);
    const [header, description] = text().split('\r\n');
    const empty = await c.call('import.orders', { path: file(c, 'empty.csv', '') });
    expect(empty).toMatchObject({ rows: 0, orders: 0, created: 0, warnings: [{ code: 'FILE_EMPTY', message: expect.any(String) }] });
    for (const t of [`${header}\r\n`, `${header}\r\n${description}\r\n`]) {
      const r = await c.call('import.orders', { path: file(c, 'header.csv', t) });
      expect(r).toMatchObject({ rows: 0, orders: 0, warnings: [{ code: 'FILE_HEADER_ONLY' }] });
    }
    const skus = await c.call('import.catalogue', { path: file(c, 'skus.csv', 'Seller SKU,Bin\r\n') });
    expect(skus).toMatchObject({ rows: 0, created: 0, warnings: [{ code: 'FILE_HEADER_ONLY' }] });
    expect(snapshot(c)).toEqual(before);
    expect((await c.call('import.orders', { path: EN })).warnings).toEqual([]);
  });

  it('refuses an order export given as a catalogue, and a catalogue given as orders, writing nothing', async () => {
    const c = core();
    const before = snapshot(c);
    const asCatalogue = await refusal(c.call('import.catalogue', { path: EN }));
    expect(asCatalogue).toMatchObject({ code: 'IMPORT_WRONG_KIND', details: { looksLike: 'orders' } });
    expect(asCatalogue.message).toContain('import it as orders');
    const asOrders = await refusal(c.call('import.orders', { path: CATALOGUE }));
    expect(asOrders).toMatchObject({ code: 'IMPORT_WRONG_KIND', details: { looksLike: 'catalogue' } });
    const neither = await refusal(c.call('import.orders', { path: file(c, 'bank.csv', 'Date,Amount,Payee\r\n2024-01-01,3.50,Cafe\r\n') }));
    expect(neither).toMatchObject({ code: 'IMPORT_WRONG_KIND', details: { looksLike: 'unknown' } });
    expect(snapshot(c)).toEqual(before);
  });

  it('refuses a truncated export whole and keeps what was saved', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const before = snapshot(c);
    const full = text();
    const err = await refusal(c.call('import.orders', { path: file(c, 'cut.csv', full.slice(0, full.lastIndexOf('Camden') + 3)) }));
    expect(err.code).toBe('IMPORT_INVALID');
    expect((err.details as { errors: { code: string }[] }).errors.map((e) => e.code)).toEqual(['FILE_TRUNCATED']);
    expect(snapshot(c)).toEqual(before);
  });

  it('lists at most 1,000 bad rows and says how many there were', async () => {
    const c = core();
    const [header] = text().split('\r\n');
    const rows = Array.from({ length: 1500 }, () => 'x,y\r\n').join('');
    const err = await refusal(c.call('import.orders', { path: file(c, 'narrow.csv', `${header}\r\n${rows}`) }));
    const details = err.details as { errors: { code: string }[]; total: number };
    expect(details.total).toBe(1500);
    expect(details.errors).toHaveLength(1000);
    expect(new Set(details.errors.map((e) => e.code))).toEqual(new Set(['ROW_TOO_SHORT']));
  });
});

describe('import.catalogue', () => {
  it('gives SKUs first seen in an order their bin, stock and barcodes', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const report = await c.call('import.catalogue', { path: CATALOGUE });
    expect(report.errors).toEqual([]);
    const sku = (await c.call('catalogue.list', {})).find((s) => s.sellerSku === 'CASE-CLR-15')!;
    expect(sku).toMatchObject({ bin: 'A-01-03', stockOnHand: 120, safetyStock: 10, barcodes: ['5012345678900', '5012345678917'] });
    expect(report.updated).toBeGreaterThan(0);
  });
});

describe('export.orders', () => {
  it('writes files that import back to the same orders, in pieces of at most maxRows', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    await packToShip(c);
    const out = await c.call('export.orders', { dir: path.join(c.dir, 'out'), from: 0, maxRows: 3 });
    const lines = (await c.call('orders.list', {})).reduce((n, o) => n + o.lines.length, 0);
    expect(out).toMatchObject({ orders: 5, rows: lines });
    expect(out.files.length).toBeGreaterThan(1);
    // Counted by an independent reader: quoted fields may hold line breaks.
    for (const f of out.files) expect(dataRows(fs.readFileSync(f, 'utf8'))).toBeLessThanOrEqual(3);

    const other = testCore();
    try {
      for (const f of out.files) await other.call('import.orders', { path: f });
      const mine = await c.call('orders.list', {});
      const theirs = await other.call('orders.list', {});
      const shape = (o: (typeof mine)[number]) => [o.id, o.status, o.trackingNumber, o.recipient, o.lines.map((l) => [l.sellerSku, l.qty])];
      expect(theirs.map(shape)).toEqual(mine.map(shape));
    } finally {
      other.dispose();
    }
  });

  it('covers the last 90 days unless told otherwise, and filters by status', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const created = (await c.call('orders.list', {})).map((o) => o.createdAt);
    c.clock.set(Math.max(...created) + 91 * 24 * 3_600_000);
    expect((await c.call('export.orders', { dir: path.join(c.dir, 'old') })).orders).toBe(0);
    const cancelled = await c.call('export.orders', { dir: path.join(c.dir, 'c'), from: 0, status: ['CANCELLED'] });
    expect(cancelled.orders).toBe(1);
    expect(outboxRows(c)).toEqual([]);
  });
});
