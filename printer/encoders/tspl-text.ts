/**
 * TSPL's resident bitmap fonts ("1"–"5"): fixed-pitch ASCII fonts sized in dots, enlarged by
 * whole multiples. Fixed pitch means we can wrap text exactly as the printer will print it.
 */

export interface TsplFont {
  name: '1' | '2' | '3' | '4' | '5';
  /** Cell size in dots at multiple 1. */
  width: number;
  height: number;
}

const FONTS: readonly TsplFont[] = [
  { name: '1', width: 8, height: 12 },
  { name: '2', width: 12, height: 20 },
  { name: '3', width: 16, height: 24 },
  { name: '4', width: 24, height: 32 },
  { name: '5', width: 32, height: 48 },
];

export interface TsplFontChoice {
  font: TsplFont;
  multiple: number;
  charWidth: number;
  charHeight: number;
}

/**
 * The tallest font × multiple (1–10) whose cell fits the line height; on a tie the smaller
 * multiple, since enlarged bitmap fonts look blocky.
 */
export function chooseTsplFont(lineDots: number): TsplFontChoice {
  let best: TsplFontChoice | undefined;
  for (const font of FONTS) {
    for (let multiple = 1; multiple <= 10; multiple++) {
      const charHeight = font.height * multiple;
      if (charHeight > lineDots) break;
      if (!best || charHeight > best.charHeight || (charHeight === best.charHeight && multiple < best.multiple)) {
        best = { font, multiple, charWidth: font.width * multiple, charHeight };
      }
    }
  }
  const smallest = FONTS[0]!;
  return best ?? { font: smallest, multiple: 1, charWidth: smallest.width, charHeight: smallest.height };
}

/**
 * A TSPL string literal. A double quote inside is written \["]; text with a backslash or a control
 * character never gets here (it is drawn as bitmap), because "\[" sequences and line breaks are
 * commands to the printer.
 */
export function tsplString(value: string): string {
  return `"${value.replace(/"/g, '\\["]')}"`;
}

/** True when the value can be written as a TSPL string literal without changing meaning. */
export function isSafeTsplString(value: string): boolean {
  return !/[\\\u0000-\u001f\u007f]/.test(value);
}
