/** A clock the test moves by hand, for the capture's key-gap timing. */
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
}

/** Dispatches one keydown the way a keyboard-wedge scanner or a person would; returns false when prevented. */
export function keydown(key: string, o: KeyOptions = {}): boolean {
  const { target = document.body, ...init } = o;
  return target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
}

/** Types text key by key, gapMs apart, then the suffix (if any); returns whether the suffix went through unprevented. */
export function typeBurst(text: string, clock: { advance(ms: number): void }, { gapMs = 5, suffix = 'Enter' as string | null, ...o }: KeyOptions & { gapMs?: number; suffix?: string | null } = {}): boolean {
  for (const ch of text) {
    clock.advance(gapMs);
    keydown(ch, o);
  }
  if (suffix === null) return true;
  clock.advance(gapMs);
  return keydown(suffix, o);
}
