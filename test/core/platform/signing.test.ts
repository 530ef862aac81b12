import { describe, expect, it } from 'vitest';
import { encodeQuery, signRequest, toQueryPairs } from '../../../core/platform/signing.js';

describe('request signing', () => {
  it('matches the public SDK test vector', () => {
    expect(signRequest('app_secret', '/test-api', [['foo', 'bar']], '')).toBe('d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f');
  });

  it('sorts keys, leaves out sign and access_token, and appends the body', () => {
    const a = signRequest(
      's',
      '/p',
      [
        ['b', '2'],
        ['a', '1'],
        ['sign', 'x'],
        ['access_token', 't'],
      ],
      '{"k":1}',
    );
    const b = signRequest(
      's',
      '/p',
      [
        ['a', '1'],
        ['b', '2'],
      ],
      '{"k":1}',
    );
    expect(a).toBe(b);
    expect(
      signRequest(
        's',
        '/p',
        [
          ['a', '1'],
          ['b', '2'],
        ],
        '{"k":2}',
      ),
    ).not.toBe(b);
  });

  it('signs raw values, joins arrays with commas, and URL-encodes only on the wire', () => {
    const pairs = toQueryPairs({ ids: ['1', '2'], page_token: 'a+b/c=', skipped: undefined, none: null });
    expect(pairs).toEqual([
      ['ids', '1,2'],
      ['page_token', 'a+b/c='],
    ]);
    expect(encodeQuery(pairs)).toBe('ids=1%2C2&page_token=a%2Bb%2Fc%3D');
  });
});
