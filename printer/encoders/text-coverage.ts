/**
 * Which text a printer's resident fonts can draw. Anything else is drawn as bitmap, so a Chinese
 * product name or a Polish street prints as it reads instead of as boxes or question marks.
 */

/** Control characters become spaces in printed text; '\n' is handled as a line break before. */
export function printableText(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
}

/** ZPL font 0 under ^CI28 covers Latin-1: Western European names print natively. */
export function fitsLatin1(text: string): boolean {
  return /^[\n\u0020-\u007e\u00a0-\u00ff]*$/.test(text);
}

/** TSPL's bitmap fonts 1–5 hold printable ASCII only. */
export function fitsAscii(text: string): boolean {
  return /^[\n\u0020-\u007e]*$/.test(text);
}
