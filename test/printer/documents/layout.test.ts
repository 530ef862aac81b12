import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qrColumnsAtMost } from '../../../printer/documents/layout.js';
import { matrixColumns } from '../../../printer/label/barcode.js';

describe('qrColumnsAtMost', () => {
  it('is never smaller than the QR code bwip-js really encodes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1, maxLength: 220 }), fc.stringMatching(/^[A-Z0-9]{8,40}$/), fc.stringMatching(/^\d{10,30}$/)), (value) => {
        expect(qrColumnsAtMost(value)).toBeGreaterThanOrEqual(matrixColumns({ symbology: 'qr', value, ecc: 'M' }));
      }),
      { numRuns: 60 },
    );
  });

  it('is exact for values that fill byte mode, e.g. 14 bytes in version 1 and 15 in version 2', () => {
    expect(qrColumnsAtMost('abcdefghijklmn')).toBe(21);
    expect(qrColumnsAtMost('abcdefghijklmno')).toBe(25);
    expect(matrixColumns({ symbology: 'qr', value: 'abcdefghijklmno', ecc: 'M' })).toBe(25);
  });
});
