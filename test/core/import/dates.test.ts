import { describe, expect, it } from 'vitest';
import { DEFAULT_DATE_ORDER, decideDateOrder, formatLocalDate, parseLocalDate } from '../../../core/import/dates.js';

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('parseLocalDate', () => {
  it('reads the Seller Center shapes, with or without seconds', () => {
    expect(parseLocalDate('15/03/2024 09:12:45', 'DMY', 0)).toBe(utc('2024-03-15T09:12:45'));
    expect(parseLocalDate('03/15/2024 09:12:45', 'MDY', 0)).toBe(utc('2024-03-15T09:12:45'));
    expect(parseLocalDate('2024-03-15 09:12:45', 'DMY', 0)).toBe(utc('2024-03-15T09:12:45'));
    expect(parseLocalDate('2024/03/15 09:12', 'MDY', 0)).toBe(utc('2024-03-15T09:12:00'));
    expect(parseLocalDate('15.03.2024 09:12', 'DMY', 0)).toBe(utc('2024-03-15T09:12:00'));
    expect(parseLocalDate('2024-03-15', 'DMY', 0)).toBe(utc('2024-03-15T00:00:00'));
  });

  it('reads the same digits by the order it is given', () => {
    expect(parseLocalDate('04/02/2024 08:00', 'DMY', 0)).toBe(utc('2024-02-04T08:00:00'));
    expect(parseLocalDate('04/02/2024 08:00', 'MDY', 0)).toBe(utc('2024-04-02T08:00:00'));
  });

  it('converts local time with the seller offset', () => {
    expect(parseLocalDate('2024-03-15 09:00:00', 'YMD', 7 * 60)).toBe(utc('2024-03-15T02:00:00'));
    expect(parseLocalDate('2024-03-15 09:00:00', 'YMD', -5 * 60)).toBe(utc('2024-03-15T14:00:00'));
  });

  it('prefers an offset written in the cell, such as "(GMT+7)"', () => {
    expect(parseLocalDate('15/03/2024 09:00:00 (GMT+7)', 'DMY', 0)).toBe(utc('2024-03-15T02:00:00'));
    expect(parseLocalDate('2024-03-15 09:00:00(GMT+08:00)', 'DMY', 0)).toBe(utc('2024-03-15T01:00:00'));
    expect(parseLocalDate('2024-03-15 09:00:00 UTC-3', 'DMY', 0)).toBe(utc('2024-03-15T12:00:00'));
    expect(parseLocalDate('2024-03-15 09:00:00 (GMT)', 'DMY', 120)).toBe(utc('2024-03-15T09:00:00'));
  });

  it('reads 12-hour clocks and two-digit years that spreadsheets write', () => {
    expect(parseLocalDate('3/15/24 3:05 PM', 'MDY', 0)).toBe(utc('2024-03-15T15:05:00'));
    expect(parseLocalDate('3/15/2024 12:30:00 am', 'MDY', 0)).toBe(utc('2024-03-15T00:30:00'));
    expect(parseLocalDate('3/15/2024 12:30:00 p.m.', 'MDY', 0)).toBe(utc('2024-03-15T12:30:00'));
  });

  it('returns null for an empty cell and NaN for what is not a real date', () => {
    expect(parseLocalDate('', 'DMY', 0)).toBeNull();
    for (const bad of ['31/02/2024 10:00', '29/02/2023', '15/13/2024', '2024-03-15 24:00', '2024-03-15 10:60', 'yesterday', '15/03']) {
      expect(parseLocalDate(bad, 'DMY', 0), bad).toBeNaN();
    }
    expect(parseLocalDate('29/02/2024', 'DMY', 0)).toBe(utc('2024-02-29T00:00:00'));
  });

  it('does not read day-month cells when the order is forced to year first', () => {
    expect(parseLocalDate('15/03/2024', 'YMD', 0)).toBeNaN();
  });
});

describe('decideDateOrder', () => {
  it('takes a first number above 12 as proof of day first', () => {
    expect(decideDateOrder(['03/04/2024', '15/04/2024']).order).toBe('DMY');
  });

  it('takes a second number above 12 as proof of month first', () => {
    expect(decideDateOrder(['03/04/2024', '04/15/2024']).order).toBe('MDY');
  });

  it('falls back to the default when nothing decides, and says YMD for year-first files', () => {
    expect(DEFAULT_DATE_ORDER).toBe('DMY');
    expect(decideDateOrder(['03/04/2024', '05/06/2024']).order).toBe('DMY');
    expect(decideDateOrder(['2024-03-04 10:00']).order).toBe('YMD');
    expect(decideDateOrder([]).order).toBe('DMY');
  });

  it('flags a file that holds both orders, choosing the majority', () => {
    const d = decideDateOrder(['15/03/2024', '16/03/2024', '03/17/2024']);
    expect(d).toEqual({ order: 'DMY', mixed: true, example: '15/03/2024' });
  });

  it('lets the seller setting override the evidence', () => {
    expect(decideDateOrder(['15/03/2024'], 'MDY').order).toBe('MDY');
  });
});

describe('formatLocalDate', () => {
  it('writes YYYY-MM-DD HH:mm:ss in the seller time zone', () => {
    expect(formatLocalDate(utc('2024-03-15T02:00:00'), 7 * 60)).toBe('2024-03-15 09:00:00');
    expect(formatLocalDate(utc('2024-01-01T01:02:03'), -120)).toBe('2023-12-31 23:02:03');
  });
});
