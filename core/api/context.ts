import type { Clock } from '../domain/clock.js';
import type { Db } from '../store/db.js';
import type { EventBus } from './events.js';

export interface Logger {
  error(message: string, err?: unknown): void;
}

/** What every handler gets: the store, the clock and the event bus. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  events: EventBus;
  log: Logger;
}
