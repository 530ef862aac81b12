import { describe, expect, it } from 'vitest';
import { decodeDeviceIdResponse, languageFromNames, languageOf, parseDeviceId } from '../../../printer/transports/ieee1284.js';

describe('parseDeviceId', () => {
  it('reads maker, model and command set from short keys', () => {
    expect(parseDeviceId('MFG:Zebra Technologies;CMD:ZPL,EPL;MDL:ZTC GK420d;CLS:PRINTER;DES:Zebra GK420d;')).toEqual({
      maker: 'Zebra Technologies',
      model: 'ZTC GK420d',
      commandSet: ['ZPL', 'EPL'],
      language: 'zpl',
      raw: 'MFG:Zebra Technologies;CMD:ZPL,EPL;MDL:ZTC GK420d;CLS:PRINTER;DES:Zebra GK420d;',
    });
  });

  it('reads long keys, any case, and spaces around values', () => {
    expect(parseDeviceId('manufacturer: Xprinter ; model: XP-420B ; command set: TSPL , ESC/POS ;SN:X123')).toMatchObject({
      maker: 'Xprinter',
      model: 'XP-420B',
      commandSet: ['TSPL', 'ESC/POS'],
      language: 'tspl',
      serial: 'X123',
    });
  });

  it('has no language when CMD names none Packdesk speaks', () => {
    expect(parseDeviceId('MFG:HP;MDL:LaserJet;CMD:PJL,PCL,POSTSCRIPT;').language).toBeUndefined();
    expect(parseDeviceId('garbage without pairs').commandSet).toEqual([]);
  });
});

describe('languageOf', () => {
  it.each([
    [['ZPL'], 'zpl'],
    [['ZPL II', 'EPL2'], 'zpl'],
    [['TSPL2'], 'tspl'],
    [['TSC'], 'tspl'],
    [['ESC/POS'], 'escpos'],
    [['ESCPOS'], 'escpos'],
    [['ESC POS'], 'escpos'],
    // The native language comes first; an emulation listed after does not win.
    [['TSPL2', 'ZPL'], 'tspl'],
    [['ZPL', 'TSPL'], 'zpl'],
    // ESC/POS can only raster on label stock: any label language beats it.
    [['ESC/POS', 'TSPL'], 'tspl'],
    [['EPL2', 'CPCL'], undefined],
  ])('%j → %s', (cmd, language) => {
    expect(languageOf(cmd)).toBe(language);
  });
});

describe('decodeDeviceIdResponse', () => {
  const id = 'MFG:TSC;CMD:TSPL2;MDL:TE200;';
  const withLength = (length: number, bigEndian = true) =>
    new Uint8Array([...(bigEndian ? [length >> 8, length & 0xff] : [length & 0xff, length >> 8]), ...Buffer.from(id, 'latin1')]);

  it('cuts the text at the big-endian length, which counts its own two bytes', () => {
    expect(decodeDeviceIdResponse(withLength(id.length + 2))).toBe(id);
    expect(decodeDeviceIdResponse(withLength(10))).toBe('MFG:TSC;');
  });

  it('copes with printers that send the length little-endian or too long', () => {
    expect(decodeDeviceIdResponse(withLength(id.length + 2, false))).toBe(id);
    expect(decodeDeviceIdResponse(withLength(5000))).toBe(id);
  });

  it('is null for nothing', () => {
    expect(decodeDeviceIdResponse(new Uint8Array([0]))).toBeNull();
    expect(decodeDeviceIdResponse(new Uint8Array([0, 2]))).toBeNull();
  });
});

describe('languageFromNames', () => {
  it('guesses only where the maker has one language', () => {
    expect(languageFromNames('Zebra Technologies', 'ZTC GK420d')).toBe('zpl');
    expect(languageFromNames('TSC', 'TTP-244 Pro')).toBe('tspl');
    expect(languageFromNames('Printer', 'USB Printer')).toBeUndefined();
  });
});
