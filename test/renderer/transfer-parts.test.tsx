import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api/transport.js';
import { dayEnd, dayStart, defaultExportDays, shopDay } from '../../renderer/src/screens/transfer/dates.js';
import { rowErrorsOf } from '../../renderer/src/store/transfer.js';

describe('export days in the shop’s time zone', () => {
  it('turns a shop day into the instants the core filters on (to is the start of the next day)', () => {
    // UTC+8: 1 March starts at 28 Feb 16:00 UTC.
    expect(dayStart('2025-03-01', 480)).toBe(Date.UTC(2025, 1, 28, 16));
    expect(dayEnd('2025-03-01', 480)).toBe(Date.UTC(2025, 2, 1, 16));
    expect(dayStart('2025-02-31', 0)).toBeNull();
    expect(dayStart('1 March', 0)).toBeNull();
  });

  it('defaults to the last 90 days as the shop counts them', () => {
    const now = Date.UTC(2025, 5, 30, 20); // 30 June 20:00 UTC is already 1 July in UTC+8
    expect(shopDay(now, 480)).toBe('2025-07-01');
    expect(defaultExportDays(now, 480)).toEqual({ from: '2025-04-02', to: '2025-07-01' });
    expect(defaultExportDays(now, 0)).toEqual({ from: '2025-04-01', to: '2025-06-30' });
  });
});

describe('rowErrorsOf', () => {
  it('takes the rows of an IMPORT_INVALID refusal and drops anything not shaped like one', () => {
    const err = new ApiError({
      code: 'IMPORT_INVALID',
      message: 'x',
      details: {
        errors: [
          { row: 2, code: 'BAD_DATE', message: 'bad', column: 'Paid Time' },
          { row: 'three', code: 'BAD_DATE', message: 'bad' },
          null,
          { row: 4, code: 'SOMETHING_NEW', message: 'newer core' },
        ],
      },
    });
    expect(rowErrorsOf(err)).toEqual([
      { row: 2, code: 'BAD_DATE', message: 'bad', column: 'Paid Time' },
      { row: 4, code: 'SOMETHING_NEW', message: 'newer core' },
    ]);
    expect(rowErrorsOf(new ApiError({ code: 'IMPORT_INVALID', message: 'x' }))).toEqual([]);
    expect(rowErrorsOf(new ApiError({ code: 'INTERNAL', message: 'x', details: { errors: [{ row: 1, code: 'BAD_DATE', message: 'm' }] } }))).toEqual([]);
  });
});
