/**
 * Import / export in Chromium: the committed Seller Center fixtures go through the browser's file
 * chooser, the report shows what the core counted, a broken file is refused row by row with
 * nothing imported, a file with a header and no orders warns in amber, a refused file's rows are
 * said in Chinese from their codes, a UTF-16 file and a system folder are refused in the chosen
 * language, and an export names the files the core wrote.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { EXPORT_HEADER } from '../fixtures/make-export.js';
import { headerOnlyExportText, refusedExportText, writeFile } from './fixtures.js';
import { OUTPUT_DIR, openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import { TransferScreen } from './pages/transfer.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/seller-center');
/** Files made for this run, apart from the export folder (whose every file must be the export's). */
const INPUT_DIR = path.join(OUTPUT_DIR, 'transfer-input');

describeInChromium('Import / Export screen in Chromium', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let app: AppShell;
  let transfer: TransferScreen;
  let exportDir: string;
  const step = flowSteps();

  beforeAll(async () => {
    bench = await startBench();
    browser = await openBrowser();
    exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-export-'));
    app = new AppShell(browser.page);
    await app.goto(bench.origin);
    expect(await app.open('transfer')).toBe(true);
    transfer = new TransferScreen(browser.page);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
    if (exportDir) fs.rmSync(exportDir, { recursive: true, force: true });
  });

  step('imports the English day/month/year export and reports what the core counted', async () => {
    expect(await transfer.importFile(path.join(FIXTURES, 'orders-en-dmy.csv'))).toBe('done');
    const facts = { rows: await transfer.fact('rows'), orders: await transfer.fact('orders'), created: await transfer.fact('created') };
    expect(facts).toEqual({ rows: '8', orders: '5', created: '5' });
    expect(await bench.call('orders.list', {})).toHaveLength(5);
    await screenshot(browser.page, 'transfer-imported');
  });

  step('refuses a file with bad quantities, listing each bad row, and imports nothing of it', async () => {
    expect(await transfer.importFile(path.join(FIXTURES, 'broken-bad-quantity.csv'))).toBe('failed');
    const rows = await transfer.errorRows.evaluateAll((els) =>
      els.map(
        (el) =>
          `${(el as { getAttribute(n: string): string | null }).getAttribute('data-row')} ${(el as { getAttribute(n: string): string | null }).getAttribute('data-code')}`,
      ),
    );
    expect(rows).toEqual(['4 BAD_NUMBER', '5 BAD_NUMBER', '6 MISSING_VALUE', '7 BAD_NUMBER', '8 BAD_NUMBER']);
    expect(await bench.call('orders.list', {})).toHaveLength(5);
    await screenshot(browser.page, 'transfer-refused');
  });

  step('imports the Chinese-headed export', async () => {
    expect(await transfer.importFile(path.join(FIXTURES, 'orders-zh.csv'))).toBe('done');
    expect(Number(await transfer.fact('orders'))).toBeGreaterThan(0);
  });

  step('warns in amber, not green, that a file with a header and no orders imported nothing', async () => {
    const before = (await bench.call('orders.list', {})).length;
    const file = writeFile(INPUT_DIR, 'header-only.csv', headerOnlyExportText());
    expect(await transfer.importFile(file)).toBe('done');
    await expect(transfer.warnings.getAttribute('data-code')).resolves.toBe('FILE_HEADER_ONLY');
    await expect(transfer.warnings.textContent()).resolves.toMatch(/header row but no orders/);
    const state = browser.page.getByTestId('import-state');
    await expect(state.getAttribute('data-warned')).resolves.toBe('true');
    await expect(state.textContent()).resolves.toBe('header-only.csv: nothing imported.');
    await expect(transfer.report.getAttribute('class')).resolves.toContain('import-report--warning');
    // Amber, not the green of a success: the colour the packer sees is the theme's warning colour.
    const colour = await state.evaluate((el) => {
      type Styled = { style: { color: string }; remove(): void };
      const g = globalThis as unknown as {
        getComputedStyle(e: unknown): { color: string };
        document: { createElement(t: string): Styled; body: { append(e: Styled): void } };
      };
      const probe = (v: string) => {
        const p = g.document.createElement('span');
        p.style.color = `var(${v})`;
        g.document.body.append(p);
        const c = g.getComputedStyle(p).color;
        p.remove();
        return c;
      };
      return { shown: g.getComputedStyle(el).color, warning: probe('--warning'), ok: probe('--ok') };
    });
    expect(colour.warning).not.toBe(colour.ok);
    expect(colour.shown).toBe(colour.warning);
    expect(await bench.call('orders.list', {})).toHaveLength(before);
    await screenshot(browser.page, 'transfer-header-only');
  });

  step('in Chinese, lists a refused file’s rows by their codes in Chinese words, and imports nothing of it', async () => {
    const before = (await bench.call('orders.list', {})).length;
    const refused = refusedExportText();
    const file = writeFile(INPUT_DIR, 'refused-rows.csv', refused.text);
    await app.switchLanguage('zh-CN');
    try {
      expect(await transfer.importFile(file)).toBe('failed');
      const rows = await transfer.errorRows.evaluateAll((els) =>
        els.map(
          (el) =>
            `${(el as { getAttribute(n: string): string | null }).getAttribute('data-row')} ${(el as { getAttribute(n: string): string | null }).getAttribute('data-code')}`,
        ),
      );
      expect(rows).toEqual([`${refused.shortRow} ROW_TOO_SHORT`, `${refused.badIdRow} BAD_ORDER_ID`]);
      const details = await transfer.errorDetails();
      expect(details[0]).toContain(`这一行有 ${refused.shortCells} 个单元格，表头有 ${EXPORT_HEADER.length} 个`);
      expect(details[1]).toContain(`“${refused.badId}”不是平台订单号`);
      // Said in Chinese, not the core's English messages.
      await expect(browser.page.getByTestId('import-errors').textContent()).resolves.not.toMatch(/\bRow\b|cells|header/);
      await screenshot(browser.page, 'transfer-refused-zh');
    } finally {
      await app.switchLanguage('en');
    }
    expect(await bench.call('orders.list', {})).toHaveLength(before);
  });

  step(
    'in Chinese, refuses a UTF-16 file (no byte order mark) as not a CSV text file, and an export into /proc as a system folder; nothing imported',
    async () => {
      const before = (await bench.call('orders.list', {})).length;
      // UTF-16 without a byte order mark (with one, the browser reads the text right and it imports).
      const utf16 = path.join(INPUT_DIR, 'orders-utf16.csv');
      fs.mkdirSync(INPUT_DIR, { recursive: true });
      const text = fs.readFileSync(path.join(FIXTURES, 'orders-en-mdy.csv'), 'utf8');
      fs.writeFileSync(utf16, Buffer.from(text, 'utf16le'));
      await app.switchLanguage('zh-CN');
      try {
        expect(await transfer.importFile(utf16)).toBe('failed');
        await expect(browser.page.getByTestId('import-failure').textContent()).resolves.toContain(
          '该文件是 UTF-16 文本（Excel 中的“Unicode 文本”），不是 UTF-8 编码的 CSV 文件',
        );
        expect(await transfer.exportRefused('/proc/self')).toContain('系统文件夹');
        await screenshot(browser.page, 'transfer-refused-folder-zh');
      } finally {
        await app.switchLanguage('en');
      }
      expect(await transfer.exportRefused('exports/today')).toContain('relative path');
      expect(await bench.call('orders.list', {})).toHaveLength(before);
    },
  );

  step('exports the orders into a folder on the station computer and names the files', async () => {
    // The fixtures' orders are from 2024, before the screen's default of the last 90 days.
    const files = await transfer.exportTo(exportDir, { from: '2024-01-01', to: '' });
    expect(files.length).toBeGreaterThan(0);
    const written = fs.readdirSync(exportDir);
    expect(written.length).toBe(files.length);
    for (const name of written) expect(files.some((f) => f.includes(name))).toBe(true);
    expect(fs.readFileSync(path.join(exportDir, written[0]!), 'utf8')).toContain('Order ID');
  });
});
