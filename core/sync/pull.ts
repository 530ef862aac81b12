/**
 * Orders and cancellation requests down from the platform, incrementally by update_time
 * (PLATFORM-API.md, "Incremental sync"): one window per pull, `update_time_lt` fixed for all its
 * pages (page tokens are bound to the filters), every page read to the end, and the cursor moved
 * only once the whole window is stored — a pull cut short anywhere is simply done again, and the
 * update_time guard makes storing the same order twice harmless.
 */
import { PackdeskError } from '../domain/errors.js';
import { SkuResolver } from '../features/sku-resolver.js';
import { getOrder, updateOrder } from '../store/orders-repo.js';
import { recordPull, setCancellationsCursor, setOrdersCursor, syncState } from '../store/sync-state-repo.js';
import { ordersToRefetch, saveCancellation } from '../store/sync-orders-repo.js';
import type { CancellationPage, OrderPage, PlatformGateway } from './gateway.js';
import type { SyncSteps } from './steps.js';
import { storePulledOrders } from './store-pulled.js';
import { pullWindow, type PullSettings } from './window.js';

/** Lets waiting I/O (a scan's call) in between write steps: awaiting a step alone only yields to microtasks. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface PullResult {
  /** Orders the platform sent in the window. */
  received: number;
  /** Orders inserted or changed here. */
  changed: number;
  pages: number;
  conflicts: number;
  window: { from: number; to: number } | null;
}

/** Pages one after the other, the next asked for while the last is stored; a repeated token is an error. */
async function eachPage<P extends { nextPageToken: string | null }>(fetch: (token?: string) => Promise<P>, use: (page: P) => Promise<void>): Promise<number> {
  const seen = new Set<string>();
  let pending: Promise<P> | null = fetch();
  let pages = 0;
  try {
    while (pending) {
      const page: P = await pending;
      pages++;
      const token = page.nextPageToken;
      pending = null;
      if (token) {
        if (seen.has(token)) {
          throw new PackdeskError(
            'PLATFORM_BAD_RESPONSE',
            `TikTok Shop repeated a page token after ${pages} pages; the window was not read to its end and will be read again.`,
            { pages },
          );
        }
        seen.add(token);
        pending = fetch(token);
      }
      await use(page);
    }
  } catch (err) {
    pending?.catch(() => {});
    throw err;
  }
  return pages;
}

/** Orders whose stored platform data no longer counts (an entry about them was discarded): read by id. */
async function refetch(steps: SyncSteps, gateway: PlatformGateway): Promise<number> {
  const ids = ordersToRefetch(steps.db, 500);
  if (ids.length === 0) return 0;
  const pulled = await gateway.ordersById(ids);
  const stored = await steps.write(() => storePulledOrders(steps.db, pulled, steps.clock.now()));
  if (stored.changed.length) steps.ordersChanged(stored.changed);
  return pulled.length;
}

export async function pullOrders(steps: SyncSteps, gateway: PlatformGateway, settings: PullSettings): Promise<PullResult> {
  await refetch(steps, gateway);
  const now = steps.clock.now();
  const window = pullWindow(syncState(steps.db).ordersCursor, now, settings);
  if (!window) return { received: 0, changed: 0, pages: 0, conflicts: 0, window: null };
  const filter = { update_time_ge: window.from, update_time_lt: window.to };
  let received = 0;
  let changed = 0;
  let conflicts = 0;
  // One catalogue lookup per SKU for the whole window, not per step.
  const resolver = new SkuResolver(steps.db, now);
  const pages = await eachPage<OrderPage>(
    (token) => gateway.orderPage(filter, token),
    async (page) => {
      received += page.orders.length;
      for (let rest = page.orders; rest.length > 0; ) {
        await breathe();
        const part = rest;
        const stored = await steps.write(() => storePulledOrders(steps.db, part, steps.clock.now(), steps.stepBudgetMs(), resolver));
        rest = rest.slice(stored.stored);
        changed += stored.changed.length;
        conflicts += stored.conflicts;
        if (stored.changed.length) steps.ordersChanged(stored.changed);
      }
    },
  );
  await steps.write(() => {
    setOrdersCursor(steps.db, window.to);
    recordPull(steps.db, steps.clock.now());
  });
  return { received, changed, pages, conflicts, window };
}

export interface CancellationPull {
  received: number;
  pages: number;
}

/** Buyer cancellation requests with the platform's deadline for the seller's answer. */
export async function pullCancellations(steps: SyncSteps, gateway: PlatformGateway, settings: PullSettings): Promise<CancellationPull> {
  const window = pullWindow(syncState(steps.db).cancellationsCursor, steps.clock.now(), settings);
  if (!window) return { received: 0, pages: 0 };
  let received = 0;
  const pages = await eachPage<CancellationPage>(
    (token) => gateway.cancellationPage({ update_time_ge: window.from, update_time_lt: window.to }, token),
    async (page) => {
      received += page.items.length;
      const changed = await steps.write(() => {
        const now = steps.clock.now();
        const ids: string[] = [];
        for (const c of page.items) {
          saveCancellation(steps.db, c);
          if (c.status !== 'CANCELLATION_REQUEST_PENDING' || c.answerBy === null) continue;
          const order = getOrder(steps.db, c.orderId);
          if (!order || order.cancelRequestedAt === null || order.platformDeadlines.answerBy === c.answerBy) continue;
          updateOrder(steps.db, order, { ...order, platformDeadlines: { ...order.platformDeadlines, answerBy: c.answerBy } }, now);
          ids.push(order.id);
        }
        return ids;
      });
      if (changed.length) steps.ordersChanged(changed);
    },
  );
  await steps.write(() => setCancellationsCursor(steps.db, window.to));
  return { received, pages };
}
