/**
 * Issue 4's "done means", in Chromium against the station host with a loopback ZPL printer, through
 * the screens: add the printer, import an export, print a pick list (thermal and A4), pack an order
 * with one wrong item, the label reaches the printer and scans as the tracking number, shipment is
 * arranged, reprint by click and by key, a cancellation banner, hand the parcel over, find and
 * reprint it, switch to Chinese. The steps run in order on one station, as a packer's day would.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scanZpl } from '../printer/oracles/scan.js';
import { CANCEL_REQUESTED_ORDER, FLOW_ORDER, OTHER_ORDER, SHIPPED_ORDER, writeFlowExport } from './fixtures.js';
import { labelsSince, labelsWith } from './labels.js';
import { OUTPUT_DIR, openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import { HandoverScreen } from './pages/handover.js';
import { PackScreen, typeScan } from './pages/pack.js';
import { PrintersScreen } from './pages/printers.js';
import { QueueScreen } from './pages/queue.js';
import { ReprintScreen } from './pages/reprint.js';
import { SettingsScreen } from './pages/settings.js';
import { TransferScreen } from './pages/transfer.js';
import { pdfText } from './pdf-text.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';

const PRINTER = 'Loopback';
const STOCK = { widthMm: 100, heightMm: 150 };

describeInChromium('packing an order in Chromium', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let page: Page;
  let app: AppShell;
  let pack: PackScreen;
  /** printer.bytesReceived when the order's label was first printed. */
  let labelFrom = 0;
  const step = flowSteps();

  beforeAll(async () => {
    bench = await startBench();
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

  step('adds the loopback printer on the Printers screen, for labels and pick lists', async () => {
    expect(await app.open('printers')).toBe(true);
    await new PrintersScreen(page).add({
      name: PRINTER,
      address: `127.0.0.1:${bench.printer.port}`,
      language: 'zpl',
      dpi: 203,
      documents: ['SHIPPING_LABEL', 'PICK_LIST'],
    });
    const saved = (await bench.call('printers.list', {})).find((p) => p.name === PRINTER);
    expect(saved).toMatchObject({ uri: bench.printer.uri, language: 'zpl', dpi: 203 });
    expect([...saved!.documents].sort()).toEqual(['PICK_LIST', 'SHIPPING_LABEL']);
  });

  step('imports a Seller Center export on the Import / Export screen', async () => {
    const file = writeFlowExport(OUTPUT_DIR);
    expect(await app.open('transfer')).toBe(true);
    const transfer = new TransferScreen(page);
    expect(await transfer.importFile(file)).toBe('done');
    expect({ orders: await transfer.fact('orders'), created: await transfer.fact('created') }).toEqual({ orders: '4', created: '4' });
    await screenshot(page, 'flow-01-imported');
    const order = await bench.call('orders.get', { orderId: FLOW_ORDER.id });
    expect(order).toMatchObject({ status: 'AWAITING_SHIPMENT', trackingNumber: FLOW_ORDER.tracking });
  });

  step('prints a pick list from the queue on the loopback printer', async () => {
    expect(await app.open('queue')).toBe(true);
    const queue = new QueueScreen(page);
    await queue.row(FLOW_ORDER.id).waitFor();
    await queue.selectAll();
    const from = bench.printer.bytesReceived;
    expect(await queue.run('print-picklist')).toContain('is-ok');
    await screenshot(page, 'flow-02-pick-list');
    await expect.poll(() => labelsWith(bench.printer, from, 'Pick list:').length).toBeGreaterThan(0);
    const list = labelsSince(bench.printer, from).join('');
    for (const { sellerSku } of FLOW_ORDER.lines) expect(list).toContain(sellerSku);
  });

  step('prints the A4 pick list through the browser (print stylesheet: the list alone)', async () => {
    const queue = new QueueScreen(page);
    // Headless Chromium has no print dialog to show: count the calls, then print to PDF ourselves.
    await page.evaluate(() => {
      const w = globalThis as unknown as { print(): void; printCalls: number };
      w.printCalls = 0;
      w.print = () => void w.printCalls++;
    });
    const printout = await queue.openA4PickList();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { printCalls: number }).printCalls)).toBe(1);
    await expect(printout.getByTestId('picklist-row').count()).resolves.toBeGreaterThanOrEqual(FLOW_ORDER.lines.length);
    const pdf = path.join(OUTPUT_DIR, 'flow-pick-list-a4.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = await pdfText(pdf);
    for (const { sellerSku } of FLOW_ORDER.lines) expect(text).toContain(sellerSku);
    // The app behind the preview (navigation, status bar) is not on the paper.
    expect(text).not.toContain('Handover');
    await printout.getByTestId('picklist-close').click();
    await printout.waitFor({ state: 'detached' });
  });

  step('turns on "then arrange shipment" in the shop’s settings (a rule for every station, kept in the core)', async () => {
    expect(await app.open('settings')).toBe(true);
    const settings = new SettingsScreen(page);
    await expect.poll(() => settings.autoPrint.isChecked()).toBe(true);
    await settings.set(settings.autoShip, true);
    await settings.saveShop();
    expect((await bench.call('settings.get', {})).packing).toEqual({ autoPrint: true, autoShip: true });
  });

  step('packs the order with the scanner; the wrong item shows WRONG_ITEM and changes nothing', async () => {
    expect(await app.open('pack')).toBe(true);
    expect(await pack.scan(FLOW_ORDER.id)).toBe('ORDER_OPENED');
    await expect(pack.order.getAttribute('data-order-id')).resolves.toBe(FLOW_ORDER.id);
    expect(await pack.lineCount('CASE-CLR-15')).toEqual({ packed: 0, qty: 2, done: false });

    expect(await pack.scan('CASE-CLR-15')).toBe('ACCEPTED');
    expect(await pack.scan(OTHER_ORDER.sellerSku)).toBe('WRONG_ITEM');
    await expect(pack.verdict.getAttribute('class')).resolves.toContain('verdict--error');
    await expect(pack.verdict.textContent()).resolves.toMatch(/Wrong item/);
    await screenshot(page, 'flow-03-wrong-item');
    expect(await pack.lineCount('CASE-CLR-15')).toEqual({ packed: 1, qty: 2, done: false });

    expect(await pack.scan('CASE-CLR-15')).toBe('ACCEPTED');
    expect(await pack.lineCount('CASE-CLR-15')).toEqual({ packed: 2, qty: 2, done: true });
    labelFrom = bench.printer.bytesReceived;
    expect(await pack.scan('STRAP-BLK-42')).toBe('ORDER_COMPLETE');
    await expect(pack.verdict.getAttribute('class')).resolves.toContain('verdict--complete');
    await screenshot(page, 'flow-04-complete');
  });

  step('sends the label to the printer, and its Code 128 reads as the tracking number', async () => {
    await expect.poll(() => labelsWith(bench.printer, labelFrom, FLOW_ORDER.tracking).length, { timeout: 15_000 }).toBe(1);
    const [label] = labelsWith(bench.printer, labelFrom, FLOW_ORDER.tracking);
    const read = await scanZpl(label!, STOCK, 203, 'e2e-shipping-label');
    expect(read.code128).toContain(FLOW_ORDER.tracking);
  });

  step('arranges shipment after the label (the shop’s rule, through packing.finish), which moves the order on', async () => {
    await pack.noticeFor('finish').waitFor();
    await expect(pack.notice.getAttribute('data-kind')).resolves.toBe('done');
    await expect(pack.notice.getAttribute('data-label')).resolves.toBe('PRINTED');
    await expect(pack.notice.getAttribute('data-shipment')).resolves.toBe('ARRANGED');
    expect((await bench.call('orders.get', { orderId: FLOW_ORDER.id })).status).toBe('AWAITING_COLLECTION');
  });

  step('reprints the label with one click and with one key (F8)', async () => {
    for (const how of ['click', 'F8'] as const) {
      await pack.dismissNotice();
      const from = bench.printer.bytesReceived;
      if (how === 'click') await pack.reprintButton.click();
      else await page.keyboard.press('F8');
      await pack.noticeFor('reprint').waitFor();
      await expect(pack.notice.getAttribute('data-kind')).resolves.toBe('done');
      await expect.poll(() => labelsWith(bench.printer, from, FLOW_ORDER.tracking).length).toBe(1);
    }
    const jobs = await bench.call('printing.jobs', { orderId: FLOW_ORDER.id, limit: 10 });
    expect(
      jobs
        .filter((j) => j.document === 'SHIPPING_LABEL')
        .map((j) => `${j.kind} ${j.state}`)
        .sort(),
    ).toEqual(['PRINT SENT', 'REPRINT SENT', 'REPRINT SENT']);
  });

  step('stops the packer with a banner on an order the buyer asked to cancel', async () => {
    expect(await pack.scan(CANCEL_REQUESTED_ORDER.id)).toBe('ORDER_CANCEL_REQUESTED');
    await expect(pack.banner.getAttribute('data-code')).resolves.toBe('ORDER_CANCEL_REQUESTED');
    await screenshot(page, 'flow-05-cancel-banner');
    await page.getByTestId('banner-ack').click();
    await pack.banner.waitFor({ state: 'detached' });
    // The refused order was not opened: the packed one stays on the bench.
    await expect(pack.order.getAttribute('data-order-id')).resolves.toBe(FLOW_ORDER.id);
  });

  step('hands the parcel over on the Handover screen; one that does not belong is refused', async () => {
    expect(await app.open('handover')).toBe(true);
    const handover = new HandoverScreen(page);
    await handover.open('PICKUP', FLOW_ORDER.carrier);
    await handover.scan(FLOW_ORDER.tracking);
    await expect.poll(() => handover.count()).toBe(1);
    await expect(handover.parcels(true).getAttribute('data-order-id')).resolves.toBe(FLOW_ORDER.id);
    // In transit already, with another carrier: refused, and the count stays.
    await handover.scan(SHIPPED_ORDER.tracking);
    await handover.parcels(false).waitFor();
    await expect(handover.parcels(false).getAttribute('data-order-id')).resolves.toBe(SHIPPED_ORDER.id);
    expect(await handover.count()).toBe(1);
    await screenshot(page, 'flow-06-handover');
    expect(await handover.close()).toMatch(/\b1\b/);
  });

  step('finds the order by scanning its tracking number on the Reprint screen, and reprints it (click, F8)', async () => {
    expect(await app.open('reprint')).toBe(true);
    const reprint = new ReprintScreen(page);
    await typeScan(page, FLOW_ORDER.tracking);
    await reprint.result(FLOW_ORDER.id).click();
    await reprint.preview.waitFor();
    await expect.poll(() => reprint.jobsIn('SENT').count()).toBe(3);
    for (const [n, how] of [
      [4, 'click'],
      [5, 'F8'],
    ] as const) {
      const from = bench.printer.bytesReceived;
      if (how === 'click') await reprint.reprintButton.click();
      else await page.keyboard.press('F8');
      await expect.poll(() => labelsWith(bench.printer, from, FLOW_ORDER.tracking).length).toBe(1);
      await expect.poll(() => reprint.jobsIn('SENT').count()).toBe(n);
      await expect.poll(() => reprint.reprintButton.isEnabled()).toBe(true);
    }
    await screenshot(page, 'flow-07-reprint');
  });

  step('switches to Chinese: the navigation and the verdict change language', async () => {
    expect(await app.open('pack')).toBe(true);
    const before = { nav: await app.nav('pack').textContent(), verdict: await pack.verdict.textContent() };
    await app.switchLanguage('zh-CN');
    await expect(app.nav('pack').textContent()).resolves.toBe('扫描打包');
    const verdict = await pack.verdict.textContent();
    expect(verdict).not.toBe(before.verdict);
    expect(verdict).toMatch(/[\u4e00-\u9fff]/);
    expect(before.nav).toBe('Pack');
    await screenshot(page, 'flow-08-chinese');
    await app.switchLanguage('en');
  });

  it('logged no internal errors in the core', () => {
    expect(bench.errors).toEqual([]);
  });
});
