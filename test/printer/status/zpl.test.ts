import { describe, expect, it } from 'vitest';
import { parseHostStatus, parseZplStatus, zplAnswerComplete } from '../../../printer/status/zpl.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/**
 * ~HS answers laid out as the ZPL II guide gives them:
 * string 1 aaa,b(paper out),c(pause),dddd,eee(formats),f(buffer full),g,h,iii,j,k,l(over temp)
 * string 2 mmm,n,o(head up),p(ribbon out),q(thermal transfer),r,s,t,uuuuuuuu(labels left),v,www
 * string 3 xxxx,y
 */
function hs(
  o: {
    paperOut?: 0 | 1;
    pause?: 0 | 1;
    formats?: string;
    bufferFull?: 0 | 1;
    overTemp?: 0 | 1;
    headUp?: 0 | 1;
    ribbonOut?: 0 | 1;
    tt?: 0 | 1;
    left?: string;
  } = {},
): string {
  return (
    `\x02030,${o.paperOut ?? 0},${o.pause ?? 0},1218,${o.formats ?? '000'},${o.bufferFull ?? 0},0,0,000,0,0,${o.overTemp ?? 0}\x03\r\n` +
    `\x02001,0,${o.headUp ?? 0},${o.ribbonOut ?? 0},${o.tt ?? 0},2,6,0,${o.left ?? '00000000'},1,000\x03\r\n` +
    '\x021234,0\x03\r\n'
  );
}

function hqes(flag: 0 | 1, group1: string): string {
  return `\x02\r\n  PRINTER STATUS\r\n   ERRORS:         ${flag} 00000000 ${group1}\r\n   WARNINGS:       0 00000000 00000000\r\n\x03\r\n`;
}

describe('ZPL ~HS', () => {
  it('reads a ready printer as ready, with nothing queued', () => {
    expect(parseZplStatus(bytes(hs()))).toEqual({ ready: true, conditions: [], labelsQueued: 0, raw: Buffer.from(hs(), 'latin1').toString('hex') });
  });

  it('reads the paper-out and pause flags of string 1', () => {
    expect(parseZplStatus(bytes(hs({ paperOut: 1 })))?.conditions).toEqual(['PAPER_OUT']);
    expect(parseZplStatus(bytes(hs({ pause: 1 })))?.conditions).toEqual(['PAUSED']);
    expect(parseZplStatus(bytes(hs({ paperOut: 1, pause: 1 })))).toMatchObject({ ready: false, conditions: ['PAPER_OUT', 'PAUSED'] });
  });

  it('reads buffer full and head over temperature', () => {
    expect(parseZplStatus(bytes(hs({ bufferFull: 1, overTemp: 1 })))?.conditions).toEqual(['OVERHEATED', 'BUFFER_FULL']);
  });

  it('reads head up from string 2, and ribbon out only in thermal-transfer mode', () => {
    expect(parseZplStatus(bytes(hs({ headUp: 1 })))?.conditions).toEqual(['HEAD_OPEN']);
    expect(parseZplStatus(bytes(hs({ ribbonOut: 1, tt: 1 })))?.conditions).toEqual(['RIBBON_OUT']);
    // Direct-thermal shipping labels need no ribbon: a ribbon sensor must not stop them.
    expect(parseZplStatus(bytes(hs({ ribbonOut: 1, tt: 0 })))?.ready).toBe(true);
  });

  it('counts formats waiting plus labels left in the batch as queued', () => {
    expect(parseZplStatus(bytes(hs({ formats: '002', left: '00000005' })))?.labelsQueued).toBe(7);
  });

  it('reads the newest answer when an older one is still in front of it', () => {
    expect(parseZplStatus(bytes(hs({ paperOut: 1 }) + hs()))?.ready).toBe(true);
    expect(parseHostStatus(hs() + hs({ headUp: 1 }))?.headUp).toBe(true);
  });

  it('does not take a partial answer (string 1 only, or cut inside string 2) for a status', () => {
    const full = hs({ headUp: 1 });
    expect(parseZplStatus(bytes(full.slice(0, full.indexOf('\x02001'))))).toBeNull();
    expect(parseZplStatus(bytes(full.slice(0, full.indexOf('00000000,1,000'))))).toBeNull();
  });

  it('rejects garbage: noise, text, fields that are not numbers', () => {
    expect(parseZplStatus(new Uint8Array([0xff, 0x00, 0x13, 0x37, 0x02, 0x03]))).toBeNull();
    expect(parseZplStatus(bytes('OK\r\n'))).toBeNull();
    expect(parseZplStatus(bytes(hs().replace('1218', '12x8')))).toBeNull();
    expect(parseZplStatus(new Uint8Array(0))).toBeNull();
  });
});

describe('ZPL ~HQES', () => {
  it('maps the error bits: media out 0x1, ribbon out 0x2, head open 0x4', () => {
    expect(parseZplStatus(bytes(hqes(1, '00000001')))?.conditions).toEqual(['PAPER_OUT']);
    expect(parseZplStatus(bytes(hqes(1, '00000002')))?.conditions).toEqual(['RIBBON_OUT']);
    expect(parseZplStatus(bytes(hqes(1, '00000005')))?.conditions).toEqual(['PAPER_OUT', 'HEAD_OPEN']);
  });

  it('maps paused (0x10000), over temperature (0x10, 0x20) and cutter fault (0x8)', () => {
    expect(parseZplStatus(bytes(hqes(1, '00010000')))?.conditions).toEqual(['PAUSED']);
    expect(parseZplStatus(bytes(hqes(1, '00000030')))?.conditions).toEqual(['OVERHEATED']);
    expect(parseZplStatus(bytes(hqes(1, '00000008')))?.conditions).toEqual(['PAPER_JAM']);
  });

  it('an error it does not know still stops printing; a bad head element alone does not', () => {
    expect(parseZplStatus(bytes(hqes(1, '00004000')))?.conditions).toEqual(['OFFLINE']);
    expect(parseZplStatus(bytes(hqes(1, '00000040')))?.ready).toBe(true);
  });

  it('no error is ready, without a queue count (only ~HS has one)', () => {
    const status = parseZplStatus(bytes(hqes(0, '00000000')));
    expect(status).toMatchObject({ ready: true, conditions: [] });
    expect(status?.labelsQueued).toBeUndefined();
  });

  it('merges ~HQES with ~HS when the printer answers both', () => {
    expect(parseZplStatus(bytes(hqes(1, '00000004') + hs({ headUp: 1, formats: '001' })))).toMatchObject({ conditions: ['HEAD_OPEN'], labelsQueued: 1 });
  });

  it('a truncated ERRORS line is not an answer', () => {
    expect(parseZplStatus(bytes('\x02\r\n  PRINTER STATUS\r\n   ERRORS:         1 000'))).toBeNull();
  });
});

describe('zplAnswerComplete', () => {
  it('waits for all three ~HS strings', () => {
    const full = hs();
    expect(zplAnswerComplete(bytes(full.slice(0, full.indexOf('\x021234'))))).toBe(false);
    expect(zplAnswerComplete(bytes(full))).toBe(true);
  });

  it('stops early on an ~HQES error (firmware then keeps quiet on ~HS), not on an all-clear', () => {
    expect(zplAnswerComplete(bytes(hqes(1, '00000001')))).toBe(true);
    expect(zplAnswerComplete(bytes(hqes(0, '00000000')))).toBe(false);
  });
});
