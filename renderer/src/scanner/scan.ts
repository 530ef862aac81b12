/** One scan as the renderer received it, before the core has judged it. */
export interface CapturedScan {
  /** Made here, once per physical scan, so a resent message is counted once by the core. */
  scanId: string;
  code: string;
  /** When the scan was complete (its suffix key's timestamp), on the performance.now() clock. */
  at: number;
}

export function newScanId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Turns raw scanner text into a scan. NFKC folds the full-width digits and letters a Chinese
 * IME in full-width mode produces (１２３ → 123) into what the barcode says.
 * Marks 'scan-received' (now, when the page has the code) for the scan-to-verdict benchmark; its
 * detail also says when the scanner finished the code (`at`), which is earlier if the page was busy.
 */
export function receiveScan(raw: string, at: number = performance.now()): CapturedScan {
  const scan = { scanId: newScanId(), code: raw.normalize('NFKC').trim(), at };
  performance.mark?.('scan-received', { detail: { scanId: scan.scanId, at } });
  return scan;
}
