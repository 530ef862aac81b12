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
/** With a suffix, the silence after which a burst without one is said to be cut short. */
const CUT_SHORT_SILENCE_MS = 300;
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
  // Without a suffix the silence is what delivers a scan, so it stays short. With one, silence
  // only ever means "cut short", and saying so a little later costs nothing.
  const silenceMs = deliverWithoutSuffix ? suffixTimeoutMs : Math.max(suffixTimeoutMs, CUT_SHORT_SILENCE_MS);

  let buffer = '';
  /** Timestamp of the last key of the burst. */
  let lastAt = -Infinity;
  /** The burst was cut short and reported: its remaining keys (and its suffix) are swallowed. */
  let broken = false;
  /**
   * The last burst the silence timer judged. Keys can reach the page late (a busy computer holds
   * them before the page ever sees them); one stamped within the burst's gap shows the timer
   * judged too soon, and the burst goes on.
   */
  let judged: { fragment: string; at: number; delivered: boolean } | null = null;
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
    judged = null;
    field = null;
    stopTimer();
  }

  function emptyField() {
    // The scanner also typed into the manual field; the keys are judged, so empty it.
    if (field && 'value' in field) (field as HTMLInputElement).value = '';
  }

  function deliver(code: string, at: number) {
    const scan = receiveScan(code, at);
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
  function judgeUnfinished() {
    const fragment = buffer;
    const at = lastAt;
    if (fragment.length < minLength) return reset();
    if (deliverWithoutSuffix) deliver(fragment, at);
    else reportIncomplete();
    reset();
    judged = { fragment, at, delivered: deliverWithoutSuffix };
  }

  function armSilence(retries = 0) {
    stopTimer();
    const due = now() + silenceMs;
    timer = setTimeout(() => {
      timer = undefined;
      // Fired late: the page was busy, and keys pressed meanwhile may still be queued behind this
      // timer. Wait once more so they are handled first, instead of judging half a code.
      if (now() - due > LATE_TIMER_MS && retries < MAX_SILENCE_RETRIES) return armSilence(retries + 1);
      if (broken) reset();
      else judgeUnfinished();
    }, silenceMs);
  }

  /** A key stamped within the gap of a burst the timer already judged: that burst goes on. */
  function resumeJudged(t: number, gapAllowed: number): boolean {
    if (!judged || buffer !== '' || broken || t - judged.at > gapAllowed) return false;
    const { fragment, at, delivered } = judged;
    judged = null;
    if (delivered) {
      // Already sent as a whole code: the rest can only be said to be a cut scan.
      reportIncomplete();
      broken = true;
    } else buffer = fragment;
    lastAt = at;
    return true;
  }

  function onSuffix(e: KeyboardEvent, t: number) {
    resumeJudged(t, suffixTimeoutMs);
    const gap = t - lastAt;
    const swallow = broken ? gap <= suffixTimeoutMs : buffer.length >= minLength && gap <= suffixTimeoutMs;
    if (!swallow) return reset();
    e.preventDefault();
    e.stopPropagation();
    if (broken) {
      emptyField();
      reset();
    } else deliver(buffer, t);
  }

  function onCharacter(key: string, t: number, el: Element | null) {
    resumeJudged(t, maxGapMs);
    const gap = t - lastAt;
    if (broken && gap > suffixTimeoutMs) reset();
    if (buffer !== '' && gap > maxGapMs) {
      if (buffer.length >= minLength && gap <= suffixTimeoutMs) {
        // The keys stopped mid-code and went on: both parts are pieces of one scan.
        reportIncomplete();
        broken = true;
      } else judgeUnfinished();
    }
    if (buffer === '' && !broken) field = el;
    else if (el) field = el;
    if (!broken) buffer += key;
    judged = null;
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
    const inScanField = el?.matches(scanFieldSelector) === true;
    if (el && !inScanField && isTextEntry(el)) return reset();

    // Synthetic events in some environments carry no time; those are handled as they come.
    const t = e.timeStamp > 0 ? e.timeStamp : now();
    if (e.key === 'Enter' || e.key === 'Tab') return onSuffix(e, t);
    if (e.key === 'Shift' || e.key === 'CapsLock') return; // scanners press Shift for capitals
    if (e.key.length !== 1) return reset(); // arrows, Backspace, F-keys: a person at the keyboard
    onCharacter(e.key, t, inScanField ? el : null);
  }

  // Capture phase: the scan is seen before any focused control acts on the keys.
  target.addEventListener('keydown', onKeyDown, true);
  return () => {
    target.removeEventListener('keydown', onKeyDown, true);
    reset();
  };
}
