/**
 * Issue 9's end-to-end test, in Chromium against the station host (with its sync engine running,
 * as `npm run station` runs it) and the platform simulator on 127.0.0.1: connect a shop on the
 * Settings screen, Sync now, the orders are in the queue and the status bar says Synced; pack an
 * order by scanning, its shipment reaches the platform exactly once (the simulator's control API
 * says so), the platform's label is downloaded, printed to a loopback ZPL printer, and its Code 128
 * reads as the simulator's tracking number.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../platform-sim/index.js';
import { scanZpl } from '../printer/oracles/scan.js';
import { labelsSince } from './labels.js';
import { openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import { PackScreen } from './pages/pack.js';
import { QueueScreen } from './pages/queue.js';
import { ReprintScreen } from './pages/reprint.js';
import { SettingsScreen } from './pages/settings.js';
import { ShopConnection, SyncPanel } from './pages/sync.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';
import { PLATFORM_SYNC, simPackage } from './sync-support.js';

const STOCK = { widthMm: 100, heightMm: 150 };

describeInChromium('live sync with TikTok Shop in Chromium', () => {
  let sim: Simulator;
  let bench: StationBench;
  let browser: BrowserSession;
  let page: Page;
  let app: AppShell;
  let panel: SyncPanel;
  let orderId = '';
  let packageId = '';
  const others: string[] = [];
  const pageErrors: string[] = [];
  let printedFrom = 0;
  const step = flowSteps();

  beforeAll(async () => {
    sim = await startSimulator({ ...PLATFORM_SYNC.sim, settings: { labelGeneratingCalls: 1 } });
    const order = sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 2 }], shippingType: 'TIKTOK' });
    orderId = order.id as string;
    packageId = sim.state.orders.get(orderId)!.packageIds[0]!;
    for (let i = 0; i < 2; i++) others.push(sim.controls.addOrder({ items: [{ sellerSku: 'CABLE-USB-C', qty: 1 }], shippingType: 'TIKTOK' }).id as string);
    bench = await startBench({ sync: PLATFORM_SYNC.core });
    await bench.call('printers.save', { name: 'Loopback', uri: bench.printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    // As the station host does: sync at start, every minute, soon after each outbox write.
    bench.core.sync.start();
    browser = await openBrowser();
    page = browser.page;
    app = new AppShell(page);
    panel = new SyncPanel(page);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await app.goto(bench.origin);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
    await sim?.close();
  });

  step('says "Not connected to a shop" before a shop is connected', async () => {
    await expect.poll(() => panel.status.getAttribute('data-state')).toBe('NOT_CONNECTED');
    await expect(panel.status.textContent()).resolves.toBe('Not connected to a shop');
  });

  step('connects the simulator shop on Settings → Shop connection (base URLs under Advanced); the secret is gone from the form', async () => {
    expect(await app.open('settings')).toBe(true);
    const shop = new ShopConnection(page);
    await shop.root.scrollIntoViewIfNeeded();
    await shop.connect({ appKey: sim.appKey, appSecret: sim.appSecret, authCode: sim.controls.issueAuthCode(), apiBase: sim.apiBase, authBase: sim.authBase });
    await expect(shop.connected.textContent()).resolves.toMatch(/Connected to .+ · Token valid until/);
    await expect(shop.secret.inputValue()).resolves.toBe('');
    const html = await page.content();
    expect(html).not.toContain(sim.appSecret);
    await screenshot(page, 'sync-01-connected');
  });

  step('Sync now from the sync panel: the orders are in the queue and the status bar says Synced', async () => {
    await panel.open();
    await panel.syncNow();
    await expect(page.getByTestId('sync-error').count()).resolves.toBe(0);
    await expect.poll(() => panel.status.getAttribute('data-state')).toBe('SYNCED');
    await expect(panel.status.textContent()).resolves.toMatch(/^Synced \d\d:\d\d$/);
    expect(await app.open('queue')).toBe(true);
    const queue = new QueueScreen(page);
    for (const id of [orderId, ...others]) await queue.row(id).waitFor();
    await screenshot(page, 'sync-02-synced');
  });

  step('packs the order by scanning with auto-print on: shipment is arranged, nothing printed yet (the TikTok label prints when it arrives)', async () => {
    expect(await app.open('settings')).toBe(true);
    const settings = new SettingsScreen(page);
    // TikTok ships this order: its label comes from the platform once shipment is arranged, and
    // Packdesk's own label must never print for it.
    await settings.set(settings.autoPrint, true);
    await settings.set(settings.autoShip, false);
    expect(await app.open('pack')).toBe(true);
    const pack = new PackScreen(page);
    printedFrom = bench.printer.bytesReceived;
    expect(await pack.scan(orderId)).toBe('ORDER_OPENED');
    expect(await pack.scan('MUG-01')).toBe('ACCEPTED');
    expect(await pack.scan('MUG-01')).toBe('ORDER_COMPLETE');
    await pack.noticeFor('finish').waitFor();
    await expect(pack.notice.getAttribute('data-label')).resolves.toBe('WHEN_IT_ARRIVES');
    await expect(pack.notice.getAttribute('data-kind')).resolves.toBe('done');
    await expect(pack.notice.textContent()).resolves.toContain('Shipment arranged — the TikTok label prints as soon as it arrives');
    expect(labelsSince(bench.printer, printedFrom)).toEqual([]);
  });

  step('the sync pushes the shipment: the simulator shipped the package exactly once, and the label is downloaded', async () => {
    // The engine runs 1 s after the outbox write; "Sync now" fetches the label once it is made.
    await expect.poll(async () => (await simPackage(sim, packageId)).shipApplied, { timeout: 30_000 }).toBe(1);
    await panel.open();
    await expect
      .poll(
        async () => {
          const order = await bench.call('orders.get', { orderId });
          if (order.packages?.[0]?.label) return 'label';
          await panel.syncNow();
          return 'waiting';
        },
        { timeout: 60_000 },
      )
      .toBe('label');
    const pkg = await simPackage(sim, packageId);
    expect({ shipCalls: pkg.shipCalls, shipApplied: pkg.shipApplied }).toEqual({ shipCalls: 1, shipApplied: 1 });
    await expect.poll(() => panel.status.getAttribute('data-state')).toBe('SYNCED');
    await screenshot(page, 'sync-03-pushed');
  });

  step("the platform label printed by itself on arrival to the loopback printer, once; its Code 128 reads as the simulator's tracking number", async () => {
    // Printed in the cycle that downloaded it; the first platform label loads the PDF renderer.
    await expect.poll(() => labelsSince(bench.printer, printedFrom).length, { timeout: 30_000 }).toBe(1);
    // Another full cycle prints nothing more.
    await bench.call('sync.now', {});
    expect(labelsSince(bench.printer, printedFrom)).toHaveLength(1);
    const jobs = await bench.call('printing.jobs', { orderId, limit: 10 });
    expect(jobs.map((j) => j.state)).toEqual(['SENT']);
    const [zpl] = labelsSince(bench.printer, printedFrom);
    // The platform's PDF, rasterised for the printer: a graphic, not Packdesk's own text label.
    expect(zpl).toMatch(/\^GFA,[\d,]+:Z64:/);
    const tracking = (await simPackage(sim, packageId)).package.tracking_number as string;
    expect(tracking).toMatch(/\S/);
    const read = await scanZpl(zpl!, STOCK, 203, 'e2e-sync-platform-label');
    expect(read.code128).toContain(tracking);
    expect((await bench.call('orders.get', { orderId })).trackingNumber).toBe(tracking);
    expect(bench.errors).toEqual([]);
    expect(sim.errors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  step('Reprint previews the platform label, says "TikTok label", and lists the package with it', async () => {
    expect(await app.open('reprint')).toBe(true);
    const reprint = new ReprintScreen(page);
    await reprint.search(orderId);
    await reprint.preview.waitFor({ timeout: 30_000 });
    await expect(page.locator('.label-preview figcaption').textContent()).resolves.toMatch(/^TikTok label · Loopback$/);
    const pkg = page.locator(`[data-testid="package-label"][data-package-id="${packageId}"]`);
    await expect(pkg.getAttribute('data-label')).resolves.toBe('PLATFORM');
    await expect(pkg.textContent()).resolves.toContain('TikTok label');
    await screenshot(page, 'sync-04-reprint-preview');
  });
});
