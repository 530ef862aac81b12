/**
 * What the sync's parts need from the core: the store for reads, one way to write (a small step
 * through this program's writer, in one transaction), the clock, and how to tell the screens.
 */
import type { Clock } from '../domain/clock.js';
import type { Db } from '../store/db.js';

export interface SyncSteps {
  db: Db;
  clock: Clock;
  /** One write step: `fn` runs in one immediate transaction, queued with every other write of this program. */
  write<T>(fn: () => T): Promise<T>;
  /** Orders changed by the sync (the screens refresh them). */
  ordersChanged(orderIds: string[]): void;
  /** Waits, or rejects when the sync is being stopped. */
  sleep(ms: number): Promise<void>;
  /** The data folder: label files live in <dataDir>/labels. */
  dataDir: string;
  /**
   * How long one write step of the pull may take: short while packers are scanning (a scan waits
   * behind at most one step), longer when the bench is quiet (fewer, larger transactions).
   */
  stepBudgetMs(): number;
}
