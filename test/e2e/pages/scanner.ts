import type { CDPSession, Page } from 'playwright-core';

/**
 * A keyboard-wedge scanner for the end-to-end tests. Keys go in through the DevTools protocol
 * (Input.dispatchKeyEvent) with explicit timestamps, so the page sees them exactly `gapMs` apart
 * whatever the load on this machine: the test decides the timing, not the scheduler. All keys of
 * a burst are sent at once, as the USB stack delivers them; Chromium queues them in order.
 */

export type Suffix = 'Enter' | 'Tab' | null;

export interface BurstOptions {
  /** Time between two keys as the page sees it (KeyboardEvent.timeStamp). Default 5 ms. */
  gapMs?: number;
  /** What the scanner types after the code; null for a scanner with no suffix, or one cut short. */
  suffix?: Suffix;
  /** Makes the page busy for `ms` while it handles the key at index `afterKey` (0-based). */
  longTask?: { afterKey: number; ms: number };
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

interface KeyEvent {
  key: string;
  code: string;
  keyCode: number;
  text: string;
  shift: boolean;
}

const PUNCTUATION: Record<string, [code: string, keyCode: number, shift: boolean]> = {
  '-': ['Minus', 189, false],
  _: ['Minus', 189, true],
  '.': ['Period', 190, false],
  '/': ['Slash', 191, false],
  ' ': ['Space', 32, false],
};

/** The key a US-layout scanner presses for a character (letters with Shift for capitals). */
function keyFor(ch: string): KeyEvent {
  if (ch === 'Enter') return { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r', shift: false };
  if (ch === 'Tab') return { key: 'Tab', code: 'Tab', keyCode: 9, text: '', shift: false };
  if (/^[0-9]$/.test(ch)) return { key: ch, code: `Digit${ch}`, keyCode: ch.charCodeAt(0), text: ch, shift: false };
  if (/^[a-zA-Z]$/.test(ch)) {
    const upper = ch.toUpperCase();
    return { key: ch, code: `Key${upper}`, keyCode: upper.charCodeAt(0), text: ch, shift: ch !== ch.toLowerCase() };
  }
  const p = PUNCTUATION[ch];
  if (!p) throw new Error(`the test scanner has no key for ${JSON.stringify(ch)}`);
  return { key: ch, code: p[0], keyCode: p[1], text: ch, shift: p[2] };
}

/** Installs a one-shot keydown listener that blocks the page's main thread at the given key. */
async function armLongTask(page: Page, afterKey: number, ms: number): Promise<void> {
  await page.evaluate(
    ({ afterKey, ms }) => {
      const g = globalThis as unknown as { addEventListener: EventAdder; removeEventListener: EventAdder; performance: { now(): number } };
      let seen = 0;
      const block = () => {
        if (seen++ !== afterKey) return;
        g.removeEventListener('keydown', block, true);
        const until = g.performance.now() + ms;
        while (g.performance.now() < until) {
          // A long task: the keys after this one wait in Chromium's input queue.
        }
      };
      g.addEventListener('keydown', block, true);
    },
    { afterKey, ms },
  );
}
type EventAdder = (type: string, fn: () => void, capture: boolean) => void;

/**
 * When the burst's first key is pressed, in epoch seconds as the protocol takes it: so that the
 * last key is pressed now by the page's clock, but never before the page was loaded (Chromium
 * stamps such a key 0, as if it had no time).
 */
async function burstStart(page: Page, keys: number, gapMs: number): Promise<number> {
  const [origin, now] = await page.evaluate(() => {
    const perf = (globalThis as unknown as { performance: { timeOrigin: number; now(): number } }).performance;
    return [perf.timeOrigin, perf.timeOrigin + perf.now()];
  });
  return Math.max(now - keys * gapMs, origin + 1) / 1000;
}

/**
 * Types `code` as a scanner would; each key is a keyDown (with its text, so a focused field fills
 * as it would) and a keyUp.
 */
export async function scanKeys(page: Page, code: string, { gapMs = 5, suffix = 'Enter', longTask }: BurstOptions = {}): Promise<void> {
  const cdp = await session(page);
  if (longTask) await armLongTask(page, longTask.afterKey, longTask.ms);
  const keys = [...code].map(keyFor);
  if (suffix) keys.push(keyFor(suffix));
  const start = await burstStart(page, keys.length, gapMs);
  const sends = keys.flatMap((k, i) => {
    const timestamp = start + (i * gapMs) / 1000;
    const common = { key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, modifiers: k.shift ? 8 : 0, timestamp };
    return [
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...common, ...(k.text && { text: k.text, unmodifiedText: k.text.toLowerCase() }) }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp: timestamp + 0.001 }),
    ];
  });
  await Promise.all(sends);
}
