// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScannerCapture } from '../../renderer/src/scanner/capture.js';
import { captureSettings, gapAllowance, readScannerProfile } from '../../renderer/src/scanner/profile.js';
import { SettingsScreen } from '../../renderer/src/screens/SettingsScreen.js';
import { createPackdeskStore, SETTINGS_STORAGE_KEY } from '../../renderer/src/store/index.js';
import { FakeApi, memoryStorage } from './helpers/fake-api.js';
import { manualClock, typeBurst, type BurstOptions } from './helpers/keys.js';
import { renderWithCore } from './helpers/render.js';

function renderSettings() {
  const api = new FakeApi().handle('settings.get', () => ({
    sender: { name: '', phone: '', address: '', district: '', city: '', state: '', postcode: '', country: '' },
    timeZoneOffsetMinutes: 0,
    scanner: { prefixes: [], suffixes: [] },
    packing: { autoPrint: true, autoShip: false },
  }));
  return renderWithCore(<SettingsScreen />, api);
}

/** Starts the scanner test and scans `code` as a scanner typing `options` would. */
async function testScanner(code: string, options: BurstOptions) {
  fireEvent.click(screen.getByTestId('scanner-test-start'));
  const clock = manualClock(performance.now());
  await act(async () => void typeBurst(code, clock, options));
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Settings: scanner test', () => {
  it('measures the gap between keys and the suffix, and keeps them for this station', async () => {
    const { store } = renderSettings();
    expect(screen.getByTestId('scanner-profile').dataset.tested).toBe('no');
    await testScanner('PACKDESK-2468', { gapMs: 12, suffix: 'Tab' });
    expect(screen.getByTestId('scanner-test-result').textContent).toContain('Read PACKDESK-2468');
    expect(store.getState().settings.scanner).toMatchObject({ measuredGapMs: 12, maxGapMs: 34, suffix: 'Tab' });
    expect(screen.getByTestId('scanner-profile').textContent).toMatch(/keys up to 12 ms apart \(allowing 34 ms\), ends with Tab/);
  });

  it('takes a scanner with no suffix once its keys stop', async () => {
    const { store } = renderSettings();
    fireEvent.click(screen.getByTestId('scanner-test-start'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = manualClock(performance.now());
    act(() => void typeBurst('6901234567892', clock, { gapMs: 8, suffix: null }));
    expect(screen.queryByTestId('scanner-test-result')).toBeNull();
    act(() => void vi.advanceTimersByTime(600));
    expect(screen.getByTestId('scanner-test-result')).toBeTruthy();
    expect(store.getState().settings.scanner).toMatchObject({ measuredGapMs: 8, suffix: 'none' });
  });

  it('does not save typing (keys far apart) and says why', async () => {
    const { store } = renderSettings();
    await testScanner('12345', { gapMs: 150 });
    expect(screen.getByTestId('scanner-test-result').getAttribute('role')).toBe('alert');
    expect(store.getState().settings.scanner).toBeNull();
  });

  it('goes back to the defaults on request', async () => {
    const { store } = renderSettings();
    await testScanner('PACKDESK-2468', { gapMs: 5, suffix: 'Enter' });
    fireEvent.click(screen.getByTestId('scanner-reset'));
    expect(store.getState().settings.scanner).toBeNull();
    expect(screen.getByTestId('scanner-profile').dataset.tested).toBe('no');
  });
});

describe('scanner profile', () => {
  it('allows twice the measured gap plus 10 ms, between 20 and 100 ms', () => {
    expect([gapAllowance(2), gapAllowance(8), gapAllowance(30), gapAllowance(60)]).toEqual([20, 26, 70, 100]);
    // A gap from two timestamps carries float noise: 12 ms is 12 ms.
    const t0 = 1012.0189999999951;
    expect(gapAllowance(t0 + 12 - t0)).toBe(34);
  });

  it('is kept in the station settings and read back; a damaged one is dropped', () => {
    const storage = memoryStorage();
    const store = createPackdeskStore(new FakeApi(), { storage });
    const profile = { measuredGapMs: 12, maxGapMs: 34, suffix: 'Tab' as const, testedAt: '2026-03-01T10:00:00.000Z' };
    store.getState().updateSettings({ scanner: profile });
    expect(createPackdeskStore(new FakeApi(), { storage }).getState().settings.scanner).toEqual(profile);

    const saved = JSON.parse(storage.data.get(SETTINGS_STORAGE_KEY)!);
    saved.state.settings.scanner = { ...profile, suffix: 'Space' };
    storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(saved));
    expect(createPackdeskStore(new FakeApi(), { storage }).getState().settings.scanner).toBeNull();
    expect(readScannerProfile({ ...profile, maxGapMs: 5000 })).toBeNull();
  });

  it('is what the capture uses: a Tab-less, slower scanner is one scan with its profile', () => {
    const clock = manualClock();
    const scans: string[] = [];
    const stop = createScannerCapture({
      onScan: (s) => scans.push(s.code),
      now: clock.now,
      ...captureSettings({ measuredGapMs: 30, maxGapMs: 70, suffix: 'Enter', testedAt: '' }),
    });
    typeBurst('TT123456789GB', clock, { gapMs: 45 });
    stop();
    expect(scans).toEqual(['TT123456789GB']);
  });
});
