/**
 * The pick queue in Chromium over a demo shop: most urgent first and windowed, filters answered by
 * the core, click and shift-click selection, and batch actions (labels to the loopback printer,
 * shipment arranged) with their results, checked in the core.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { labelsSince } from './labels.js';
import { openBrowser, screenshot, startBench, VIEWPORT, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import { PackScreen } from './pages/pack.js';
import { firstNumber } from './pages/controls.js';
import { QueueScreen } from './pages/queue.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';

const DEMO_ORDERS = 300;

describeInChromium('pick queue in Chromium', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let queue: QueueScreen;
  let picked: string[] = [];
  const step = flowSteps();

  beforeAll(async () => {
    bench = await startBench();
    await bench.call('demo.load', { orders: DEMO_ORDERS, seed: 5 });
    await bench.call('printers.save', { name: 'Loopback', uri: bench.printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    browser = await openBrowser();
    const app = new AppShell(browser.page);
    await app.goto(bench.origin);
    expect(await app.open('queue')).toBe(true);
    queue = new QueueScreen(browser.page);
    await queue.rows.first().waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
  });

  /** The order ids on screen, and the core's queue for the same filter from the top, as many. */
  async function shownAndCore(filter: { singleItem?: boolean; sku?: string } = {}) {
    const shown = await queue.visibleOrderIds();
    const core = (await bench.call('orders.queue', { ...filter, limit: shown.length })).orders.map((o) => o.id);
    return { shown, core };
  }

  step('lists the core’s queue, most urgent first, rendering only the rows in view', async () => {
    const total = (await bench.call('orders.queue', { limit: 1 })).total;
    await expect.poll(async () => shownAndCore().then(({ shown, core }) => shown.join() === core.join())).toBe(true);
    const shown = await queue.visibleOrderIds();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(total);
    // Each row counts down to its next deadline, coloured by how close it is.
    const urgencies = await browser.page
      .getByTestId('queue-countdown')
      .evaluateAll((els) => els.map((el) => (el as { getAttribute(n: string): string | null }).getAttribute('data-urgency')));
    expect(urgencies).toHaveLength(shown.length);
    expect(urgencies.every((u) => u !== null && u !== '')).toBe(true);
    await screenshot(browser.page, 'queue-list');
  });

  step('shows 12 rows or more at 1366×768 with the filters folded away', async () => {
    expect(VIEWPORT).toEqual({ width: 1366, height: 768 });
    expect(await queue.fullyVisibleRows()).toBeGreaterThanOrEqual(12);
  });

  step('filters single-item orders, then by SKU, as the core does', async () => {
    await queue.setFilter('single', 'single');
    await expect.poll(async () => shownAndCore({ singleItem: true }).then(({ shown, core }) => shown.length > 0 && shown.join() === core.join())).toBe(true);
    await queue.setFilter('single', '');
    const sku = (await bench.call('catalogue.list', {}))[0]!.sellerSku;
    await queue.setFilter('sku', sku);
    await expect.poll(async () => shownAndCore({ sku }).then(({ shown, core }) => shown.length > 0 && shown.join() === core.join())).toBe(true);
    await queue.setFilter('sku', '');
    await expect.poll(async () => shownAndCore().then(({ shown, core }) => shown.join() === core.join())).toBe(true);
  });

  step('selects a run of orders with click and shift-click', async () => {
    const ids = await queue.visibleOrderIds();
    picked = ids.slice(0, 3);
    await queue.toggle(picked[0]!);
    await queue.row(picked[2]!).click({ modifiers: ['Shift'] });
    await expect.poll(async () => firstNumber(await queue.selectionCount.textContent())).toBe(3);
    for (const id of picked) await expect(queue.row(id).getAttribute('aria-selected')).resolves.toBe('true');
  });

  step('prints the selected orders’ labels on the loopback printer', async () => {
    const from = bench.printer.bytesReceived;
    expect(await queue.run('print-labels')).toContain('is-ok');
    await expect.poll(() => labelsSince(bench.printer, from).length).toBe(3);
    await screenshot(browser.page, 'queue-labels-printed');
  });

  step('arranges shipment for them (unpacked allowed): they leave the queue', async () => {
    await queue.openFilters();
    await browser.page.getByTestId('option-allow-unpacked').check();
    expect(await queue.run('arrange')).toContain('is-ok');
    for (const id of picked) expect((await bench.call('orders.get', { orderId: id })).status).toBe('AWAITING_COLLECTION');
    await expect.poll(async () => (await queue.visibleOrderIds()).filter((id) => picked.includes(id))).toEqual([]);
  });

  step('opens an order in Pack with a double-click, and with Enter on the active row', async () => {
    const app = new AppShell(browser.page);
    const pack = new PackScreen(browser.page);
    // Orders the packer may pack now (not on hold, no cancel request): those open on the bench.
    const packable = new Set((await bench.call('orders.queue', { limit: 200 })).orders.filter((o) => o.packRefusal === null).map((o) => o.id));
    const [first, second] = (await queue.visibleOrderIds()).filter((id) => packable.has(id));
    await queue.openInPack(first!);
    await pack.order.waitFor();
    await expect(pack.order.getAttribute('data-order-id')).resolves.toBe(first);
    expect(await app.open('queue')).toBe(true);
    await queue.row(second!).waitFor();
    // A click makes the row active (and selects it); Enter opens it.
    await queue.toggle(second!);
    await browser.page.keyboard.press('Enter');
    await browser.page.locator(`[data-testid="pack-order"][data-order-id="${second}"]`).waitFor();
  });
});
