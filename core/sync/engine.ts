/**
 * When the sync runs: at start, every 60 s, 1 s after an outbox write, and on "Sync now"; when
 * the platform is out of reach it backs off (up to 5 min). One cycle at a time in this program
 * (the service joins a request to the cycle under way) and across programs (the sync lock).
 */
import { PackdeskError } from '../domain/errors.js';
import { reasonOf } from './errors.js';

export const EVERY_MS = 60_000;
export const AFTER_OUTBOX_WRITE_MS = 1_000;
export const MAX_BACKOFF_MS = 5 * 60_000;

export type CycleOutcome = 'ok' | 'offline' | 'sign-in' | 'busy' | 'not-connected' | 'failed';

export function outcomeOf(err: unknown): CycleOutcome {
  const reason = reasonOf(err);
  if (reason === 'sync-busy') return 'busy';
  if (reason === 'not-connected') return 'not-connected';
  if (!(err instanceof PackdeskError)) return 'failed';
  switch (err.code) {
    case 'PLATFORM_UNREACHABLE':
    case 'PLATFORM_THROTTLED':
      return 'offline';
    case 'PLATFORM_AUTH_NEEDED':
    case 'CREDENTIALS_UNAVAILABLE':
      return 'sign-in';
    default:
      return 'failed';
  }
}

/** The wait before the next cycle; `failures` counts the failed cycles in a row, this one included. */
export function nextDelay(outcome: CycleOutcome, failures: number): number {
  switch (outcome) {
    case 'ok':
    case 'not-connected':
      return EVERY_MS;
    case 'busy':
      return 5_000;
    case 'sign-in':
      return MAX_BACKOFF_MS;
    case 'offline':
      return Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, failures - 1));
    case 'failed':
      return Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, failures - 1));
  }
}

/** The timer side: runs `cycle` when due and reschedules by its outcome. */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private dueAt = 0;
  private failures = 0;
  private stopped = true;

  constructor(
    private readonly cycle: () => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.at(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Runs within `ms` (sooner if already due sooner): an outbox write, a new connection. */
  soon(ms: number): void {
    if (this.stopped) return;
    if (!this.timer || this.dueAt > this.now() + ms) this.at(ms);
  }

  private at(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = this.now() + ms;
    this.timer = setTimeout(() => void this.tick(), ms);
    // The host keeps itself alive; a timer alone must not keep a CLI process from exiting.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    let outcome: CycleOutcome = 'ok';
    try {
      await this.cycle();
    } catch (err) {
      outcome = outcomeOf(err);
    }
    this.failures = outcome === 'ok' || outcome === 'not-connected' || outcome === 'busy' ? 0 : this.failures + 1;
    if (!this.stopped && !this.timer) this.at(nextDelay(outcome, Math.max(1, this.failures)));
  }
}
