/**
 * Word wrapping shared by the raster text path (measured glyph advances) and the native printer
 * text paths (estimated or fixed-pitch widths). Lines past `maxLines` are dropped: a printer that
 * is asked to fit more overprints the last line, which makes an address unreadable.
 */

export type MeasureWidth = (text: string) => number;

export function wrapText(text: string, maxWidth: number, measure: MeasureWidth, maxLines: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    for (const line of wrapParagraph(paragraph, maxWidth, measure)) {
      if (lines.length >= maxLines) return lines;
      lines.push(line);
    }
  }
  return lines.slice(0, Math.max(0, maxLines));
}

function wrapParagraph(paragraph: string, maxWidth: number, measure: MeasureWidth): string[] {
  const words = paragraph.split(/ +/).filter((w) => w !== '');
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (measure(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    const pieces = breakLongWord(word, maxWidth, measure);
    current = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** A word wider than the line (a long email, or CJK text without spaces) breaks between characters. */
function breakLongWord(word: string, maxWidth: number, measure: MeasureWidth): string[] {
  if (measure(word) <= maxWidth) return [word];
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current !== '' && measure(current + ch) > maxWidth) {
      pieces.push(current);
      current = ch;
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
}
