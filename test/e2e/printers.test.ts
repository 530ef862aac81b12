/**
 * The Printers screen in Chromium with a loopback ZPL printer: add it by host:port as a packer
 * types it, print the test label (it scans), read the printer's state (ready, then paper out, also
 * in the status bar) and preview an order's label as the printer will print it.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { scanZpl } from '../printer/oracles/scan.js';
import { labelsSince } from './labels.js';
import { openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import type { PageElement } from './pages/browser.js';
import { PrintersScreen } from './pages/printers.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';

const NAME = 'Zebra bench 1';

describeInChromium('Printers screen in Chromium', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let app: AppShell;
  let printers: PrintersScreen;
  const step = flowSteps();

  beforeAll(async () => {
    bench = await startBench();
    await bench.call('demo.load', { orders: 5, seed: 3 });
    browser = await openBrowser();
    app = new AppShell(browser.page);
    await app.goto(bench.origin);
    expect(await app.open('printers')).toBe(true);
    printers = new PrintersScreen(browser.page);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
  });

  step('adds a network printer typed as host:port, for shipping labels', async () => {
    await printers.add({ name: NAME, address: `127.0.0.1:${bench.printer.port}`, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    const saved = (await bench.call('printers.list', {})).find((p) => p.name === NAME);
    expect(saved).toMatchObject({ uri: bench.printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
  });

  step('prints the test label on it, and the label scans', async () => {
    const from = bench.printer.bytesReceived;
    await printers.testButton(NAME).click();
    await expect.poll(() => labelsSince(bench.printer, from).length).toBe(1);
    const read = await scanZpl(labelsSince(bench.printer, from)[0]!, { widthMm: 100, heightMm: 150 }, 203, 'e2e-printer-test-label');
    expect(read.code128).toContain('PACKDESK-TEST');
  });

  step('shows the printer ready, then out of paper (here and in the status bar)', async () => {
    await printers.refreshButton(NAME).click();
    await expect.poll(() => printers.status(NAME).getAttribute('data-tone')).toBe('ok');
    bench.printer.state.paperOut = true;
    await printers.refreshButton(NAME).click();
    await expect.poll(() => printers.status(NAME).getAttribute('data-tone')).toBe('error');
    await expect(printers.status(NAME).textContent()).resolves.toMatch(/paper/i);
    await expect(app.printerStatus.getAttribute('class')).resolves.toContain('is-error');
    await screenshot(browser.page, 'printers-paper-out');
    bench.printer.state.paperOut = false;
    await printers.refreshButton(NAME).click();
    await expect.poll(() => printers.status(NAME).getAttribute('data-tone')).toBe('ok');
  });

  step('previews an order’s label as this printer will print it', async () => {
    const [order] = await bench.call('orders.list', { status: ['AWAITING_SHIPMENT'], limit: 1 });
    await printers.select(NAME);
    await printers.previewOrder(order!.id);
    const image = await printers.previewImage.evaluate((el) => {
      const img = el as PageElement & { complete: boolean; naturalWidth: number; naturalHeight: number; alt: string };
      return { complete: img.complete, width: img.naturalWidth, height: img.naturalHeight, alt: img.alt };
    });
    // 100 × 150 mm at 203 dpi (8 dots a millimetre).
    expect(image).toMatchObject({ complete: true, width: 800, height: 1200 });
    expect(image.alt).toContain(order!.id);
    await printers.previewImage.scrollIntoViewIfNeeded();
    await screenshot(browser.page, 'printers-preview');
  });
});
