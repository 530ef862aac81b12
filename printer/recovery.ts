/**
 * What to send a printer before the first job after one that was cut off mid-send (its outcome
 * unknown), so that the half label it may still hold is ended and not merged into the next one
 * (issue 10). Never a cancel-all: labels the printer already holds whole must still print.
 *
 * - ZPL: a cut inside ^GFA data (hex, :Z64: or :B64:) leaves the printer reading graphic data,
 *   and "any caret or tilde character prematurely aborts the download"; binary data (^GFB, counted)
 *   is never sent by Packdesk. ~DN aborts a download in progress, ~JX "cancels a format currently
 *   being sent … does not affect any formats currently being printed, or any subsequent formats"
 *   (ZPL II Programming Guide). ^XZ would instead print the half format; ~JA would cancel
 *   everything queued. A cut inside field data ends at the same tilde: our field data never holds
 *   one (^FH escapes it), so the tilde is always read as a command.
 * - TSPL: BITMAP data is binary and counted (width × height bytes), so a cut inside it swallows
 *   the next bytes as picture. Line ends fill whatever count is left — as picture dots they land on
 *   a page that is cleared, as commands they are empty lines — then CLS clears the image buffer.
 *   Nothing prints without PRINT, which only a whole job sends.
 * - ESC/POS: GS v 0 raster data is counted too. NUL bytes fill it (white dots; as commands they
 *   are ignored), then ESC @ initialises the printer, clearing its print buffer and modes.
 *
 * The filler is as long as the largest counted block Packdesk sends on this stock: the whole
 * page for TSPL (a label sent as one BITMAP), one band for ESC/POS.
 */
import { DEFAULT_BAND_ROWS } from './encoders/escpos.js';
import { DEFAULT_STOCK, mmToDots, type PrinterProfile } from './label/model.js';
import { unreachable } from './errors.js';

const ZPL_ENDING = '~DN~JX\n';
/** GS v 0 m xL xH yL yH */
const RASTER_HEADER = 8;

export function partialJobEnding(profile: PrinterProfile): Uint8Array {
  switch (profile.language) {
    case 'zpl':
      return new TextEncoder().encode(ZPL_ENDING);
    case 'tspl': {
      const lineEnds = new TextEncoder().encode('\r\n'.repeat(Math.ceil(largestCountedBlock(profile) / 2)));
      return concat(lineEnds, new TextEncoder().encode('CLS\r\n'));
    }
    case 'escpos':
      // A cut inside GS v 0's header makes the first NULs its last parameters: room for those too.
      return concat(new Uint8Array(largestCountedBlock(profile) + RASTER_HEADER), Uint8Array.of(0x1b, 0x40));
    default:
      return unreachable(profile.language);
  }
}

/** The most bytes a printer of this profile can be waiting for inside one of our counted commands. */
export function largestCountedBlock(profile: PrinterProfile): number {
  const stock = profile.stock ?? DEFAULT_STOCK;
  const rowBytes = Math.ceil(mmToDots(stock.widthMm, profile.dpi) / 8);
  if (profile.language === 'escpos') return rowBytes * Math.max(1, Math.floor(profile.escpos?.bandRows ?? DEFAULT_BAND_ROWS));
  return rowBytes * mmToDots(stock.heightMm, profile.dpi);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
