import type { App, BrowserWindow } from 'electron';
import type { Logger } from '../core/api/context.js';
import { call } from '../core/api/dispatch.js';
import type { Core } from '../core/core.js';

/**
 * The calls still running, so quitting can wait for them. A print call returns once its job is
 * sent or failed; one that outlives the wait is left to the print journal, which shows a job
 * caught mid-send as "outcome unknown" at the next start (recoverDeadOwnersWork).
 */
export class Inflight {
  private readonly pending = new Set<Promise<unknown>>();
  private stopped = false;

  get closing(): boolean {
    return this.stopped;
  }

  get size(): number {
    return this.pending.size;
  }

  track<T>(call: Promise<T>): Promise<T> {
    this.pending.add(call);
    const done = () => void this.pending.delete(call);
    call.then(done, done);
    return call;
  }

  /** Refuses new calls from now on; resolves true once the running ones settle, false on timeout. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.stopped = true;
    if (this.pending.size === 0) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const settled = Promise.allSettled([...this.pending]).then(() => true as const);
    try {
      return await Promise.race([settled, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * One Packdesk per user: two processes on one database would each run the idle checkpointer and
 * could both drive the same printer. A second start focuses the running window and quits.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, focus: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focus);
  return true;
}

export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** How long quitting waits for running calls: longer than one label takes, shorter than patience. */
export const QUIT_WAIT_MS = 5000;

/**
 * Holds the quit until the running calls settle (or QUIT_WAIT_MS passes), then closes the core:
 * the idle checkpointer stops and the database closes cleanly. Then quits for real.
 */
export function closeCoreOnQuit(app: Pick<App, 'on' | 'quit'>, opts: { inflight: Inflight; close: () => void; log: Logger; waitMs?: number }): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void opts.inflight.drain(opts.waitMs ?? QUIT_WAIT_MS).then((settled) => {
      if (!settled) opts.log.error('Quit while a call was still running; an interrupted print job shows as "outcome unknown" next time.');
      try {
        opts.close();
      } catch (err) {
        opts.log.error('Closing the database failed', err);
      }
      state = 'closed';
      app.quit();
    });
  });
}

export type DemoOffer = 'loaded' | 'declined' | 'not-empty' | 'already-offered' | 'failed';

/**
 * First run on an empty database: ask whether to load the demo shop, so a newcomer sees the whole
 * flow at once. Labels go to the preview printer until a real one is set up (the core's default),
 * so the demo prints without hardware.
 */
export async function offerDemoShop(core: Pick<Core, 'dispatch' | 'context'>, ask: () => Promise<boolean>): Promise<DemoOffer> {
  try {
    const offer = await call(core.dispatch, 'demo.offer', {});
    if (!offer.ask) return offer.reason;
    const yes = await ask();
    await call(core.dispatch, 'demo.answer', { load: yes });
    return yes ? 'loaded' : 'declined';
  } catch (err) {
    core.context.log.error('Offering the demo shop failed', err);
    return 'failed';
  }
}
