/**
 * Issue 11 phase 2 in Chromium against the station host, through the screens and a CDP-driven
 * scanner: wrong and over-scanned items are named, a complete order shows its label and "Scan the
 * next order", an order scanned after it was packed says when and by whom on the shop's clock and
 * F8 reprints it without reopening it, the A4 packing slip opens, and a packed parcel whose
 * shipment was not arranged is arranged at the handover with Enter and added. One station, one
 * packer's morning, in order.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FLOW_ORDER, OTHER_ORDER, flowExportText } from './fixtures.js';
import { labelsWith } from './labels.js';
import { openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import { HandoverScreen } from './pages/handover.js';
import { PackScreen } from './pages/pack.js';
import { SettingsScreen } from './pages/settings.js';
import { SlipPage } from './pages/slip.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';

/** The shop is in UTC+8: the time the screen shows must be the shop's, not the browser's (en-GB, UTC here). */
const SHOP_OFFSET_MIN = 480;
const PACKER = 'Li';

/** "HH:MM" of an instant on the shop's clock, worked out here apart from the renderer's formatting. */
function shopClock(at: number): string {
  const d = new Date(at + SHOP_OFFSET_MIN * 60_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

describeInChromium('a bench-ready pack screen and handover in Chromium', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let page: Page;
  let app: AppShell;
  let pack: PackScreen;
  const step = flowSteps();

  beforeAll(async () => {
    bench = await startBench();
    // What the other e2e files do through the screens is setup here.
    await bench.call('import.orders', { upload: { fileName: 'orders-e2e.csv', content: flowExportText() } });
    await bench.call('printers.save', { name: 'Loopback', uri: bench.printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL', 'PICK_LIST'] });
    await bench.call('settings.set', { timeZoneOffsetMinutes: SHOP_OFFSET_MIN });
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

  step('names the packer at this bench in Settings', async () => {
    expect(await app.open('settings')).toBe(true);
    await new SettingsScreen(page).setPacker(PACKER);
    expect(await app.open('pack')).toBe(true);
  });

  step('names a wrong item by its SKU and name, and an over-scanned line by its SKU; neither changes the order', async () => {
    expect(await pack.scan(FLOW_ORDER.id)).toBe('ORDER_OPENED');
    expect(await pack.scan(OTHER_ORDER.sellerSku)).toBe('WRONG_ITEM');
    const wrong = (await pack.verdict.textContent()) ?? '';
    expect(wrong).toContain(`Wrong item: ${OTHER_ORDER.sellerSku}`);
    expect(wrong).toContain('Ceramic Mug 350 ml');
    expect(wrong).toContain('put it back');
    await screenshot(page, 'bench-01-wrong-item');

    expect(await pack.scan('CASE-CLR-15')).toBe('ACCEPTED');
    expect(await pack.scan('CASE-CLR-15')).toBe('ACCEPTED');
    expect(await pack.scan('CASE-CLR-15')).toBe('OVER_SCAN');
    expect(await pack.verdict.textContent()).toContain('CASE-CLR-15');
    expect(await pack.lineCount('CASE-CLR-15')).toEqual({ packed: 2, qty: 2, done: true });
    const order = await bench.call('orders.get', { orderId: FLOW_ORDER.id });
    expect(order.lines.map((l) => `${l.sellerSku} ${l.packedQty}`).sort()).toEqual(['CASE-CLR-15 2', 'STRAP-BLK-42 0']);
  });

  step('completes the order: the core prints the label, the screen shows it and says "Scan the next order"', async () => {
    const from = bench.printer.bytesReceived;
    expect(await pack.scan('STRAP-BLK-42')).toBe('ORDER_COMPLETE');
    await pack.noticeFor('finish').waitFor();
    await expect(pack.notice.getAttribute('data-label')).resolves.toBe('PRINTED');
    // The shop's rule by default: print, do not arrange.
    await expect(pack.notice.getAttribute('data-shipment')).resolves.toBe('NOT_ASKED');
    await expect.poll(() => labelsWith(bench.printer, from, FLOW_ORDER.tracking).length).toBe(1);
    await expect(pack.doneCard.textContent()).resolves.toContain('Scan the next order');
    await pack.doneLabel.waitFor();
    // The thumbnail is a picture the browser decoded, not a broken image.
    await expect.poll(() => pack.doneLabel.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, 'bench-02-done');
  });

  step('an order scanned after it was packed says when (shop’s clock) and by whom, and is not reopened', async () => {
    expect(await pack.scan(OTHER_ORDER.id)).toBe('ORDER_OPENED');
    expect(await pack.scan(FLOW_ORDER.id)).toBe('ORDER_ALREADY_PACKED');
    const packed = await bench.call('orders.get', { orderId: FLOW_ORDER.id });
    expect(packed.packedBy).toBe(PACKER);
    expect(packed.packedAt).not.toBeNull();
    const text = (await pack.verdict.textContent()) ?? '';
    expect(text).toMatch(/^Already packed at /);
    expect(text).toContain(`${shopClock(packed.packedAt!)} by ${PACKER} — F8 reprints`);
    await expect(pack.verdict.getAttribute('class')).resolves.toContain('verdict--info');
    // The open order stays on the bench; the packed one keeps its packing.
    await expect(pack.order.getAttribute('data-order-id')).resolves.toBe(OTHER_ORDER.id);
    await screenshot(page, 'bench-03-already-packed');
  });

  step('F8 reprints the packed order’s label, not the open order’s', async () => {
    if (await pack.notice.count()) await pack.dismissNotice();
    const from = bench.printer.bytesReceived;
    await page.keyboard.press('F8');
    await pack.noticeFor('reprint').waitFor();
    await expect(pack.notice.getAttribute('data-kind')).resolves.toBe('done');
    await expect.poll(() => labelsWith(bench.printer, from, FLOW_ORDER.tracking).length).toBe(1);
    expect(labelsWith(bench.printer, from, OTHER_ORDER.tracking)).toEqual([]);
    const jobs = await bench.call('printing.jobs', { orderId: FLOW_ORDER.id, limit: 10 });
    expect(jobs.map((j) => `${j.kind} ${j.state}`).sort()).toEqual(['PRINT SENT', 'REPRINT SENT']);
    expect(await bench.call('printing.jobs', { orderId: OTHER_ORDER.id, limit: 10 })).toEqual([]);
    const after = await bench.call('orders.get', { orderId: FLOW_ORDER.id });
    expect({ status: after.status, packed: after.unitsPacked, of: after.unitsOrdered }).toEqual({ status: 'AWAITING_SHIPMENT', packed: 3, of: 3 });
    await expect(pack.order.getAttribute('data-order-id')).resolves.toBe(OTHER_ORDER.id);
  });

  step('opens the A4 packing slip of that order over the app, prints it with the browser, and closes it', async () => {
    await pack.slipPageButton.click();
    const slip = new SlipPage(page);
    await slip.root.waitFor();
    await expect(slip.root.getAttribute('aria-label')).resolves.toContain(FLOW_ORDER.id);
    for (const { sellerSku } of FLOW_ORDER.lines) await slip.document.getByText(sellerSku).first().waitFor();
    await expect(slip.document.locator('body').textContent()).resolves.not.toContain(OTHER_ORDER.sellerSku);
    await screenshot(page, 'bench-04-slip-page');
    const prints = await slip.countPrints();
    await slip.print();
    await expect.poll(prints).toBe(1);
    await slip.close();
  });

  step('hands over the packed parcel whose shipment was not arranged: "press Enter to arrange now", Enter arranges it and adds it', async () => {
    expect(await app.open('handover')).toBe(true);
    const handover = new HandoverScreen(page);
    await handover.open('PICKUP', FLOW_ORDER.carrier);
    await handover.scan(FLOW_ORDER.tracking);
    await handover.arrangeButton.waitFor();
    await expect(handover.verdict.textContent()).resolves.toContain(`Parcel ${FLOW_ORDER.id}: shipment not arranged — press Enter to arrange now`);
    expect(await handover.count()).toBe(0);
    expect((await bench.call('orders.get', { orderId: FLOW_ORDER.id })).status).toBe('AWAITING_SHIPMENT');
    await screenshot(page, 'bench-05-handover-not-arranged');

    await page.keyboard.press('Enter');
    await expect.poll(() => handover.count()).toBe(1);
    await expect(handover.parcels(true).getAttribute('data-order-id')).resolves.toBe(FLOW_ORDER.id);
    await handover.arrangeButton.waitFor({ state: 'detached' });
    expect((await bench.call('orders.get', { orderId: FLOW_ORDER.id })).status).toBe('AWAITING_COLLECTION');
  });

  step('offers no arranging for a parcel that is not packed: it is kept back', async () => {
    const handover = new HandoverScreen(page);
    await handover.scan(OTHER_ORDER.tracking);
    // Not packed: kept back, with no offer to arrange.
    await handover.parcels(false).waitFor();
    await expect(handover.parcels(false).getAttribute('data-order-id')).resolves.toBe(OTHER_ORDER.id);
    expect(await handover.arrangeButton.count()).toBe(0);
    expect(await handover.count()).toBe(1);
  });

  it('logged no internal errors in the core', () => {
    expect(bench.errors).toEqual([]);
  });
});
