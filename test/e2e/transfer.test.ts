/**
 * Import / export in Chromium: the committed Seller Center fixtures go through the browser's file
 * chooser, the report shows what the core counted, a broken file is refused row by row with
 * nothing imported, and an export names the files the core wrote.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import { TransferScreen } from './pages/transfer.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/seller-center');

describeInChromium('Import / Export screen in Chromium', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let transfer: TransferScreen;
  let exportDir: string;
  const step = flowSteps();

  beforeAll(async () => {
    bench = await startBench();
    browser = await openBrowser();
    exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-export-'));
    const app = new AppShell(browser.page);
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
    const rows = await transfer.errorRows.evaluateAll((els) => els.map((el) => `${(el as { getAttribute(n: string): string | null }).getAttribute('data-row')} ${(el as { getAttribute(n: string): string | null }).getAttribute('data-code')}`));
    expect(rows).toEqual(['4 BAD_NUMBER', '5 BAD_NUMBER', '6 MISSING_VALUE', '7 BAD_NUMBER', '8 BAD_NUMBER']);
    expect(await bench.call('orders.list', {})).toHaveLength(5);
    await screenshot(browser.page, 'transfer-refused');
  });

  step('imports the Chinese-headed export', async () => {
    expect(await transfer.importFile(path.join(FIXTURES, 'orders-zh.csv'))).toBe('done');
    expect(Number(await transfer.fact('orders'))).toBeGreaterThan(0);
  });

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
