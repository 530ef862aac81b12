/**
 * Issue 11 item 1 in Chromium: scans never split. Keys go in through the DevTools protocol with
 * explicit timestamps (pages/scanner.ts), so what the page sees does not depend on this machine's
 * load; a long task is injected while the page handles a key in the middle of a burst.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import { markCount, PackScreen } from './pages/pack.js';
import { SettingsScreen } from './pages/settings.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';

interface Packable {
  id: string;
  /** One barcode per unit, in line order. */
  units: string[];
}

/** Orders awaiting shipment that can be packed by scanning (no refusal, a barcode on every line). */
async function packableOrders(bench: StationBench, count: number): Promise<Packable[]> {
  const orders = await bench.call('orders.list', { status: ['AWAITING_SHIPMENT'], limit: 200 });
  return orders
    .filter((o) => o.packRefusal === null && o.unitsOrdered >= 2 && o.lines.every((l) => l.barcodes.length > 0))
    .slice(0, count)
    .map((o) => ({ id: o.id, units: o.lines.flatMap((l) => Array.from({ length: l.qty }, () => l.barcodes[0]!)) }));
}

async function packedUnits(bench: StationBench, orderId: string): Promise<number> {
  return (await bench.call('orders.get', { orderId })).unitsPacked;
}

describeInChromium('scanner bursts in Chromium', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let page: Page;
  let app: AppShell;
  let pack: PackScreen;
  let orders: Packable[];
  const step = flowSteps();

  beforeAll(async () => {
    bench = await startBench();
    await bench.call('demo.load', { orders: 60, seed: 3 });
    orders = await packableOrders(bench, 3);
    browser = await openBrowser();
    page = browser.page;
    app = new AppShell(page);
    pack = new PackScreen(page);
    await app.goto(bench.origin);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
  });

  step('gets exactly one scan with the right code when a 200 ms long task lands mid-burst', async () => {
    expect(orders.length).toBeGreaterThanOrEqual(3);
    const [order] = orders;
    const received = await markCount(page, 'scan-received');
    expect(await pack.scan(order!.id, { longTask: { afterKey: 8, ms: 200 } })).toBe('ORDER_OPENED');
    await expect(pack.order.getAttribute('data-order-id')).resolves.toBe(order!.id);
    expect(await pack.scan(order!.units[0]!, { longTask: { afterKey: 4, ms: 200 } })).toBe('ACCEPTED');
    expect(await markCount(page, 'scan-received')).toBe(received + 2);
    expect(await packedUnits(bench, order!.id)).toBe(1);
  });

  step('says "Scan not read completely — scan again" for a burst whose suffix never came, and sends nothing', async () => {
    const [order] = orders;
    const received = await markCount(page, 'scan-received');
    expect(await pack.scanCutShort(order!.units[1]!)).toBe('SCAN_INCOMPLETE');
    await expect(pack.verdict.textContent()).resolves.toContain('Scan not read completely — scan again');
    await expect(pack.verdict.getAttribute('class')).resolves.toContain('verdict--error');
    await screenshot(page, 'scanner-01-incomplete');
    expect(await markCount(page, 'scan-received')).toBe(received);
    expect(await packedUnits(bench, order!.id)).toBe(1);
    // The next good scan replaces the message with its verdict.
    expect(await pack.scan(order!.units[1]!)).toMatch(/^(ACCEPTED|ORDER_COMPLETE)$/);
    expect(await packedUnits(bench, order!.id)).toBe(2);
  });

  step('learns a slower scanner that ends with Tab in Settings, keeps it across a reload, and packs with it', async () => {
    expect(await app.open('settings')).toBe(true);
    const settings = new SettingsScreen(page);
    await expect(settings.scannerProfile.getAttribute('data-tested')).resolves.toBe('no');
    expect(await settings.testScanner('PACKDESK-2468', { gapMs: 45, suffix: 'Tab' })).toContain('PACKDESK-2468');
    await expect(settings.scannerProfile.getAttribute('data-tested')).resolves.toBe('yes');
    await expect(settings.scannerProfile.textContent()).resolves.toMatch(/45 ms apart \(allowing 100 ms\), ends with Tab/);
    await screenshot(page, 'scanner-02-tested');

    await page.reload();
    await app.waitConnected();
    expect(await app.open('settings')).toBe(true);
    await expect(settings.scannerProfile.textContent()).resolves.toMatch(/ends with Tab/);

    expect(await app.open('pack')).toBe(true);
    const order = orders[1]!;
    expect(await pack.scan(order.id, { gapMs: 45, suffix: 'Tab' })).toBe('ORDER_OPENED');
    expect(await pack.scan(order.units[0]!, { gapMs: 45, suffix: 'Tab', longTask: { afterKey: 3, ms: 200 } })).toBe('ACCEPTED');
    expect(await packedUnits(bench, order.id)).toBe(1);
  });

  it('logged no internal errors in the core', () => {
    expect(bench.errors).toEqual([]);
  });
});
