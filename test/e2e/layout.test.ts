/**
 * Issue 11's screenshot check: every main screen at 1024×768, 1366×768 and 1920×1080, in English
 * and Chinese, filled as at a working bench (an order half packed with a long unknown code scanned,
 * a queue of demo orders with status chips, a handover batch, a found arranged order, a printer, an
 * import report), then the pack screen once its order is done (the label, "Scan the next order",
 * an already-packed verdict). Fails on horizontal overflow or a clipped order id, tracking number
 * or status chip; screenshots go to test-output/e2e/layout-*.png (git-ignored) for a person to see.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { writeFlowExport } from './fixtures.js';
import { OUTPUT_DIR, openBrowser, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell, type ScreenName } from './pages/app.js';
import { HandoverScreen } from './pages/handover.js';
import { BENCH_SIZES, measureViews } from './pages/layout.js';
import { PackScreen } from './pages/pack.js';
import { QueueScreen } from './pages/queue.js';
import { ReprintScreen } from './pages/reprint.js';
import { TransferScreen } from './pages/transfer.js';
import { ShopConnection, SyncPanel } from './pages/sync.js';
import { describeInChromium } from './suite.js';
import { PLATFORM_SYNC, simAct } from './sync-support.js';
import { startSimulator, type Simulator } from '../platform-sim/index.js';

const SIZES = BENCH_SIZES;
const SCREENS: ScreenName[] = ['pack', 'queue', 'handover', 'reprint', 'printers', 'transfer', 'settings'];
/** A code no barcode in the shop has, long enough to need wrapping in the verdict and history. */
const LONG_CODE = 'X9Q7-LONG-UNKNOWN-CODE-4006381333931-SCANNED-FROM-A-PALLET-LABEL';

describeInChromium('screens at bench sizes, in English and Chinese', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let page: Page;
  let app: AppShell;
  /** Order ids and tracking numbers that may be on screen. */
  let ids: string[];

  beforeAll(async () => {
    bench = await startBench();
    await bench.call('demo.load', { orders: 120, seed: 9 });
    await bench.call('printers.save', {
      name: 'Bench Zebra ZD421 (label printer by the window)',
      uri: bench.printer.uri,
      language: 'zpl',
      dpi: 203,
      documents: ['SHIPPING_LABEL'],
    });
    const orders = await bench.call('orders.list', { limit: 1000 });
    ids = orders.flatMap((o) => [o.id, ...(o.trackingNumber ? [o.trackingNumber] : [])]).filter((x) => x.length >= 8);
    browser = await openBrowser();
    page = browser.page;
    app = new AppShell(page);
    await app.goto(bench.origin);
    await fillScreens(bench, page, app);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
  });

  /** Every screen named, at every size in both languages: the problems found (screenshots kept). */
  const measure = (screens: ScreenName[], tag = '') =>
    measureViews(
      page,
      app,
      screens.map((name) => ({
        name,
        open: async () => {
          expect(await app.open(name)).toBe(true);
        },
      })),
      ids,
      tag,
    );

  it('has no horizontal overflow and no clipped ids on any main screen', async () => {
    const found = await measure(SCREENS);
    expect(found).toEqual([]);
  }, 180_000);

  it('nor on the pack screen once the order is done: its label, "Scan the next order" and an already-packed order', async () => {
    await finishAndScanPacked(bench, page, app);
    const found = await measure(['pack'], 'done');
    expect(found).toEqual([]);
  }, 120_000);

  it('grows the verdict with the window: readable from 2–3 m on a 1080p screen', async () => {
    const verdictPx = async (size: { width: number; height: number }) => {
      await page.setViewportSize(size);
      expect(await app.open('pack')).toBe(true);
      return page
        .locator('.verdict__text')
        .evaluate((el) => parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize));
    };
    const small = await verdictPx(SIZES[0]);
    const large = await verdictPx(SIZES[2]);
    // Issue 11 found 27 px at 1920 wide; about 50 px reads from across the bench.
    expect(large).toBeGreaterThanOrEqual(45);
    expect(small).toBeGreaterThanOrEqual(24);
    expect(large).toBeGreaterThan(small * 1.5);
  });
});

describeInChromium('sync screens at bench sizes, in English and Chinese', () => {
  let sim: Simulator;
  let bench: StationBench;
  let browser: BrowserSession;
  let page: Page;
  let app: AppShell;
  let shop: ShopConnection;
  let panel: SyncPanel;
  const ids = { refused: '', pending: '', cancelled: '' };
  /** Order ids, package ids and tracking numbers that may be on screen. */
  const shown = () => [...Object.values(ids), ...[...sim.state.orders.values()].flatMap((o) => o.packageIds)].filter((x) => x.length >= 8);

  const settings = (state: 'form' | 'connected') => ({
    name: `settings-shop-${state}`,
    open: async () => {
      expect(await app.open('settings')).toBe(true);
      await (state === 'form' ? page.getByTestId('shop-connect-form') : page.getByTestId('sync-settings')).waitFor();
      await shop.root.scrollIntoViewIfNeeded();
    },
  });

  beforeAll(async () => {
    sim = await startSimulator(PLATFORM_SYNC.sim);
    ids.refused = sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' }).id as string;
    ids.pending = sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' }).id as string;
    ids.cancelled = sim.controls.addOrder({ items: [{ sellerSku: 'CABLE-USB-C', qty: 2 }], shippingType: 'TIKTOK' }).id as string;
    // No engine: nothing is pushed but by the test's own "Sync now", so the pending entry stays.
    bench = await startBench({ sync: PLATFORM_SYNC.core });
    browser = await openBrowser();
    page = browser.page;
    app = new AppShell(page);
    shop = new ShopConnection(page);
    panel = new SyncPanel(page);
    await app.goto(bench.origin);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
    await sim?.close();
  });

  it('Settings → Shop connection, not connected: the form (Advanced open) fits', async () => {
    expect(await app.open('settings')).toBe(true);
    const advanced = page.getByTestId('shop-advanced').locator('summary');
    await advanced.click();
    const found = await measureViews(page, app, [settings('form')], shown());
    // Closed again, as the next step's connect opens it.
    await advanced.click();
    expect(found).toEqual([]);
  }, 120_000);

  it('Settings → Shop connection, connected: the shop and the sync settings fit', async () => {
    expect(await app.open('settings')).toBe(true);
    await shop.connect({ appKey: sim.appKey, appSecret: sim.appSecret, authCode: sim.controls.issueAuthCode(), apiBase: sim.apiBase, authBase: sim.authBase });
    await shop.connected.waitFor();
    expect(await measureViews(page, app, [settings('connected')], shown())).toEqual([]);
  }, 120_000);

  it('the sync panel with a refused entry, a pending entry and a conflict fits', async () => {
    await panel.open();
    await panel.syncNow();
    // A conflict: cancelled on the platform while open on Pack.
    expect(await app.open('pack')).toBe(true);
    const pack = new PackScreen(page);
    expect(await pack.scan(ids.cancelled)).toBe('ORDER_OPENED');
    expect(await pack.scan('CABLE-USB-C')).toBe('ACCEPTED');
    await simAct(sim, ids.cancelled, 'cancel');
    // A refusal: put on hold in Seller Center after it was arranged here.
    await bench.call('shipping.arrange', { orderIds: [ids.refused], allowUnpacked: true });
    await simAct(sim, ids.refused, 'hold');
    await panel.open();
    await panel.syncNow();
    // Pending: arranged after the last sync.
    await bench.call('shipping.arrange', { orderIds: [ids.pending], allowUnpacked: true });
    await expect.poll(() => panel.entry(ids.refused).getAttribute('data-state')).toBe('refused');
    await expect.poll(() => panel.entry(ids.pending).getAttribute('data-state')).toBe('pending');
    await page.locator(`[data-testid="sync-conflict"][data-order-id="${ids.cancelled}"]`).waitFor();
    expect(await measureViews(page, app, [{ name: 'sync', open: () => panel.open() }], shown())).toEqual([]);
    expect(bench.errors).toEqual([]);
    expect(sim.errors).toEqual([]);
  }, 180_000);
});

/** The orders the layout check packs: one packed whole before the check, one half packed on the bench. */
let packedWhole: string;
let halfPacked: string;

/** Scans each unit the order still lacks (by barcode, or seller SKU), and returns the last verdict. */
async function packRest(bench: StationBench, pack: PackScreen, orderId: string): Promise<string> {
  const order = await bench.call('orders.get', { orderId });
  let last = '';
  for (const l of order.lines) {
    for (let n = l.packedQty; n < l.qty; n++) last = await pack.scan(l.barcodes[0] ?? l.sellerSku);
  }
  return last;
}

/** Puts on each screen what a working bench has there, status chips and a label thumbnail included. */
async function fillScreens(bench: StationBench, page: Page, app: AppShell): Promise<void> {
  const queue = await bench.call('orders.queue', { limit: 50, cancelRequested: false });
  const [first, second] = queue.orders.filter((o) => o.packRefusal === null);
  packedWhole = first!.id;
  halfPacked = second!.id;

  const pack = new PackScreen(page);
  // One order packed whole (the core prints its label): the queue shows its chips.
  expect(await pack.scan(packedWhole)).toBe('ORDER_OPENED');
  expect(await packRest(bench, pack, packedWhole)).toBe('ORDER_COMPLETE');
  await pack.doneLabel.waitFor();
  await pack.noticeFor('finish').waitFor();

  const order = await bench.call('orders.get', { orderId: halfPacked });
  expect(await pack.scan(order.id)).toBe('ORDER_OPENED');
  const line = order.lines[0]!;
  await pack.scan(line.barcodes[0] ?? line.sellerSku);
  expect(await pack.scan(LONG_CODE)).toBe('UNKNOWN_BARCODE');

  expect(await app.open('queue')).toBe(true);
  await new QueueScreen(page).rows.first().waitFor();
  await page.locator(`[data-testid="status-chips"][data-chips~="packed"]`).first().waitFor();

  expect(await app.open('handover')).toBe(true);
  const handover = new HandoverScreen(page);
  await handover.open('PICKUP', order.carrier);
  const shipped = (await bench.call('orders.list', { status: ['AWAITING_COLLECTION', 'IN_TRANSIT'], limit: 5 })).find((o) => o.trackingNumber);
  await handover.scan(shipped?.trackingNumber ?? order.id);
  await page.locator('[data-testid="handover-verdict"].verdict--ok, [data-testid="handover-verdict"].verdict--error').waitFor();

  // An arranged order, found: the reprint screen is where the "arranged" chip shows.
  const arranged = (await bench.call('orders.list', { status: ['AWAITING_COLLECTION'], limit: 5 }))[0]!;
  expect(await app.open('reprint')).toBe(true);
  const reprint = new ReprintScreen(page);
  await reprint.search(arranged.id);
  await reprint.result(arranged.id).click();
  await reprint.preview.waitFor();
  await page.locator(`[data-testid="status-chips"][data-chips~="arranged"]`).first().waitFor();

  expect(await app.open('transfer')).toBe(true);
  await new TransferScreen(page).importFile(writeFlowExport(path.join(OUTPUT_DIR, 'layout-import')));
}

/** The pack screen at the end of an order: its label and "Scan the next order", then an order packed earlier scanned. */
async function finishAndScanPacked(bench: StationBench, page: Page, app: AppShell): Promise<void> {
  expect(await app.open('pack')).toBe(true);
  const pack = new PackScreen(page);
  expect(await packRest(bench, pack, halfPacked)).toBe('ORDER_COMPLETE');
  await pack.doneLabel.waitFor();
  expect(await pack.scan(packedWhole)).toBe('ORDER_ALREADY_PACKED');
  await pack.doneLabel.waitFor();
}
