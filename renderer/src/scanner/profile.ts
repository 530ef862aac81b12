import { DEFAULT_MAX_GAP_MS, type ScannerCaptureOptions } from './capture.js';

export const SCANNER_SUFFIXES = ['Enter', 'Tab', 'none'] as const;
export type ScannerSuffix = (typeof SCANNER_SUFFIXES)[number];

/**
 * How this station's scanner types, measured by the scanner test in Settings and kept on this
 * machine (it is this bench's scanner, not the shop's).
 */
export interface ScannerProfile {
  /** The widest gap between two keys of the test scan, suffix included. */
  measuredGapMs: number;
  /** The gap the capture allows between keys of one scan: the measured one with room to spare. */
  maxGapMs: number;
  suffix: ScannerSuffix;
  /** ISO time of the test. */
  testedAt: string;
}

/** Wider than this is a person typing, or a scanner set to a slow key delay: not saved. */
export const SLOWEST_SCANNER_GAP_MS = 100;
const FASTEST_ALLOWANCE_MS = 20;

/**
 * The gap the capture allows for a scanner measured at `measuredGapMs`: twice the widest gap seen
 * plus 10 ms (USB polling and a busy computer vary it from scan to scan), at least 20 ms.
 */
export function gapAllowance(measuredGapMs: number): number {
  return Math.min(SLOWEST_SCANNER_GAP_MS, Math.max(FASTEST_ALLOWANCE_MS, Math.ceil(2 * tenths(measuredGapMs) + 10)));
}

/** Key timestamps are coarsened to 0.1 ms: a difference of two carries float noise below that. */
const tenths = (ms: number) => Math.round(ms * 10) / 10;

export function scannerProfile(measuredGapMs: number, suffix: ScannerSuffix, testedAt: Date): ScannerProfile {
  return { measuredGapMs: tenths(measuredGapMs), maxGapMs: gapAllowance(measuredGapMs), suffix, testedAt: testedAt.toISOString() };
}

/** The capture's settings for this station: the defaults until the scanner has been tested. */
export function captureSettings(profile: ScannerProfile | null): Pick<ScannerCaptureOptions, 'maxGapMs' | 'deliverWithoutSuffix'> {
  if (!profile) return { maxGapMs: DEFAULT_MAX_GAP_MS, deliverWithoutSuffix: false };
  return { maxGapMs: profile.maxGapMs, deliverWithoutSuffix: profile.suffix === 'none' };
}

/** A profile read back from storage, or null when it is not one (an older or hand-edited value). */
export function readScannerProfile(value: unknown): ScannerProfile | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const gap = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= SLOWEST_SCANNER_GAP_MS;
  if (!gap(v.measuredGapMs) || !gap(v.maxGapMs) || v.maxGapMs < 1) return null;
  if (!(SCANNER_SUFFIXES as readonly unknown[]).includes(v.suffix)) return null;
  if (typeof v.testedAt !== 'string' || Number.isNaN(Date.parse(v.testedAt))) return null;
  return { measuredGapMs: v.measuredGapMs, maxGapMs: v.maxGapMs, suffix: v.suffix as ScannerSuffix, testedAt: v.testedAt };
}
