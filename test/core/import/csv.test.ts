import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardFormula, readCsv, unguardFormula, writeCsv } from '../../../core/import/csv.js';

describe('readCsv', () => {
  it('strips a UTF-8 byte order mark', () => {
    expect(readCsv('\uFEFFOrder ID,Quantity\r\n1,2\r\n').rows).toEqual([
      ['Order ID', 'Quantity'],
      ['1', '2'],
    ]);
  });

  it('reads CRLF, LF and lone CR line ends alike', () => {
    const expected = [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ];
    expect(readCsv('a,b\r\nc,d\r\ne,f\r\n').rows).toEqual(expected);
    expect(readCsv('a,b\nc,d\ne,f\n').rows).toEqual(expected);
    expect(readCsv('a,b\rc,d\re,f').rows).toEqual(expected);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const t = readCsv('id,address\r\n1,"Flat 3, ""The Old Mill""\r\n12 High Street"\r\n2,"a\nb"\r\n');
    expect(t.rows).toEqual([
      ['id', 'address'],
      ['1', 'Flat 3, "The Old Mill"\r\n12 High Street'],
      ['2', 'a\nb'],
    ]);
  });

  it('numbers rows as a spreadsheet does: a quoted line break does not start a row', () => {
    const t = readCsv('h1,h2\r\n"x\r\ny",1\r\n"p\nq\nr",2\r\nz,3\r\n');
    expect(t.rowNumbers).toEqual([1, 2, 3, 4]);
  });

  it('tolerates a trailing empty line and keeps the numbers of blank lines in the middle', () => {
    const t = readCsv('h\r\n1\r\n\r\n2\r\n\r\n');
    expect(t.rows).toEqual([['h'], ['1'], ['2']]);
    expect(t.rowNumbers).toEqual([1, 2, 4]);
    expect(t.errors).toEqual([]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(readCsv('a,,c,\r\n,,,\r\n').rows).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('reads a last row without a line end', () => {
    expect(readCsv('a,b\r\n"c",d').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('says when the text stops inside a record: the sign of a file cut short', () => {
    expect(readCsv('a,b\r\n1,2').endsMidRow).toBe(true);
    expect(readCsv('a,b\r\n1,').endsMidRow).toBe(true);
    expect(readCsv('a,b\r\n,,').endsMidRow).toBe(true);
    expect(readCsv('a,b\r\n"1\r\n2",3').endsMidRow).toBe(true);
    expect(readCsv('a,b\r\n1,2\r\n').endsMidRow).toBe(false);
    expect(readCsv('a,b\r1,2\r').endsMidRow).toBe(false);
    expect(readCsv('a,b\r\n1,2\r\n   ').endsMidRow).toBe(false);
    expect(readCsv('').endsMidRow).toBe(false);
  });

  it('keeps stray text after a closing quote instead of failing', () => {
    expect(readCsv('"abc"def,x\n').rows).toEqual([['abcdef', 'x']]);
  });

  it('reports an unterminated quote on the row where it starts, keeping earlier rows', () => {
    const t = readCsv('h1,h2\r\n"multi\r\nline",1\r\nok,2\r\nbad,"never closed\r\nmore,3\r\n');
    expect(t.rows).toEqual([
      ['h1', 'h2'],
      ['multi\r\nline', '1'],
      ['ok', '2'],
    ]);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]).toMatchObject({ row: 4, code: 'MALFORMED_CSV' });
    expect(t.errors[0]!.message).toContain('Row 4');
  });
});

describe('writeCsv', () => {
  it('quotes only cells that need it, and ends rows with CRLF', () => {
    expect(writeCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ' lead', 'trail ', '']])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere"," lead","trail ",\r\n',
    );
  });

  it('keeps a row holding one empty cell from becoming a skipped blank line', () => {
    expect(readCsv(writeCsv([['a'], [''], ['b']])).rows).toEqual([['a'], [''], ['b']]);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(writeCsv([['=HYPERLINK("x")', '+44 7700 900123', '-2+3', '@SUM(A1)']])).toBe(`"'=HYPERLINK(""x"")",'+44 7700 900123,'-2+3,'@SUM(A1)\r\n`);
  });

  it('leaves plain numbers alone, negative and signed ones included', () => {
    for (const n of ['-3.5', '+7', '-0', '1e+5', '-.5']) expect(guardFormula(n)).toBe(n);
  });

  it('guards a cell that already starts with an apostrophe so the import gives it back', () => {
    expect(guardFormula("'=x")).toBe("''=x");
    expect(unguardFormula(guardFormula("'=x"))).toBe("'=x");
    expect(guardFormula("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(unguardFormula("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
  });

  it('round-trips any table through readCsv (property)', () => {
    const cell = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('"', ',', '\r\n', '\n', '\r', ' x ', '=1+1'));
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, (rows) => {
        const back = readCsv(writeCsv(rows));
        expect(back.errors).toEqual([]);
        expect(back.rows.map((r) => r.map(unguardFormula))).toEqual(rows);
        expect(back.rowNumbers).toEqual(rows.map((_, i) => i + 1));
      }),
    );
  });
});
