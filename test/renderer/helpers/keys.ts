/**
 * A clock the test moves by hand. It stands for both clocks the scanner capture reads: the time a
 * key was pressed (each keydown is stamped with it) and the time now (its silence timer).
 */
export function manualClock(start = 1000) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

export interface KeyOptions {
  target?: EventTarget;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  isComposing?: boolean;
  keyCode?: number;
  /** The key's timeStamp: when it was pressed. */
  at?: number;
}

/** Dispatches one keydown the way a keyboard-wedge scanner or a person would; returns false when prevented. */
export function keydown(key: string, o: KeyOptions = {}): boolean {
  const { target = document.body, at, ...init } = o;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  if (at !== undefined) Object.defineProperty(event, 'timeStamp', { value: at });
  return target.dispatchEvent(event);
}

export type Clock = ReturnType<typeof manualClock>;
export type BurstOptions = Omit<KeyOptions, 'at'> & { gapMs?: number; suffix?: string | null };

/**
 * Types text key by key, gapMs apart (the clock moves and stamps each key), then the suffix (if
 * any); returns whether the suffix went through unprevented.
 */
export function typeBurst(text: string, clock: Clock, { gapMs = 5, suffix = 'Enter', ...o }: BurstOptions = {}): boolean {
  for (const ch of text) {
    clock.advance(gapMs);
    keydown(ch, { ...o, at: clock.now() });
  }
  if (suffix === null) return true;
  clock.advance(gapMs);
  return keydown(suffix, { ...o, at: clock.now() });
}
