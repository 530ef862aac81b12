import { describe, vi } from 'vitest';
import { chromiumMissing } from './launcher.js';

/**
 * A describe block for browser tests: skipped, with the reason printed, where Chromium is not
 * installed (CI installs it, so there they always run).
 */
export function describeInChromium(title: string, body: () => void): void {
  const missing = chromiumMissing();
  if (missing) console.warn(`[e2e] "${title}" skipped: ${missing}`);
  // A busy machine makes the station and Chromium slow, never wrong: conditions get longer than
  // vitest's 1 s to come true (a failing one still fails, with its last value).
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 50 } } });
  describe.skipIf(missing !== null)(title, body);
}
