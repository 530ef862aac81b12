import { receiveScan, type CapturedScan } from './scan.js';

export interface ScannerCaptureOptions {
  onScan(scan: CapturedScan): void;
  /**
   * A burst that looked like a scanner's but was cut short (its suffix never came, or the keys
   * stopped and started again mid-code). The fragment is never passed on as a code.
   */
  onIncomplete?(): void;
  /** Longest pause between two keys of one scan; people type slower than this. */
  maxGapMs?: number;
  /** Shortest code taken as a scan; shorter bursts are fast typing. */
  minLength?: number;
  target?: EventTarget;
  /**
   * Scanners are usually set to end a code with Enter or Tab. For one that sends no suffix,
   * set this: a burst is then delivered once the keys have stopped for suffixTimeoutMs.
   */
  deliverWithoutSuffix?: boolean;
  /** Silence after which an unfinished burst is judged: cut short, or (without suffix) complete. */
  suffixTimeoutMs?: number;
  /** The manual entry field: scans typed into it by the scanner are still captured. */
  scanFieldSelector?: string;
  /** Clock in milliseconds, in the same time base as KeyboardEvent.timeStamp; performance.now by default. */
  now?: () => number;
}

/** Marks the manual entry field (the only text field a scan may be typed into). */
export const SCAN_FIELD_ATTRIBUTE = 'data-scan-field';
export const SCAN_FIELD_SELECTOR = `[${SCAN_FIELD_ATTRIBUTE}]`;
export const DEFAULT_MAX_GAP_MS = 35;
const DEFAULT_SUFFIX_TIMEOUT_MS = 100;
/** A silence timer this late means the page was busy: keys typed meanwhile may not be handled yet. */
const LATE_TIMER_MS = 20;
/** How many times a late silence timer waits again before judging anyway. */
const MAX_SILENCE_RETRIES = 10;

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

/** The silence after the last key that ends an unfinished burst, for a given key gap. */
export function suffixTimeoutFor(maxGapMs: number, requested = DEFAULT_SUFFIX_TIMEOUT_MS): number {
  return Math.max(requested, 2 * maxGapMs + 30);
}

/**
 * Captures keyboard-wedge scanner bursts anywhere in the window, so the packer never has to click
 * into a field first. Returns the function that stops listening.
 *
 * A scan is at least minLength printable keys, each within maxGapMs of the one before, ended by
 * Enter or Tab. The suffix is swallowed (so it neither presses a focused button nor moves focus).
 *
 * Gaps are measured between the keys' own timestamps (KeyboardEvent.timeStamp: when the key was
 * pressed, not when this page got round to handling it), so a long task in the middle of a burst
 * does not split it: the keys queued behind it arrive together, still 5 ms apart.
 */
export function createScannerCapture(options: ScannerCaptureOptions): () => void {
  const {
    onScan,
    onIncomplete = () => {},
    maxGapMs = DEFAULT_MAX_GAP_MS,
    minLength = 3,
    target = window,
    deliverWithoutSuffix = false,
    scanFieldSelector = SCAN_FIELD_SELECTOR,
    now = () => performance.now(),
  } = options;
  const suffixTimeoutMs = suffixTimeoutFor(maxGapMs, options.suffixTimeoutMs);

  let buffer = '';
  /** Timestamp of the last key of the burst. */
  let lastAt = -Infinity;
  /** The burst was cut short and reported: its remaining keys (and its suffix) are swallowed. */
  let broken = false;
  /** The manual field the burst was typed into, emptied once the burst is judged. */
  let field: Element | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function stopTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function reset() {
    buffer = '';
    lastAt = -Infinity;
    broken = false;
    field = null;
    stopTimer();
  }

  function emptyField() {
    // The scanner also typed into the manual field; the keys are judged, so empty it.
    if (field && 'value' in field) (field as HTMLInputElement).value = '';
  }

  function deliver(at: number) {
    const scan = receiveScan(buffer, at);
    emptyField();
    reset();
    onScan(scan);
  }

  function reportIncomplete() {
    emptyField();
    buffer = '';
    performance.mark?.('scan-incomplete');
    onIncomplete();
  }

  /** The burst's keys stopped without a suffix: a whole code (scanner without suffix) or a cut one. */
  function judgeUnfinished(at: number) {
    if (buffer.length < minLength) buffer = '';
    else if (deliverWithoutSuffix) deliver(at);
    else reportIncomplete();
  }

  function armSilence(retries = 0) {
    stopTimer();
    const due = now() + suffixTimeoutMs;
    timer = setTimeout(() => {
      timer = undefined;
      // Fired late: the page was busy, and keys pressed meanwhile may still be queued behind this
      // timer. Wait once more so they are handled first, instead of judging half a code.
      if (now() - due > LATE_TIMER_MS && retries < MAX_SILENCE_RETRIES) return armSilence(retries + 1);
      if (!broken) judgeUnfinished(lastAt);
      reset();
    }, suffixTimeoutMs);
  }

  function onSuffix(e: KeyboardEvent, gap: number) {
    const swallow = broken ? gap <= suffixTimeoutMs : buffer.length >= minLength && gap <= suffixTimeoutMs;
    if (!swallow) return reset();
    e.preventDefault();
    e.stopPropagation();
    if (broken) {
      emptyField();
      reset();
    } else deliver(lastAt + gap);
  }

  function onCharacter(key: string, t: number, gap: number, el: Element | null) {
    if (broken && gap > suffixTimeoutMs) reset();
    if (buffer !== '' && gap > maxGapMs) {
      if (buffer.length >= minLength && gap <= suffixTimeoutMs) {
        // The keys stopped mid-code and went on: both parts are pieces of one scan.
        reportIncomplete();
        broken = true;
      } else judgeUnfinished(lastAt);
    }
    if (buffer === '' && !broken) field = el;
    else if (el) field = el;
    if (!broken) buffer += key;
    lastAt = t;
    armSilence();
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

    // Synthetic events in some environments carry no time; those are handled as they come.
    const t = e.timeStamp > 0 ? e.timeStamp : now();
    const gap = t - lastAt;
    if (e.key === 'Enter' || e.key === 'Tab') return onSuffix(e, gap);
    if (e.key === 'Shift' || e.key === 'CapsLock') return; // scanners press Shift for capitals
    if (e.key.length !== 1) return reset(); // arrows, Backspace, F-keys: a person at the keyboard
    onCharacter(e.key, t, gap, inScanField ? el : null);
  }

  // Capture phase: the scan is seen before any focused control acts on the keys.
  target.addEventListener('keydown', onKeyDown, true);
  return () => {
    target.removeEventListener('keydown', onKeyDown, true);
    reset();
  };
}
