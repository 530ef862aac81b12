/**
 * When to give up on a printer that stopped taking data: after `stallMs` in which it took
 * nothing, counted from the last sign that it took something — never from the start of a write,
 * since a long job to a slow printer is not a stalled one (issue 10: a batch paused at label 1,469
 * of 2,293 while the printer was still reading).
 */

export interface StallWatchOptions {
  stallMs: number;
  /**
   * The bytes the printer has not taken yet, where the system can tell (the TCP send queue); a
   * smaller number than last time is progress. Polled while the watch runs.
   */
  pending?: () => Promise<number | undefined>;
  onStall: () => void;
}

export class StallWatch {
  private lastProgress = performance.now();
  private lastPending: number | undefined;
  private polling = false;
  private stopped = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: StallWatchOptions) {
    const every = Math.min(1000, Math.max(25, options.stallMs / 5));
    this.timer = setInterval(() => void this.check(), every);
  }

  /** The printer (or the OS on its behalf) took bytes just now. */
  progress(): void {
    this.lastProgress = performance.now();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /**
   * Looks at the send queue before judging, so that a late timer on a busy machine never calls a
   * stall that the queue would have shown as progress.
   */
  private async check(): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      const pending = await this.options.pending?.().catch(() => undefined);
      if (pending !== undefined && this.lastPending !== undefined && pending < this.lastPending) this.progress();
      if (pending !== undefined) this.lastPending = pending;
    } finally {
      this.polling = false;
    }
    if (this.stopped || performance.now() - this.lastProgress < this.options.stallMs) return;
    this.stop();
    this.options.onStall();
  }
}
