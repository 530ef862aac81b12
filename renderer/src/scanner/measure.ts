import type { ScannerSuffix } from './profile.js';

/** What one test scan showed about the scanner. */
export interface TestScan {
  code: string;
  /** The widest gap between two keys, the suffix included (from the keys' own timestamps). */
  widestGapMs: number;
  suffix: ScannerSuffix;
}

export interface MeasureOptions {
  onScan(scan: TestScan): void;
  target?: EventTarget;
  /** The keys have stopped this long without Enter or Tab: the scanner sends no suffix. */
  silenceMs?: number;
  /** Fewer characters than this is not a scan (a stray key press). */
  minLength?: number;
}

/**
 * Listens for one test scan and measures it: every key the scanner types, how far apart, and
 * what it ends with. Used by the scanner test in Settings, where the normal capture is off, so
 * the keys are taken as they are. Returns the function that stops listening.
 */
export function measureTestScan(options: MeasureOptions): () => void {
  const { onScan, target = window, silenceMs = 500, minLength = 3 } = options;
  let code = '';
  let lastAt = -Infinity;
  let widest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function finish(suffix: ScannerSuffix) {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const scan = { code: code.normalize('NFKC').trim(), widestGapMs: widest, suffix };
    code = '';
    widest = 0;
    lastAt = -Infinity;
    if (scan.code.length >= minLength) onScan(scan);
  }

  function onKeyDown(event: Event) {
    const e = event as KeyboardEvent;
    if (e.key === 'Shift' || e.key === 'CapsLock') return;
    const t = e.timeStamp > 0 ? e.timeStamp : performance.now();
    if (e.key === 'Enter' || e.key === 'Tab') {
      if (code === '') return;
      // The suffix must not press the button that started the test, or move focus.
      e.preventDefault();
      e.stopPropagation();
      widest = Math.max(widest, t - lastAt);
      return finish(e.key);
    }
    if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    if (code !== '') widest = Math.max(widest, t - lastAt);
    code += e.key;
    lastAt = t;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => finish('none'), silenceMs);
  }

  target.addEventListener('keydown', onKeyDown, true);
  return () => {
    target.removeEventListener('keydown', onKeyDown, true);
    if (timer !== undefined) clearTimeout(timer);
  };
}
