import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/core.js';

const root = path.resolve(import.meta.dirname, '../../..');
const EN = fileURLToPath(new URL('../../fixtures/seller-center/orders-en-dmy.csv', import.meta.url));
let dir: ReturnType<typeof tempDir>;
let db: string;

/** Runs the real CLI in its own process, as `npm run packdesk --` does. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', ...args, '--db', db], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T>(r: { stdout: string; code: number | null; stderr: string }): T {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

interface CliOrder {
  id: string;
  status: string;
  cancelRequestedAt: number | null;
  trackingNumber: string;
  nextDeadline: { kind: string; at: number } | null;
  deadlines: unknown[];
  recipient: { name: string };
  lines: { sellerSku: string; name: string; variation: string; qty: number; packedQty: number; barcodes: string[] }[];
}

beforeAll(() => {
  dir = tempDir();
  db = path.join(dir.dir, 'cli.db');
  expect(cli('demo', '--json').code).toBe(0);
});
afterAll(() => dir.cleanup());

describe('packdesk CLI', () => {
  it('lists orders as JSON only, with the fields scripts rely on', () => {
    const orders = json<CliOrder[]>(cli('orders', '--status', 'AWAITING_SHIPMENT', '--limit', '5', '--json'));
    expect(orders).toHaveLength(5);
    for (const o of orders) {
      expect(o).toMatchObject({ status: 'AWAITING_SHIPMENT', recipient: { name: expect.any(String) } });
      expect(typeof o.trackingNumber).toBe('string');
      expect(o.deadlines.length).toBeGreaterThan(0);
      for (const l of o.lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['sellerSku', 'name', 'variation', 'qty', 'packedQty', 'barcodes']));
    }
    const all = json<CliOrder[]>(cli('orders', '--json'));
    expect(all.length).toBeGreaterThanOrEqual(200);
  });

  it('packs an order: one verdict per scan, each with a code', () => {
    const orders = json<CliOrder[]>(cli('orders', '--status', 'AWAITING_SHIPMENT', '--json'));
    const order = orders.find((o) => o.cancelRequestedAt === null && o.lines.length === 1 && o.lines[0]!.qty === 1 && o.lines[0]!.barcodes.length)!;
    const other = orders.flatMap((o) => o.lines).find((l) => l.sellerSku !== order.lines[0]!.sellerSku)!;
    const packed = json<{ verdicts: { code: string }[]; finish: { label: { outcome: string }; shipment: { outcome: string } } }>(
      cli('pack', order.id, '--scan', other.sellerSku, '--scan', order.lines[0]!.barcodes[0]!, '--json'),
    );
    expect(packed.verdicts.map((v) => v.code)).toEqual(['WRONG_ITEM', 'ORDER_COMPLETE']);
    // The shop's default: the label prints (to the preview printer here), shipment is left to the seller.
    expect(packed.finish).toMatchObject({ label: { outcome: 'PRINTED' }, shipment: { outcome: 'NOT_ASKED' } });

    const shipped = json<{ arranged: string[] }>(cli('ship', order.id, '--json'));
    expect(shipped.arranged).toEqual([order.id]);
    const again = cli('pack', order.id, '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toEqual({ error: expect.objectContaining({ code: 'ORDER_ALREADY_PACKED' }) });
    expect(again.stderr).toContain('ORDER_ALREADY_PACKED');
  });

  it('exits non-zero with the error code for bad input', () => {
    const unknown = cli('pack', 'NO-SUCH-ORDER');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error ORDER_NOT_FOUND/);
    expect(cli('orders', '--status', 'SHIPPED-ISH').stderr).toMatch(/^error INVALID_INPUT/);
    expect(cli('orders', '--limit', 'ten').stderr).toMatch(/^error INVALID_INPUT/);
    expect(cli('orders', '--frobnicate').stderr).toMatch(/^error INVALID_INPUT/);
    expect(cli('import', path.join(dir.dir, 'missing.csv')).stderr).toMatch(/^error FILE_NOT_FOUND/);
    expect(cli('teleport').code).toBe(2);
  });

  it('prints the code of every refused row of an import, and the warning of a file with no rows', () => {
    const at = (name: string, bytes: string | Buffer) => {
      const file = path.join(dir.dir, name);
      fs.writeFileSync(file, bytes);
      return file;
    };
    const good = fs.readFileSync(EN, 'utf8');
    const cut = cli('import', at('cut.csv', good.slice(0, good.lastIndexOf('Camden') + 3)));
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/^ {2}FILE_TRUNCATED +Row \d+: the file ends in the middle of a row/);
    expect(cut.stderr).toMatch(/^error IMPORT_INVALID: 1 problem/);
    const utf16 = cli('import', at('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')])));
    expect(utf16.stderr).toMatch(/^error FILE_NOT_TEXT: utf16.csv is not a UTF-8 CSV text file/);
    expect(cli('import', at('skus.csv', 'Seller SKU,Bin\r\nMUG,A-1\r\n')).stderr).toMatch(/^error IMPORT_WRONG_KIND: /);
    const headerOnly = cli('import', at('header.csv', `${good.split('\r\n')[0]}\r\n`));
    expect(headerOnly.code).toBe(0);
    expect(headerOnly.stdout).toMatch(/^Imported 0 rows.*\nwarning FILE_HEADER_ONLY: /);
  });

  it('answers a cancellation request and prints a pick list', () => {
    const asked = json<CliOrder[]>(cli('orders', '--status', 'AWAITING_SHIPMENT', '--json')).find((o) => o.cancelRequestedAt !== null)!;
    expect(json<CliOrder>(cli('cancel-response', asked.id, 'accept', '--json')).status).toBe('CANCELLED');
    const list = cli('picklist', '--wave', '20');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^Wave 1: 20 orders/);
  });
});
