/**
 * Issue 11 item 2 in Chromium: a station that stops answering. The station runs as its own
 * process and is frozen with SIGSTOP, as a hung station is: its socket stays open and nothing
 * answers. The screens must say so in red within seconds, keep the scans, and send them when it
 * is back, each counted once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from '../../core/api/dispatch.js';
import { createCore } from '../../core/core.js';
import { openBrowser, screenshot, type BrowserSession } from './launcher.js';
import { AppShell } from './pages/app.js';
import { PackScreen, typeScan } from './pages/pack.js';
import { startStationProcess, type StationProcess } from './station-process.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';

interface Packable {
  id: string;
  units: string[];
}

/** A demo shop on a fresh database, and one order to pack by scanning (three units or more). */
async function demoShop(dbPath: string): Promise<Packable> {
  const core = createCore({ dbPath });
  try {
    await call(core.dispatch, 'demo.load', { orders: 60, seed: 5 });
    const orders = await call(core.dispatch, 'orders.list', { status: ['AWAITING_SHIPMENT'], limit: 200 });
    const order = orders.find((o) => o.packRefusal === null && o.unitsOrdered >= 3 && o.lines.every((l) => l.barcodes.length > 0));
    if (!order) throw new Error('the demo shop has no order of three units to pack');
    return { id: order.id, units: order.lines.flatMap((l) => Array.from({ length: l.qty }, () => l.barcodes[0]!)) };
  } finally {
    core.close();
  }
}

async function unitsPacked(dbPath: string, orderId: string): Promise<number> {
  const core = createCore({ dbPath });
  try {
    return (await call(core.dispatch, 'orders.get', { orderId })).unitsPacked;
  } finally {
    core.close();
  }
}

describeInChromium('a station that stops answering', () => {
  let dir: string;
  let dbPath: string;
  let order: Packable;
  let station: StationProcess;
  let browser: BrowserSession;
  let page: Page;
  let app: AppShell;
  let pack: PackScreen;
  const step = flowSteps();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-link-'));
    dbPath = path.join(dir, 'packdesk.db');
    order = await demoShop(dbPath);
    station = await startStationProcess(dbPath);
    browser = await openBrowser();
    page = browser.page;
    app = new AppShell(page);
    pack = new PackScreen(page);
    await app.goto(station.origin);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  step('opens an order while the station answers', async () => {
    expect(await pack.scan(order.id)).toBe('ORDER_OPENED');
    await expect(app.stationLink.getAttribute('data-state')).resolves.toBe('answering');
  });

  step('says "Station not answering" in red when it hangs, never "Checking…" for ever, and keeps the scans', async () => {
    station.pause();
    await typeScan(page, order.units[0]!);
    await page.locator('[data-testid="pack-link"][data-state="not-answering"]').waitFor();
    await expect(pack.link.textContent()).resolves.toContain('Station not answering');
    await expect(app.stationLink.getAttribute('data-state')).resolves.toBe('not-answering');
    await expect(pack.checking.count()).resolves.toBe(0);
    // A scan made meanwhile is kept, not lost and not sent into the void.
    await typeScan(page, order.units[1]!);
    await page.locator('[data-testid="pack-link"][data-kept="2"]').waitFor();
    await expect(pack.link.textContent()).resolves.toContain('2 scans kept');
    await screenshot(page, 'link-01-not-answering');
  });

  step('sends the kept scans when the station is back, and each lands once', async () => {
    station.resume();
    await pack.link.waitFor({ state: 'detached', timeout: 15_000 });
    await expect(app.stationLink.getAttribute('data-state')).resolves.toBe('answering');
    // The order opened, then the two items: three verdicts, all accepted.
    await expect.poll(() => page.locator('.scan-history__item.is-ok').count()).toBe(3);
    await station.stop();
    expect(await unitsPacked(dbPath, order.id)).toBe(2);
  });
});
