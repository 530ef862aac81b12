/**
 * The sync's bad news on the screens, in Chromium against the station host and the simulator:
 * a shipment the platform refuses is shown with the platform's code and message, sent again by
 * Retry or dropped by Discard (after a confirmation); an order cancelled on the platform while it
 * is open on Pack gets a banner after the sync and its next scan is refused.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../platform-sim/index.js';
import { openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import { PackScreen } from './pages/pack.js';
import { SyncPanel } from './pages/sync.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';
import { PLATFORM_SYNC, simAct, simPackage } from './sync-support.js';

describeInChromium('sync refusals and conflicts in Chromium', () => {
  let sim: Simulator;
  let bench: StationBench;
  let browser: BrowserSession;
  let page: Page;
  let app: AppShell;
  let panel: SyncPanel;
  const ids = { retried: '', discarded: '', cancelled: '' };
  const pkg = (orderId: string) => sim.state.orders.get(orderId)!.packageIds[0]!;
  const step = flowSteps();

  beforeAll(async () => {
    sim = await startSimulator(PLATFORM_SYNC.sim);
    ids.retried = sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' }).id as string;
    ids.discarded = sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' }).id as string;
    ids.cancelled = sim.controls.addOrder({ items: [{ sellerSku: 'CABLE-USB-C', qty: 2 }], shippingType: 'TIKTOK' }).id as string;
    // No engine: each cycle here is a "Sync now", so the order of events is the test's.
    bench = await startBench({ sync: PLATFORM_SYNC.core });
    await bench.call('shop.connect', {
      appKey: sim.appKey,
      appSecret: sim.appSecret,
      authCode: sim.controls.issueAuthCode(),
      apiBase: sim.apiBase,
      authBase: sim.authBase,
    });
    browser = await openBrowser();
    page = browser.page;
    app = new AppShell(page);
    panel = new SyncPanel(page);
    await app.goto(bench.origin);
    await panel.open();
    await panel.syncNow();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
    await sim?.close();
  });

  step("shows a shipment the platform refused with the platform's code and message", async () => {
    await bench.call('shipping.arrange', { orderIds: [ids.retried, ids.discarded], allowUnpacked: true });
    // Seller Center put them on hold meanwhile: TikTok Shop refuses to ship them.
    await simAct(sim, ids.retried, 'hold');
    await simAct(sim, ids.discarded, 'hold');
    await panel.syncNow();
    for (const id of [ids.retried, ids.discarded]) {
      const entry = panel.entry(id);
      await expect(entry.getAttribute('data-state')).resolves.toBe('refused');
      await expect(entry.getByTestId('sync-entry-message').textContent()).resolves.toMatch(/^TikTok Shop code \d+: \S/);
    }
    await expect.poll(() => page.getByRole('contentinfo').getByTestId('status-sync-refused').textContent()).toBe(' · 2 refused');
    await screenshot(page, 'sync-10-refused');
  });

  step('Retry sends it again once the platform allows it: shipped exactly once', async () => {
    await simAct(sim, ids.retried, 'release');
    await panel.entry(ids.retried).getByTestId('sync-entry-retry').click();
    await expect.poll(() => panel.entry(ids.retried).getAttribute('data-state')).toBe('pending');
    await panel.syncNow();
    await panel.entry(ids.retried).waitFor({ state: 'detached' });
    expect((await simPackage(sim, pkg(ids.retried))).shipApplied).toBe(1);
  });

  step('Discard asks first, says what it means, and the shipment is never sent', async () => {
    const entry = panel.entry(ids.discarded);
    await entry.getByTestId('sync-entry-discard').click();
    await expect(entry.getByTestId('sync-discard-confirm').textContent()).resolves.toMatch(/puts the order back in the queue/);
    await entry.getByTestId('sync-discard-yes').click();
    await entry.waitFor({ state: 'detached' });
    await panel.syncNow();
    expect((await simPackage(sim, pkg(ids.discarded))).shipApplied).toBe(0);
    await expect.poll(() => page.getByRole('contentinfo').getByTestId('status-sync-refused').count()).toBe(0);
  });

  step('an order cancelled on the platform while open on Pack: after the sync a banner says put the items back, and the next scan is refused', async () => {
    expect(await app.open('pack')).toBe(true);
    const pack = new PackScreen(page);
    expect(await pack.scan(ids.cancelled)).toBe('ORDER_OPENED');
    expect(await pack.scan('CABLE-USB-C')).toBe('ACCEPTED');
    await simAct(sim, ids.cancelled, 'cancel');
    await bench.call('sync.now', {});
    const banner = page.getByTestId('conflict-banner');
    await expect(banner.getAttribute('data-kind')).resolves.toBe('CANCELLED_WHILE_PACKING');
    await expect(banner.textContent()).resolves.toMatch(/put the items back/);
    await screenshot(page, 'sync-11-cancelled-banner');
    expect(await pack.scan('CABLE-USB-C')).toBe('ORDER_CANCELLED');
    expect((await bench.call('orders.get', { orderId: ids.cancelled })).lines[0]!.packedQty).toBe(1);
    // Acknowledged, the banner goes; the conflict is settled in the core too.
    await banner.getByTestId('conflict-ack').click();
    await banner.waitFor({ state: 'detached' });
    expect(await bench.call('sync.conflicts', { orderId: ids.cancelled })).toEqual([]);
    expect(bench.errors).toEqual([]);
    expect(sim.errors).toEqual([]);
  });
});
