/**
 * Whether a file's bytes are CSV text Packdesk can read. Seller Center and Excel ("CSV UTF-8")
 * write UTF-8; Excel's "Unicode text" is UTF-16, and read as UTF-8 it becomes hundreds of
 * nonsense cell errors instead of the one message that helps: save it as CSV UTF-8.
 */
export type TextVerdict = { ok: true; text: string } | { ok: false; problem: 'XLSX' | 'UTF16' | 'BINARY' };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file read from disk: refused when it is a spreadsheet, UTF-16, or holds a NUL or invalid UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): TextVerdict {
  if (isZip(bytes)) return { ok: false, problem: 'XLSX' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, problem: 'UTF16' };
  // UTF-16 without a byte order mark: every ASCII character comes with a NUL byte.
  if (bytes.includes(0)) return { ok: false, problem: looksLikeUtf16(bytes) ? 'UTF16' : 'BINARY' };
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, problem: 'BINARY' };
  }
}

/**
 * Text the browser read (the station's upload) was decoded as UTF-8 already, every invalid byte
 * turned into U+FFFD: so a U+FFFD or a NUL is the sign of a file that was not UTF-8 text.
 */
export function checkUploadText(text: string): TextVerdict {
  if (text.startsWith('PK\u0003\u0004')) return { ok: false, problem: 'XLSX' };
  if (text.includes('\u0000')) return { ok: false, problem: looksLikeUtf16Text(text) ? 'UTF16' : 'BINARY' };
  if (text.includes('\uFFFD')) return { ok: false, problem: 'BINARY' };
  return { ok: true, text };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** NULs at every other byte of the first KB: ASCII written as UTF-16 (either byte order). */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  return Math.max(even, odd) >= n / 4;
}

function looksLikeUtf16Text(text: string): boolean {
  const n = Math.min(text.length, 1024);
  let nul = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0) nul++;
  return nul >= n / 4;
}
