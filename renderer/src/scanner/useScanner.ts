import { useEffect, useLayoutEffect, useRef } from 'react';
import { createScannerCapture, type ScannerCaptureOptions } from './capture.js';
import type { CapturedScan } from './scan.js';

/** Listens for scanner bursts while the calling screen is mounted. */
export function useScanner(onScan: (scan: CapturedScan) => void, options: Omit<ScannerCaptureOptions, 'onScan'> = {}): void {
  // The latest callback is called without re-registering the window listener on every render.
  const latest = useRef(onScan);
  useLayoutEffect(() => {
    latest.current = onScan;
  });
  const { maxGapMs, minLength, deliverWithoutSuffix, suffixTimeoutMs, target } = options;
  useEffect(
    () =>
      createScannerCapture({
        onScan: (scan) => latest.current(scan),
        ...(maxGapMs !== undefined && { maxGapMs }),
        ...(minLength !== undefined && { minLength }),
        ...(deliverWithoutSuffix !== undefined && { deliverWithoutSuffix }),
        ...(suffixTimeoutMs !== undefined && { suffixTimeoutMs }),
        ...(target !== undefined && { target }),
      }),
    [maxGapMs, minLength, deliverWithoutSuffix, suffixTimeoutMs, target],
  );
}
