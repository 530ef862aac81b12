import type { Db } from './db.js';
import { isBusy } from './transaction.js';

export interface CheckpointOptions {
  /** Checkpoint once the store has been quiet this long. */
  idleMs?: number;
  /** ...but never let the write-ahead log go unchecked longer than this while writes keep coming. */
  maxDelayMs?: number;
}

/**
 * Moves WAL pages into the database file while the bench is idle, instead of inside whichever
 * commit crosses SQLite's automatic threshold: that commit would wait on fsync, and a scan
 * verdict must come back in a couple of milliseconds. Timers are unref'd, so a CLI process
 * still exits at once; close() checkpoints whatever is left.
 */
export class IdleCheckpointer {
  private timer: NodeJS.Timeout | null = null;
  private firstPendingAt: number | null = null;
  private readonly idleMs: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly db: Db,
    opts: CheckpointOptions = {},
  ) {
    this.idleMs = opts.idleMs ?? 750;
    this.maxDelayMs = opts.maxDelayMs ?? 30_000;
    db.pragma('wal_autocheckpoint = 0');
  }

  /** Call after any activity; the checkpoint waits for a quiet moment. */
  touch(now = Date.now()): void {
    this.firstPendingAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const overdue = now - this.firstPendingAt >= this.maxDelayMs;
    this.timer = setTimeout(() => this.run(), overdue ? 0 : this.idleMs);
    this.timer.unref();
  }

  run(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.firstPendingAt = null;
    this.checkpoint('PASSIVE');
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.checkpoint('TRUNCATE');
  }

  /**
   * Housekeeping only: when another Packdesk program is checkpointing or writing, its turn does
   * the job (or the next quiet moment will), so busy is not a failure.
   */
  private checkpoint(mode: 'PASSIVE' | 'TRUNCATE'): void {
    if (!this.db.open) return;
    try {
      this.db.pragma(`wal_checkpoint(${mode})`);
    } catch (err) {
      if (!isBusy(err)) throw err;
    }
  }
}
