import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/core.js';
import { FakeTcpPrinter } from '../../printer/fakes/tcp-printer.js';

const root = path.resolve(import.meta.dirname, '../../..');
let dir: ReturnType<typeof tempDir>;
let db: string;
let printer: FakeTcpPrinter;

/** The real CLI in its own process; async, so the loopback printer in this process can answer. */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', ...args, '--db', db], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('latin1')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let order = '';

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir.dir, 'cli.db');
  printer = await FakeTcpPrinter.start();
  expect((await cli('demo')).code).toBe(0);
  const list = JSON.parse((await cli('orders', '--status', 'AWAITING_SHIPMENT', '--json')).stdout) as { id: string; cancelRequestedAt: number | null }[];
  order = list.find((o) => o.cancelRequestedAt === null)!.id;
});
afterAll(async () => {
  await printer.stop();
  dir.cleanup();
});

describe('printing from the CLI', () => {
  it('label writes the exact printer bytes, to a file or to stdout', async () => {
    const out = path.join(dir.dir, 'label.zpl');
    const r = await cli('label', order, '--lang', 'zpl', '--dpi', '300', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const zpl = fs.readFileSync(out, 'latin1');
    expect(zpl).toMatch(/^\^XA/);
    expect(zpl).toContain('^PW1181');
    const stdout = await cli('label', order, '--lang', 'tspl');
    expect(stdout.stdout).toMatch(/^SIZE 100 mm,150 mm/);
    expect((await cli('label', order, '--lang', 'pcl')).stderr).toMatch(/^error INVALID_INPUT/);
  });

  it('adds a network printer, prints, reprints, and lists it', async () => {
    const added = await cli('printers', 'add', '--name', 'Bench Zebra', '--uri', printer.uri, '--lang', 'zpl', '--dpi', '203');
    expect(added.code, added.stderr).toBe(0);
    expect((await cli('printers', 'list')).stdout).toContain('Bench Zebra');
    const first = await cli('print', order, '--json');
    expect(JSON.parse(first.stdout)).toMatchObject({ state: 'SENT', printerName: 'Bench Zebra', kind: 'PRINT' });
    const again = await cli('reprint', order, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ state: 'SENT', kind: 'REPRINT' });
    expect(printer.received().toString('latin1').match(/\^XA/g)).toHaveLength(2);
    expect((await cli('printers', 'test', 'Bench Zebra')).code).toBe(0);
  });

  it('a printer error exits non-zero with its code', async () => {
    printer.state.paperOut = true;
    const r = await cli('print', order);
    printer.state.paperOut = false;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error PAPER_OUT/);
    expect((await cli('printers', 'add', '--name', 'X', '--uri', 'nonsense://x', '--lang', 'zpl')).stderr).toMatch(/^error INVALID_INPUT/);
  });

  it('adds an 80 mm receipt printer and prints a packing slip and a pick list on it as text', async () => {
    const receipt = await FakeTcpPrinter.start();
    try {
      const added = await cli('printers', 'add', '--name', 'R', '--uri', receipt.uri, '--lang', 'escpos', '--receipt', '80');
      expect(added.code, added.stderr).toBe(0);
      const slip = await cli('packing-slip', order, '--printer', 'R');
      expect(slip.code, slip.stderr).toBe(0);
      expect(slip.stdout).toMatch(/SENT/);
      const list = await cli('picklist', order, '--print', '--printer', 'R');
      expect(list.code, list.stderr).toBe(0);
      const text = receipt.received().toString('latin1');
      expect(text.match(/PACKING SLIP/g)).toHaveLength(1);
      expect(text.match(/PICK LIST/g)).toHaveLength(1);
      // Each ends with the Epson cut (GS V 0) and the printer's reset.
      expect(text.split('\x1dV\x00\x1b@')).toHaveLength(3);
      const page = path.join(dir.dir, 'slip.html');
      expect((await cli('packing-slip', order, '--html', page)).code).toBe(0);
      expect(fs.readFileSync(page, 'utf8')).toContain(order);
      expect((await cli('printers', 'add', '--name', 'Q', '--uri', receipt.uri, '--lang', 'escpos', '--receipt', '76')).stderr).toMatch(/^error INVALID_INPUT/);
    } finally {
      await receipt.stop();
    }
  });
});
