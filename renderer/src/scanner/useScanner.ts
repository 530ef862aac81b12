import { useLayoutEffect, useRef } from 'react';
import { usePackdesk } from '../store/context.js';
import { createScannerCapture } from './capture.js';
import { captureSettings } from './profile.js';
import type { CapturedScan } from './scan.js';

export interface ScannerHandlers {
  /** A burst cut short: the screen says "scan again" with the error sound. */
  onIncomplete?(): void;
}

/**
 * Listens for scanner bursts while the calling screen is mounted, with this station's scanner
 * settings (the scanner test in Settings), or the defaults until it has been tested.
 */
export function useScanner(onScan: (scan: CapturedScan) => void, handlers: ScannerHandlers = {}): void {
  // The latest callbacks are called without re-registering the window listener on every render.
  const latest = useRef({ onScan, ...handlers });
  useLayoutEffect(() => {
    latest.current = { onScan, ...handlers };
  });
  const profile = usePackdesk((s) => s.settings.scanner);
  const { maxGapMs, deliverWithoutSuffix } = captureSettings(profile);
  // A layout effect: listening starts before the screen is painted, so no scan is missed.
  useLayoutEffect(
    () =>
      createScannerCapture({
        onScan: (scan) => latest.current.onScan(scan),
        onIncomplete: () => latest.current.onIncomplete?.(),
        ...(maxGapMs !== undefined && { maxGapMs }),
        ...(deliverWithoutSuffix !== undefined && { deliverWithoutSuffix }),
      }),
    [maxGapMs, deliverWithoutSuffix],
  );
}
