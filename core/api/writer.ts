import type { Clock } from '../domain/clock.js';
import { MINUTE } from '../domain/clock.js';
import { PackdeskError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { writeTransaction, type BusyPolicy } from '../store/transaction.js';
import type { Logger } from './context.js';
import type { EventBus } from './events.js';

/** The platform's automatic rules (core/features/due-rules.ts), as the writer runs them. */
export interface DueRules {
  /** Cheap: is any order due? Asked before every write and every read of orders. */
  anyDue(db: Db, now: number): boolean;
  /** Applies what is due (inside the writer's transaction); returns the orders changed. */
  apply(db: Db, now: number): string[];
}

export interface WriterOptions {
  db: Db;
  clock: Clock;
  events: EventBus;
  log: Logger;
  dueRules: DueRules;
  /** How long one write step may wait for another program's lock before DATABASE_BUSY. */
  busyWaitMs: number;
}

/** Orders that came due are cancelled even when nobody touches Packdesk (the screens hear of it). */
export const DUE_RULES_EVERY_MS = MINUTE;

/**
 * The one writer of this program (Actual Budget's `mutator` role). Every change to the database
 * goes through it, one at a time, in the order asked:
 *
 * - A write method of the API (contract METHOD_KINDS) runs whole in the writer's queue: nothing
 *   else of this program writes while it runs, so it should be short (a scan takes ~0.2 ms).
 * - Long work (a print batch, parsing a file to import, the sync engine) must not hold the queue
 *   for its whole run: it runs outside and sends each small write step through `write(fn)`, so a
 *   scan waits at most for one step, never behind a 2,000-label batch.
 * - Each step first applies the platform's automatic rules that came due (in their own
 *   transaction, only when something is due), then runs `fn` in one BEGIN IMMEDIATE transaction
 *   (core/store/transaction.ts). `fn` loads, decides and saves; it must be synchronous, touch only
 *   the database, and be safe to run again (it is, when another program held the lock).
 * - Events are emitted by the caller after the step resolves, i.e. after commit.
 */
export class Writer {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly policy: BusyPolicy;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly o: WriterOptions) {
    this.policy = {
      waitMs: o.busyWaitMs,
      onWait: () => o.log.warn?.('Another Packdesk program is writing to the database; waiting for it.'),
    };
    this.timer = setInterval(() => {
      if (o.db.open) this.settleDue().catch((err: unknown) => o.log.error('Applying the automatic order rules failed', err));
    }, DUE_RULES_EVERY_MS);
    this.timer.unref();
  }

  /** Runs `fn` once every write asked before it has finished; later writes wait for it. */
  queue<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.tail.then(() => fn());
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** One write step; the caller holds the queue (a write method, or `write` below). */
  async step<T>(fn: () => T): Promise<T> {
    if (!this.o.db.open) throw new PackdeskError('DB_OPEN_FAILED', 'Packdesk is closing; the database is closed.');
    await this.applyDue();
    return writeTransaction(this.o.db, fn, this.policy);
  }

  /** One write step, queued behind every other write of this program. */
  write<T>(fn: () => T): Promise<T> {
    return this.queue(() => this.step(fn));
  }

  /** Applies the automatic rules that came due; the caller holds the queue. */
  async applyDue(): Promise<string[]> {
    const { db, clock, dueRules, events } = this.o;
    const now = clock.now();
    if (!dueRules.anyDue(db, now)) return [];
    const changed = await writeTransaction(db, () => dueRules.apply(db, now), this.policy);
    if (changed.length) events.emit('orders.changed', { orderIds: changed });
    return changed;
  }

  /** From outside the queue (a read, the timer): applies due rules through the queue, if any are due. */
  settleDue(): Promise<string[]> {
    return this.o.dueRules.anyDue(this.o.db, this.o.clock.now()) ? this.queue(() => this.applyDue()) : Promise.resolve([]);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
