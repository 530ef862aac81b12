// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScannerCapture, type ScannerCaptureOptions } from '../../renderer/src/scanner/capture.js';
import type { CapturedScan } from '../../renderer/src/scanner/scan.js';
import { keydown, manualClock, typeBurst } from './helpers/keys.js';

describe('scanner capture', () => {
  let clock: ReturnType<typeof manualClock>;
  let scans: CapturedScan[];
  let incomplete: number;
  let dispose: (() => void) | undefined;

  function start(o: Partial<ScannerCaptureOptions> = {}) {
    dispose = createScannerCapture({ onScan: (s) => scans.push(s), onIncomplete: () => incomplete++, now: clock.now, ...o });
  }

  /** Time passes with nothing else happening: the clock and the timers move together. */
  function idle(ms: number) {
    for (let i = 0; i < ms; i++) {
      clock.advance(1);
      vi.advanceTimersByTime(1);
    }
  }

  beforeEach(() => {
    clock = manualClock();
    scans = [];
    incomplete = 0;
    document.body.innerHTML = '';
  });
  afterEach(() => {
    dispose?.();
    dispose = undefined;
    vi.useRealTimers();
  });

  it('turns a fast burst ended by Enter into one scan, without any field focused, and swallows the Enter', () => {
    start();
    const enterWentThrough = typeBurst('6901234567892', clock);
    expect(scans.map((s) => s.code)).toEqual(['6901234567892']);
    expect(enterWentThrough).toBe(false);
  });

  it('gives every scan its own id, so a resent message is counted once by the core', () => {
    start();
    typeBurst('ABC123', clock);
    clock.advance(500);
    typeBurst('ABC123', clock);
    expect(scans).toHaveLength(2);
    expect(scans[0]!.scanId).toMatch(/^[0-9a-f-]{36}$/);
    expect(scans[0]!.scanId).not.toBe(scans[1]!.scanId);
  });

  it('does not take slow human typing for a scan, and leaves that Enter alone', () => {
    start();
    const enterWentThrough = typeBurst('12345', clock, { gapMs: 120 });
    expect(scans).toEqual([]);
    expect(enterWentThrough).toBe(true);
  });

  it('does not take a burst shorter than minLength for a scan', () => {
    start({ minLength: 4 });
    typeBurst('123', clock);
    expect(scans).toEqual([]);
  });

  it('starts over when a pause splits the keys: only the fast tail counts', () => {
    start();
    typeBurst('99', clock, { suffix: null });
    clock.advance(400);
    typeBurst('ABC123', clock);
    expect(scans.map((s) => s.code)).toEqual(['ABC123']);
  });

  it('ignores keys the IME is composing (isComposing or keyCode 229)', () => {
    start();
    typeBurst('zhongwen', clock, { isComposing: true });
    typeBurst('pinyin', clock, { keyCode: 229 });
    expect(scans).toEqual([]);
  });

  it('folds full-width characters from a Chinese IME into plain ones (NFKC)', () => {
    start();
    typeBurst('６９０１２３ＡＢ', clock);
    expect(scans.map((s) => s.code)).toEqual(['690123AB']);
  });

  it('accepts Tab as the suffix and keeps focus where it is', () => {
    start();
    const tabWentThrough = typeBurst('PKG-778899', clock, { suffix: 'Tab' });
    expect(scans.map((s) => s.code)).toEqual(['PKG-778899']);
    expect(tabWentThrough).toBe(false);
  });

  it('ignores bursts typed into another text field', () => {
    start();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    typeBurst('6901234567892', clock, { target: input });
    const area = document.createElement('textarea');
    document.body.append(area);
    typeBurst('6901234567892', clock, { target: area });
    expect(scans).toEqual([]);
  });

  it('captures bursts in the scan field and empties it, and in non-text controls like a checkbox', () => {
    start();
    const field = document.createElement('input');
    field.setAttribute('data-scan-field', '');
    field.value = '6901234567892';
    document.body.append(field);
    typeBurst('6901234567892', clock, { target: field });
    expect(field.value).toBe('');
    const box = document.createElement('input');
    box.type = 'checkbox';
    document.body.append(box);
    typeBurst('TT123456789GB', clock, { target: box });
    expect(scans.map((s) => s.code)).toEqual(['6901234567892', 'TT123456789GB']);
  });

  it('ignores modifier combinations such as Ctrl+Z inside a burst', () => {
    start();
    typeBurst('12', clock, { suffix: null });
    clock.advance(5);
    keydown('z', { ctrlKey: true, at: clock.now() });
    typeBurst('3', clock);
    expect(scans).toEqual([]);
  });

  it('says a burst whose suffix never came was not read completely, and passes no fragment on', () => {
    vi.useFakeTimers();
    start({ suffixTimeoutMs: 100 });
    typeBurst('69012345', clock, { suffix: null });
    idle(250);
    expect(incomplete).toBe(0);
    idle(50);
    expect(incomplete).toBe(1);
    idle(50);
    keydown('Enter', { at: clock.now() });
    expect(scans).toEqual([]);
    expect(incomplete).toBe(1);
  });

  it('measures gaps by when keys were pressed: a long task mid-burst does not split the scan', () => {
    start();
    typeBurst('5764100011', clock, { suffix: null });
    // The page is busy for 200 ms; the rest of the keys were pressed meanwhile, 5 ms apart.
    const pressedAt = clock.now();
    clock.advance(200);
    for (const [i, ch] of [...'27777943'].entries()) keydown(ch, { at: pressedAt + 5 * (i + 1) });
    keydown('Enter', { at: pressedAt + 45 });
    expect(scans.map((s) => s.code)).toEqual(['576410001127777943']);
    expect(incomplete).toBe(0);
  });

  it('waits again when its silence timer fires late, so keys queued behind a long task are not cut off', () => {
    vi.useFakeTimers();
    start({ suffixTimeoutMs: 100 });
    typeBurst('5764100011', clock, { suffix: null });
    const pressedAt = clock.now();
    // A 300 ms task: the timer due at +100 ms only runs at +300, before the queued keys.
    clock.advance(300);
    vi.advanceTimersByTime(100);
    expect(incomplete).toBe(0);
    for (const [i, ch] of [...'27777943'].entries()) keydown(ch, { at: pressedAt + 5 * (i + 1) });
    keydown('Enter', { at: pressedAt + 45 });
    expect(scans.map((s) => s.code)).toEqual(['576410001127777943']);
    expect(incomplete).toBe(0);
  });

  it('takes back a cut-short judgement when the rest of the burst reaches the page late, stamped in time', () => {
    vi.useFakeTimers();
    start();
    typeBurst('5764100011', clock, { suffix: null });
    const pressedAt = clock.now();
    // The computer held the rest of the keys before the page saw them; the page was idle meanwhile.
    idle(400);
    expect(incomplete).toBe(1);
    for (const [i, ch] of [...'27777943'].entries()) keydown(ch, { at: pressedAt + 5 * (i + 1) });
    expect(keydown('Enter', { at: pressedAt + 45 })).toBe(false);
    expect(scans.map((s) => s.code)).toEqual(['576410001127777943']);
  });

  it('takes a late-arriving suffix stamped in time as the end of the scan', () => {
    vi.useFakeTimers();
    start();
    typeBurst('6901234567892', clock, { suffix: null });
    const pressedAt = clock.now();
    idle(400);
    keydown('Enter', { at: pressedAt + 5 });
    expect(scans.map((s) => s.code)).toEqual(['6901234567892']);
  });

  it('says a burst that stopped mid-code and went on was not read completely, and swallows its suffix', () => {
    vi.useFakeTimers();
    start();
    typeBurst('5764100011', clock, { suffix: null });
    clock.advance(60);
    const enterWentThrough = typeBurst('27777943', clock);
    expect(scans).toEqual([]);
    expect(incomplete).toBe(1);
    expect(enterWentThrough).toBe(false);
    vi.runAllTimers();
    expect(incomplete).toBe(1);
  });

  it('takes a suffix that comes a little late, within the silence, as the end of the scan', () => {
    start({ suffixTimeoutMs: 100 });
    typeBurst('6901234567892', clock, { suffix: null });
    clock.advance(70);
    expect(keydown('Enter', { at: clock.now() })).toBe(false);
    expect(scans.map((s) => s.code)).toEqual(['6901234567892']);
  });

  it('does not call slow typing or two quick keys a cut scan', () => {
    vi.useFakeTimers();
    start();
    typeBurst('12345', clock, { gapMs: 120, suffix: null });
    vi.runAllTimers();
    typeBurst('ab', clock, { suffix: null });
    vi.runAllTimers();
    expect(incomplete).toBe(0);
  });

  it('uses the gap it is given: a slower scanner is still one scan, and the default would split it', () => {
    start({ maxGapMs: 60 });
    typeBurst('TT123456789GB', clock, { gapMs: 45 });
    expect(scans.map((s) => s.code)).toEqual(['TT123456789GB']);
    dispose!();
    start();
    typeBurst('TT123456789GB', clock, { gapMs: 45 });
    expect(scans).toHaveLength(1);
  });

  it('delivers a suffix-less burst after the silence when the scanner is set up to send no suffix', () => {
    vi.useFakeTimers();
    start({ deliverWithoutSuffix: true, suffixTimeoutMs: 100 });
    typeBurst('6901234567892', clock, { suffix: null });
    expect(scans).toEqual([]);
    idle(150);
    expect(scans.map((s) => s.code)).toEqual(['6901234567892']);
    expect(incomplete).toBe(0);
  });

  it('without a suffix, says keys that reach the page after their burst was delivered are a cut scan', () => {
    vi.useFakeTimers();
    start({ deliverWithoutSuffix: true, suffixTimeoutMs: 100 });
    typeBurst('5764100011', clock, { suffix: null });
    const pressedAt = clock.now();
    idle(150);
    expect(scans.map((s) => s.code)).toEqual(['5764100011']);
    for (const [i, ch] of [...'27777943'].entries()) keydown(ch, { at: pressedAt + 5 * (i + 1) });
    idle(150);
    expect(scans).toHaveLength(1);
    expect(incomplete).toBe(1);
  });

  it('without a suffix, says a burst that stopped mid-code and went on was not read completely', () => {
    vi.useFakeTimers();
    start({ deliverWithoutSuffix: true, suffixTimeoutMs: 100 });
    typeBurst('5764100011', clock, { suffix: null });
    clock.advance(60);
    typeBurst('27777943', clock, { suffix: null });
    idle(150);
    expect(scans).toEqual([]);
    expect(incomplete).toBe(1);
  });

  it('marks scan-received for the scan-to-verdict benchmark', () => {
    start();
    typeBurst('6901234567892', clock);
    const marks = performance.getEntriesByName('scan-received', 'mark') as PerformanceMark[];
    expect(marks.some((m) => (m.detail as { scanId: string }).scanId === scans[0]!.scanId)).toBe(true);
  });

  it('stops listening when disposed', () => {
    const target = new EventTarget();
    const add = vi.spyOn(target, 'addEventListener');
    const remove = vi.spyOn(target, 'removeEventListener');
    start({ target });
    dispose!();
    dispose = undefined;
    expect(remove).toHaveBeenCalledWith('keydown', add.mock.calls[0]![1], true);
    start();
    dispose!();
    dispose = undefined;
    typeBurst('6901234567892', clock);
    expect(scans).toEqual([]);
  });
});
