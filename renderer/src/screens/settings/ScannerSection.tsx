import { useLayoutEffect, useState } from 'react';
import { useT, type T } from '../../i18n/useT.js';
import { DEFAULT_MAX_GAP_MS } from '../../scanner/capture.js';
import { measureTestScan, type TestScan } from '../../scanner/measure.js';
import { scannerProfile, SLOWEST_SCANNER_GAP_MS, type ScannerProfile } from '../../scanner/profile.js';
import { usePackdesk, usePackdeskStore } from '../../store/context.js';
import { TestBarcode } from './TestBarcode.js';

/** Capitals, digits and a dash: a scanner on the wrong keyboard layout gets some of them wrong. */
export const TEST_CODE = 'PACKDESK-2468';

/**
 * The scanner test: the packer scans once, Packdesk measures the gap between keys and the suffix
 * and keeps them for this station; the scanner capture on every screen then uses them.
 */
export function ScannerSection() {
  const t = useT();
  const profile = usePackdesk((s) => s.settings.scanner);
  const { updateSettings } = usePackdeskStore().getState();
  const [listening, setListening] = useState(false);
  const [last, setLast] = useState<TestScan | null>(null);

  // A layout effect: the listener is on before the prompt can be seen, so no key is missed.
  useLayoutEffect(() => {
    if (!listening) return;
    return measureTestScan({
      onScan(scan) {
        setListening(false);
        setLast(scan);
        if (scan.widestGapMs <= SLOWEST_SCANNER_GAP_MS) updateSettings({ scanner: scannerProfile(scan.widestGapMs, scan.suffix, new Date()) });
      },
    });
  }, [listening, updateSettings]);

  const tooSlow = last !== null && last.widestGapMs > SLOWEST_SCANNER_GAP_MS;
  return (
    <section className="settings scanner-settings" aria-labelledby="scanner-title" data-testid="scanner-settings">
      <h2 id="scanner-title">{t('scanner.title')}</h2>
      <p className="muted">{t('scanner.hint')}</p>
      <p data-testid="scanner-profile" data-tested={profile ? 'yes' : 'no'}>
        {profileText(t, profile)}
      </p>
      {listening ? (
        <div className="scanner-settings__prompt" role="status" data-testid="scanner-test-prompt">
          <p>
            <strong>{t('scanner.prompt')}</strong>
          </p>
          <TestBarcode code={TEST_CODE} />
          <button type="button" className="button" onClick={() => setListening(false)}>
            {t('scanner.cancel')}
          </button>
        </div>
      ) : (
        <div className="settings__row">
          <button
            type="button"
            className="button"
            data-testid="scanner-test-start"
            onClick={() => {
              setLast(null);
              setListening(true);
            }}
          >
            {t('scanner.start')}
          </button>
          {profile && (
            <button type="button" className="button" data-testid="scanner-reset" onClick={() => updateSettings({ scanner: null })}>
              {t('scanner.reset')}
            </button>
          )}
        </div>
      )}
      {last && !tooSlow && (
        <p className="notice notice--ok" role="status" data-testid="scanner-test-result">
          {t('scanner.result', { code: last.code })}
        </p>
      )}
      {tooSlow && (
        <p className="notice notice--error" role="alert" data-testid="scanner-test-result">
          {t('scanner.tooSlow', { measured: Math.round(last.widestGapMs) })}
        </p>
      )}
    </section>
  );
}

function profileText(t: T, profile: ScannerProfile | null): string {
  if (!profile) return t('scanner.defaults', { gap: DEFAULT_MAX_GAP_MS });
  return t('scanner.saved', {
    when: new Date(profile.testedAt).toLocaleString(),
    measured: Math.round(profile.measuredGapMs),
    allowed: profile.maxGapMs,
    suffix: t(`scanner.suffix.${profile.suffix}`),
  });
}
