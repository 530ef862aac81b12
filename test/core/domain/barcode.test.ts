import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barcodeKey, isGtin, normaliseScan } from '../../../core/domain/barcode.js';
import { PackdeskError, type ErrorCode } from '../../../core/domain/errors.js';

function errorCodeOf(fn: () => unknown): ErrorCode | 'NO_ERROR' | 'NOT_A_PACKDESK_ERROR' {
  try {
    fn();
    return 'NO_ERROR';
  } catch (e) {
    return e instanceof PackdeskError ? e.code : 'NOT_A_PACKDESK_ERROR';
  }
}

/** Printable ASCII a code may contain, without leading/trailing spaces and without a leading "]". */
const codeArb = fc
  .string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz-._/+ '.split('')), minLength: 1, maxLength: 20 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const wedgeEdgeArb = fc.string({ unit: fc.constantFrom('\r', '\n', '\t', ' '), maxLength: 4 });
const toFullWidth = (s: string) => [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) - 0x21 + 0xff01) : c)).join('');

describe('normaliseScan', () => {
  it('turns full-width digits (typed through an IME) into ASCII', () => {
    expect(normaliseScan('１２３４５６７８９０１２８')).toBe('1234567890128');
  });

  it('turns full-width letters and punctuation into ASCII', () => {
    expect(normaliseScan('ＳＫＵ－００１')).toBe('SKU-001');
  });

  it('trims the CR, LF and Tab a keyboard-wedge scanner sends', () => {
    expect(normaliseScan('4006381333931\r\n')).toBe('4006381333931');
    expect(normaliseScan('\t4006381333931\r')).toBe('4006381333931');
    expect(normaliseScan('  ABC-1 \n')).toBe('ABC-1');
  });

  it('keeps spaces inside a code', () => {
    expect(normaliseScan('AB 12')).toBe('AB 12');
  });

  it('strips AIM symbology identifiers', () => {
    expect(normaliseScan(']C10104006381333931')).toBe('0104006381333931');
    expect(normaliseScan(']E04006381333931')).toBe('4006381333931');
    expect(normaliseScan(']e04006381333931\r\n')).toBe('4006381333931');
  });

  it('strips only one AIM identifier, only at the start', () => {
    expect(normaliseScan('ABC]C1')).toBe('ABC]C1');
    expect(normaliseScan(']C1]E0X')).toBe(']E0X');
  });

  it('strips configured prefixes and suffixes, after trimming the edges', () => {
    expect(normaliseScan('\t#4006381333931$\r\n', { prefixes: ['#'], suffixes: ['$'] })).toBe('4006381333931');
    expect(normaliseScan('PD:SKU-9;;', { prefixes: ['PD:'], suffixes: [';;'] })).toBe('SKU-9');
  });

  it('strips a configured prefix followed by an AIM identifier', () => {
    expect(normaliseScan('#]E04006381333931', { prefixes: ['#'] })).toBe('4006381333931');
  });

  it('leaves codes alone when the configured prefix or suffix is absent', () => {
    expect(normaliseScan('SKU-9', { prefixes: ['PD:'], suffixes: ['$'] })).toBe('SKU-9');
  });

  it('ignores empty configured prefixes and suffixes', () => {
    expect(normaliseScan('SKU-9', { prefixes: [''], suffixes: [''] })).toBe('SKU-9');
  });

  it('trims whitespace left between a configured prefix and the code', () => {
    expect(normaliseScan('PD: SKU-9 ;', { prefixes: ['PD:'], suffixes: [';'] })).toBe('SKU-9');
  });

  it('an empty or blank scan is SCAN_EMPTY', () => {
    for (const raw of ['', '\r\n', '\t', '   ', ']C1', '\u3000', 'PD:']) {
      expect(
        errorCodeOf(() => normaliseScan(raw, { prefixes: ['PD:'] })),
        JSON.stringify(raw),
      ).toBe('SCAN_EMPTY');
    }
  });

  it('control characters inside the code are SCAN_INVALID_CHARACTERS, with the code in the details', () => {
    for (const raw of ['AB\u0000C', '12\u001d34', 'X\rY', 'A\tB', 'A\u007fB', 'A\u0085B', 'A\u009fB']) {
      expect(
        errorCodeOf(() => normaliseScan(raw)),
        JSON.stringify(raw),
      ).toBe('SCAN_INVALID_CHARACTERS');
    }
    try {
      normaliseScan('AB\u0007C');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PackdeskError);
      expect((e as PackdeskError).details).toEqual({ code: JSON.stringify('AB\u0007C') });
    }
  });

  it('property: wedge CR/LF/Tab/space around a code are removed and the code is kept as is', () => {
    fc.assert(
      fc.property(wedgeEdgeArb, codeArb, wedgeEdgeArb, (before, code, after) => {
        expect(normaliseScan(before + code + after)).toBe(code);
      }),
    );
  });

  it('property: the full-width form of an ASCII code normalises to the code', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        expect(normaliseScan(toFullWidth(code))).toBe(code);
      }),
    );
  });

  it('property: AIM identifier + code normalises to the code', () => {
    const aimArb = fc.tuple(fc.constantFrom(...'ACEFGHIQdeXz'.split('')), fc.constantFrom(...'0123456789AB'.split(''))).map(([a, b]) => `]${a}${b}`);
    fc.assert(
      fc.property(aimArb, codeArb, wedgeEdgeArb, (aim, code, after) => {
        expect(normaliseScan(aim + code + after)).toBe(code);
      }),
    );
  });

  it('property: configured prefix + code + suffix normalises to the code', () => {
    const affixArb = fc.string({ unit: fc.constantFrom('#', '$', '@', '*', '~'), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(affixArb, codeArb, affixArb, wedgeEdgeArb, (prefix, code, suffix, edge) => {
        expect(normaliseScan(edge + prefix + code + suffix + edge, { prefixes: [prefix], suffixes: [suffix] })).toBe(code);
      }),
    );
  });

  it('property: a C0/C1 control character between two code characters is refused', () => {
    const controlArb = fc
      .integer({ min: 0, max: 0x9f })
      .filter((c) => c < 0x20 || c >= 0x7f)
      .map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(codeArb, controlArb, codeArb, (a, ctl, b) => {
        expect(errorCodeOf(() => normaliseScan(a + ctl + b))).toBe('SCAN_INVALID_CHARACTERS');
      }),
    );
  });

  it('property: any input either normalises to a non-empty, edge-trimmed, control-free code or throws a scan error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (raw) => {
        let out: string;
        try {
          out = normaliseScan(raw);
        } catch (e) {
          expect(e).toBeInstanceOf(PackdeskError);
          expect(['SCAN_EMPTY', 'SCAN_INVALID_CHARACTERS']).toContain((e as PackdeskError).code);
          return;
        }
        expect(out.length).toBeGreaterThan(0);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(out).toBe(out.normalize('NFKC'));
      }),
    );
  });
});

describe('barcodeKey', () => {
  it('makes UPC-A (12 digits), EAN-13 with a leading 0 and GTIN-14 equal', () => {
    const upc = '036000291452';
    expect(barcodeKey(upc)).toBe(barcodeKey('0036000291452'));
    expect(barcodeKey(upc)).toBe(barcodeKey('00036000291452'));
    expect(barcodeKey(upc)).toBe('00036000291452');
  });

  it('property: any 12-digit UPC-A equals its EAN-13 and GTIN-14 forms', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (upc) => {
        expect(barcodeKey(upc)).toBe(barcodeKey(`0${upc}`));
        expect(barcodeKey(upc)).toBe(barcodeKey(`00${upc}`));
      }),
    );
  });

  it('property: distinct 13-digit codes keep distinct keys', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13}$/), fc.stringMatching(/^\d{13}$/), (a, b) => {
        fc.pre(a !== b);
        expect(barcodeKey(a)).not.toBe(barcodeKey(b));
      }),
    );
  });

  it('EAN-8 stays as it is (a different number space from UPC/EAN-13)', () => {
    expect(barcodeKey('96385074')).toBe('96385074');
    expect(barcodeKey('96385074')).not.toBe(barcodeKey('000096385074'));
  });

  it('custom codes compare case-insensitively', () => {
    expect(barcodeKey('sku-a1')).toBe(barcodeKey('SKU-A1'));
    expect(barcodeKey('sku-a1')).toBe('SKU-A1');
  });

  it('digit strings of other lengths are not padded', () => {
    expect(barcodeKey('12345678901')).toBe('12345678901');
    expect(barcodeKey('123456789012345')).toBe('123456789012345');
  });
});

describe('isGtin', () => {
  it('accepts 8, 12, 13 and 14 digits only', () => {
    for (const n of [8, 12, 13, 14]) expect(isGtin('1'.repeat(n)), String(n)).toBe(true);
    for (const n of [0, 1, 7, 9, 10, 11, 15, 20]) expect(isGtin('1'.repeat(n)), String(n)).toBe(false);
  });

  it('refuses letters and separators', () => {
    expect(isGtin('12345678901A')).toBe(false);
    expect(isGtin('1234-5678')).toBe(false);
    expect(isGtin(' 12345678')).toBe(false);
  });
});
