import { describe } from 'vitest';
import { chromiumMissing } from './launcher.js';

/**
 * A describe block for browser tests: skipped, with the reason printed, where Chromium is not
 * installed (CI installs it, so there they always run).
 */
export function describeInChromium(title: string, body: () => void): void {
  const missing = chromiumMissing();
  if (missing) console.warn(`[e2e] "${title}" skipped: ${missing}`);
  describe.skipIf(missing !== null)(title, body);
}
