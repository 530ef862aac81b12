/** Which update_time window a pull reads (PLATFORM-API.md, "Incremental sync"). Pure. */

export interface PullSettings {
  /** First pull: orders updated in the last this many days (7 by default, at most 90). */
  backfillDays: number;
  /** Each window starts this long before the cursor: the platform's update times may land a little late. */
  overlapMinutes: number;
  /** The window ends this long before now, fixed for all its pages. */
  lagSeconds: number;
}

export const DEFAULT_PULL: PullSettings = { backfillDays: 7, overlapMinutes: 5, lagSeconds: 5 };
export const MAX_BACKFILL_DAYS = 90;

/** [from, to) in Unix seconds, or null when there is nothing to read yet. */
export function pullWindow(cursor: number | null, nowMs: number, s: PullSettings): { from: number; to: number } | null {
  const now = Math.floor(nowMs / 1000);
  const days = Math.min(Math.max(Math.round(s.backfillDays), 1), MAX_BACKFILL_DAYS);
  const from = cursor === null ? now - days * 86_400 : cursor - s.overlapMinutes * 60;
  const to = now - s.lagSeconds;
  return to > from ? { from, to } : null;
}
