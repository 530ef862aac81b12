import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../../core/domain/clock.js';
import { testCore, type TestCore } from '../../helpers/core.js';
import { line, makeOrder, makeSku, seedOrder, seedSku } from '../../helpers/orders.js';
import { packedQtys, scanner } from '../features/support.js';
import { FifoPrinter } from '../printing/fifo-printer.js';
import { jobStates, until } from '../printing/processes.js';
import { WHO } from '../printing/support.js';

const EAN = '4006381333931';
const root = path.resolve(import.meta.dirname, '../../..');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0).reverse()) f();
});

function bench(opts: Parameters<typeof testCore>[1] = {}): TestCore {
  const core = testCore(undefined, opts);
  cleanups.push(() => core.dispose());
  const a = seedSku(core, makeSku('A', { barcodes: [EAN] }));
  for (let i = 1; i <= 60; i++) seedOrder(core, makeOrder(`O${i}`, [line(a, 2)], core.clock.now() - i * 60_000));
  return core;
}

describe('the writer: one queue for every write of a program', () => {
  it('runs write calls one at a time in the order they came, also while one waits for another program', async () => {
    let release = () => {};
    const core = bench({ log: { error: () => {}, warn: () => release() } });
    const other = new Database(core.dbPath);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    release = () => other.inTransaction && other.exec('COMMIT');
    const scan = scanner(core);
    // Sent together: the item must not overtake the order scan that is still waiting.
    const [opened, item] = await Promise.all([scan('O1'), scan(EAN)]);
    expect([opened.code, item.code, item.orderId]).toEqual(['ORDER_OPENED', 'ACCEPTED', 'O1']);
  });

  it('a print batch does not hold the queue: scans are answered while a label is stuck at the printer', async () => {
    const core = bench();
    const pipe = FifoPrinter.create(core.dir);
    cleanups.push(() => pipe.close());
    await core.call('printers.save', { name: 'Pipe', uri: pipe.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    pipe.stall();
    let batchDone = false;
    const batch = core.call('printing.batch', { orderIds: Array.from({ length: 60 }, (_, i) => `O${i + 1}`), ...WHO }).finally(() => (batchDone = true));
    await until('a label to be stuck mid-send', () => jobStates(core.dbPath).SENDING === 1);
    const scan = scanner(core, 'bench-2');
    expect((await scan('O60')).code).toBe('ORDER_OPENED');
    expect((await scan(EAN)).code).toBe('ACCEPTED');
    expect(batchDone).toBe(false);
    pipe.stall(false);
    expect(await batch).toMatchObject({ state: 'DONE', sent: 60 });
    expect(packedQtys(core, 'O60')).toEqual([1]);
  });

  it('applies the automatic rules that came due before a write decides', async () => {
    const core = bench();
    core.context.db.prepare('UPDATE orders SET cancel_requested_at = ? WHERE id = ?').run(core.clock.now(), 'O2');
    const changed: string[][] = [];
    core.events.on('orders.changed', (e) => changed.push(e.orderIds));
    core.clock.advance(48 * HOUR + 1);
    expect(await scanner(core)('O2')).toMatchObject({ code: 'ORDER_CANCELLED' });
    expect(changed[0]).toEqual(['O2']);
    expect(await core.call('orders.applyAutomaticRules', {})).toEqual({ cancelled: [] });
  });
});

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The write path, checked on the source: a rule nobody has to remember. */
describe('the write path in the source', () => {
  const core = tsFiles(path.join(root, 'core'));

  it('opens no transaction but BEGIN IMMEDIATE ones, and only in the store and at start-up', () => {
    const allowed = ['core/store/transaction.ts', 'core/store/migrate.ts', 'core/core.ts'];
    for (const file of core) {
      const src = fs.readFileSync(file, 'utf8');
      const rel = path.relative(root, file);
      const opened = src.match(/\.transaction\(/g)?.length ?? 0;
      if (!allowed.includes(rel)) expect(opened, rel).toBe(0);
      else expect(src.match(/\.immediate\(\)/g)?.length ?? 0, rel).toBe(opened);
    }
  });

  it('keeps SQL in core/store: no statement is prepared in features, printing, the API, the CLI or the station', () => {
    for (const file of core.filter((f) => !f.includes(`${path.sep}store${path.sep}`))) {
      expect(fs.readFileSync(file, 'utf8'), path.relative(root, file)).not.toMatch(/\bsql\(|\.prepare\(|\.pragma\(|\bdb\.exec\(/);
    }
  });
});
