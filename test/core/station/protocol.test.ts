import { describe, expect, it } from 'vitest';
import { leadingId, MAX_FRAME_BYTES, parseCallFrame } from '../../../core/station/protocol.js';

const text = (s: string) => parseCallFrame(Buffer.from(s), false);

describe('station wire protocol', () => {
  it('reads a call frame as id, method and input', () => {
    expect(text('{"id":3,"method":"orders.queue","input":{"limit":2}}')).toEqual({ ok: true, call: { id: 3, method: 'orders.queue', input: { limit: 2 } } });
    // Input may be left out; the contract decides whether the method needs one.
    expect(text('{"id":4,"method":"sync.status"}')).toMatchObject({ ok: true, call: { id: 4, method: 'sync.status' } });
  });

  it('refuses frames that are not a call, keeping the id when one is readable', () => {
    const cases: Array<[string, number | null]> = [
      ['', null],
      ['{', null],
      ['42', null],
      ['{"id":"1","method":"x","input":{}}', null],
      ['{"id":1.5,"method":"x","input":{}}', null],
      ['{"id":9,"method":"","input":{}}', 9],
      ['{"id":9,"method":"x","input":{},"as":"admin"}', 9],
      [`{"id":9,"method":"${'m'.repeat(201)}"}`, 9],
    ];
    for (const [frame, id] of cases) {
      expect(text(frame), frame).toMatchObject({ ok: false, id, error: { code: 'INVALID_INPUT' } });
    }
    expect(parseCallFrame(Buffer.from('{"id":1,"method":"x"}'), true)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a frame over 1 MB without parsing it, naming its id when it leads', () => {
    const big = Buffer.from(`{"id":12,"method":"x","input":"${'a'.repeat(MAX_FRAME_BYTES)}"}`);
    expect(parseCallFrame(big, false)).toMatchObject({ ok: false, id: 12, error: { code: 'INVALID_INPUT' } });
    expect(leadingId(' { "id" : 7 , "method"')).toBe(7);
    expect(leadingId('{"method":"x","id":7}')).toBeNull();
  });
});
