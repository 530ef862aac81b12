import { useSyncExternalStore } from 'react';

/**
 * One clock for every countdown on screen: a single 1 s interval runs while anything shows a
 * countdown, instead of a timer per row. Ticks land on whole seconds so all rows change together.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | null = null;

function tick() {
  now = Date.now();
  for (const l of listeners) l();
  timer = setTimeout(tick, 1000 - (now % 1000));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setTimeout(tick, 1000 - (now % 1000));
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

const snapshot = () => now;

/** Milliseconds since the epoch, updated once a second while mounted. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
