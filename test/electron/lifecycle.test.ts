import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../core/core.js';
import { getSetting } from '../../core/features/settings.js';
import { getJob, queueJob, setJobState } from '../../core/store/print-jobs-repo.js';
import { claimSingleInstance, closeCoreOnQuit, Inflight, offerDemoShop } from '../../electron/lifecycle.js';
import { DEMO_OFFERED } from '../../core/features/demo.js';
import { testCore, type TestCore } from '../helpers/core.js';
import { fakeApp, fakeEvent } from './fake-electron.js';

let core: TestCore | undefined;
afterEach(() => {
  core?.dispose();
  core = undefined;
});

const later = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('single instance', () => {
  it('quits when another Packdesk holds the lock', () => {
    const app = fakeApp({ lock: false });
    expect(claimSingleInstance(app as never, () => {})).toBe(false);
    expect(app.quit).toHaveBeenCalled();
  });

  it('focuses the window when a second start asks', () => {
    const app = fakeApp({ lock: true });
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(true);
    app.emit('second-instance');
    expect(focus).toHaveBeenCalled();
  });
});

describe('calls in flight', () => {
  it('drains once running calls settle, and refuses new ones from then on', async () => {
    const inflight = new Inflight();
    inflight.track(later(20, 'a'));
    expect(inflight.closing).toBe(false);
    await expect(inflight.drain(1000)).resolves.toBe(true);
    expect(inflight.closing).toBe(true);
    expect(inflight.size).toBe(0);
  });

  it('stops waiting after the timeout', async () => {
    const inflight = new Inflight();
    inflight.track(later(5000, 'slow'));
    const t = Date.now();
    await expect(inflight.drain(30)).resolves.toBe(false);
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

describe('quitting', () => {
  it('waits for the call in flight, closes the core once, then quits', async () => {
    const app = fakeApp();
    const inflight = new Inflight();
    const order: string[] = [];
    inflight.track(later(20, null).then(() => void order.push('call done')));
    const close = vi.fn(() => void order.push('closed'));
    closeCoreOnQuit(app as never, { inflight, close, log: { error: vi.fn() } });
    const first = fakeEvent();
    app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    app.emit('before-quit', fakeEvent()); // a second Cmd+Q while waiting
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(order).toEqual(['call done', 'closed']);
    expect(close).toHaveBeenCalledTimes(1);
    const last = fakeEvent();
    app.emit('before-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });

  it('closes anyway when a call outlives the wait, and says so', async () => {
    const app = fakeApp();
    const inflight = new Inflight();
    inflight.track(later(5000, null));
    const log = { error: vi.fn() };
    const close = vi.fn();
    closeCoreOnQuit(app as never, { inflight, close, log, waitMs: 20 });
    app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(close).toHaveBeenCalled();
    expect(log.error.mock.calls[0]![0]).toMatch(/outcome unknown/);
  });

  it('leaves an interrupted print job to the journal: it shows as outcome unknown next start', () => {
    // What the journal does when the app dies mid-send (core/store/print-jobs-repo.ts).
    core = testCore();
    const id = queueJob(
      core.context.db,
      {
        batchId: null,
        seq: 0,
        orderId: null,
        document: 'SHIPPING_LABEL',
        printerName: 'p',
        uri: 'preview:',
        language: 'zpl',
        kind: 'PRINT',
        resendOf: null,
        station: 's',
        packer: 'k',
      },
      core.clock.now(),
    );
    setJobState(core.context.db, id, 'SENDING', core.clock.now());
    core.close();
    const reopened = createCore({ dbPath: core.dbPath, clock: core.clock, log: { error: () => {} } });
    expect(getJob(reopened.context.db, id)?.state).toBe('UNKNOWN');
    reopened.close();
  });
});

describe('the demo shop on first run', () => {
  it('asks on an empty database and loads the demo shop on yes', async () => {
    core = testCore();
    const ask = vi.fn(async () => true);
    await expect(offerDemoShop(core, ask)).resolves.toBe('loaded');
    expect(ask).toHaveBeenCalledTimes(1);
    expect((await core.call('orders.list', { limit: 1000 })).length).toBe(240);
    expect(getSetting(core.context.db, DEMO_OFFERED)).toBe('loaded');
  });

  it('asks once: a "start empty" is remembered', async () => {
    core = testCore();
    await expect(offerDemoShop(core, async () => false)).resolves.toBe('declined');
    const ask = vi.fn(async () => true);
    await expect(offerDemoShop(core, ask)).resolves.toBe('already-offered');
    expect(ask).not.toHaveBeenCalled();
    expect(await core.call('orders.list', {})).toEqual([]);
  });

  it('does not ask when the database already has orders (the CLI filled it, say)', async () => {
    core = testCore();
    await core.call('demo.load', { orders: 2 });
    const ask = vi.fn(async () => true);
    await expect(offerDemoShop(core, ask)).resolves.toBe('not-empty');
    expect(ask).not.toHaveBeenCalled();
  });
});
