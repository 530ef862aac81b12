import { describe, expect, it } from 'vitest';
import { wrapText } from '../../printer/label/wrap.js';

const chars = (s: string): number => [...s].length;

describe('wrapText', () => {
  it('breaks between words and keeps explicit line breaks', () => {
    expect(wrapText('221B Baker Street Flat 2\nLondon', 12, chars, 5)).toEqual(['221B Baker', 'Street Flat', '2', 'London']);
  });

  it('drops lines past maxLines instead of overprinting them', () => {
    expect(wrapText('one two three four', 7, chars, 2)).toEqual(['one two', 'three']);
  });

  it('breaks a word longer than the line, such as CJK text without spaces', () => {
    expect(wrapText('深圳市南山区科技园', 4, chars, 3)).toEqual(['深圳市南', '山区科技', '园']);
  });
});
