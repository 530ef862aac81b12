import { receiveScan, type CapturedScan } from './scan.js';

export interface ScannerCaptureOptions {
  onScan(scan: CapturedScan): void;
  /** Longest pause between two keys of one scan; people type slower than this. */
  maxGapMs?: number;
  /** Shortest code taken as a scan; shorter bursts are fast typing. */
  minLength?: number;
  target?: EventTarget;
  /**
   * Scanners are usually set to end a code with Enter or Tab. For one that sends no suffix,
   * set this: a burst is then delivered once the keys stop for suffixTimeoutMs.
   */
  deliverWithoutSuffix?: boolean;
  /** Silence after which an unfinished burst is dropped (or delivered, see above). */
  suffixTimeoutMs?: number;
  /** The manual entry field: scans typed into it by the scanner are still captured. */
  scanFieldSelector?: string;
  /** Clock in milliseconds; performance.now by default. */
  now?: () => number;
}

/** Marks the manual entry field (the only text field a scan may be typed into). */
export const SCAN_FIELD_ATTRIBUTE = 'data-scan-field';
export const SCAN_FIELD_SELECTOR = `[${SCAN_FIELD_ATTRIBUTE}]`;

const NOT_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image']);

/** True for elements where the keys are someone typing text: a scan must not be taken from them. */
function isTextEntry(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  return (el as HTMLElement).isContentEditable === true;
}

function asElement(t: EventTarget | null): Element | null {
  return t !== null && typeof (t as Element).tagName === 'string' ? (t as Element) : null;
}

/**
 * Captures keyboard-wedge scanner bursts anywhere in the window, so the packer never has to click
 * into a field first. Returns the function that stops listening.
 *
 * A scan is at least minLength printable keys, each within maxGapMs of the one before, ended by
 * Enter or Tab. The suffix is swallowed (so it neither presses a focused button nor moves focus).
 */
export function createScannerCapture(options: ScannerCaptureOptions): () => void {
  const {
    onScan,
    maxGapMs = 35,
    minLength = 3,
    target = window,
    deliverWithoutSuffix = false,
    scanFieldSelector = SCAN_FIELD_SELECTOR,
    now = () => performance.now(),
  } = options;
  const suffixTimeoutMs = Math.max(options.suffixTimeoutMs ?? 100, maxGapMs + 1);

  let buffer = '';
  let lastAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function reset() {
    buffer = '';
    lastAt = -Infinity;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function deliver(field: Element | null) {
    const scan = receiveScan(buffer);
    // The scanner also typed into the manual field; the code is taken, so empty it.
    if (field && 'value' in field) (field as HTMLInputElement).value = '';
    reset();
    onScan(scan);
  }

  function onSilence(field: Element | null) {
    timer = undefined;
    if (deliverWithoutSuffix && buffer.length >= minLength) deliver(field);
    else reset();
  }

  function onKeyDown(event: Event) {
    const e = event as KeyboardEvent;
    // Keys the IME is composing (keyCode 229) are not the scanner's; the burst is not trustworthy.
    if (e.isComposing || e.keyCode === 229) return reset();
    // Shortcuts (Ctrl+Z undo, Alt+…) are never part of a code.
    if (e.ctrlKey || e.altKey || e.metaKey) return reset();
    const el = asElement(e.target);
    const inScanField = el !== null && el.matches(scanFieldSelector);
    if (el && !inScanField && isTextEntry(el)) return reset();

    const t = now();
    const fast = t - lastAt <= maxGapMs;
    if (e.key === 'Enter' || e.key === 'Tab') {
      if (fast && buffer.length >= minLength) {
        e.preventDefault();
        e.stopPropagation();
        deliver(inScanField ? el : null);
      } else {
        reset();
      }
      return;
    }
    if (e.key === 'Shift' || e.key === 'CapsLock') return; // scanners press Shift for capitals
    if (e.key.length !== 1) return reset(); // arrows, Backspace, F-keys: a person at the keyboard

    if (!fast) buffer = '';
    buffer += e.key;
    lastAt = t;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(onSilence, suffixTimeoutMs, inScanField ? el : null);
  }

  // Capture phase: the scan is seen before any focused control acts on the keys.
  target.addEventListener('keydown', onKeyDown, true);
  return () => {
    target.removeEventListener('keydown', onKeyDown, true);
    reset();
  };
}
