/**
 * What a ZPL printer makes of the bytes it received, job after job, following the ZPL II
 * Programming Guide, for tests of jobs cut off mid-send:
 * - a format runs from ^XA to ^XZ and prints at ^XZ;
 * - tilde commands act at once: ~JX drops the format being received, ~DN aborts a graphic
 *   download; the others (~HS, ~HQES, ~SD…) are not part of any format;
 * - inside ^GF data "any caret or tilde character prematurely aborts the download": the half
 *   graphic is dropped (a graphic whose data the next ^FS closes is whole).
 * Where the guide says nothing — ^XA arriving inside an open format — it does what zebrash does:
 * carries on with the open format, so a cut label and the next one merge.
 * Each format it would print is what zpl-renderer-js then draws.
 */

export function printedFormats(stream: string): string[] {
  const printed: string[] = [];
  let format: string | null = null;
  let i = 0;
  while (i < stream.length) {
    const ch = stream[i]!;
    if (ch !== '^' && ch !== '~') {
      i++;
      continue;
    }
    const name = stream.slice(i + 1, i + 3).toUpperCase();
    const end = nextPrefix(stream, i + 1);
    const command = stream.slice(i, end);
    if (ch === '~') {
      if (name === 'JX') format = null;
    } else if (name === 'XA') {
      format ??= command;
    } else if (name === 'XZ') {
      if (format !== null) printed.push(`${format}^XZ`);
      format = null;
    } else if (format !== null && !(name === 'GF' && !stream.startsWith('^FS', end))) {
      // A graphic field not closed by ^FS was aborted by the caret or tilde after it: dropped.
      format += command;
    }
    i = end;
  }
  return printed;
}

function nextPrefix(stream: string, from: number): number {
  for (let j = from; j < stream.length; j++) if (stream[j] === '^' || stream[j] === '~') return j;
  return stream.length;
}
