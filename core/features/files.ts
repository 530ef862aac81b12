import fs from 'node:fs';
import { fail } from '../domain/errors.js';

/** Reads a text file the user pointed at, with the error codes a packer can act on. */
export function readTextFile(path: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('FILE_NOT_FOUND', `No file at ${path}.`);
    fail('FILE_UNREADABLE', `Cannot read ${path}: ${(err as Error).message}`);
  }
  if (buf.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    fail('FILE_UNREADABLE', `${path} is a spreadsheet (XLSX); save it as CSV (UTF-8) from Seller Center or Excel and import that.`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (text.includes('\uFFFD') && !text.slice(0, 4096).includes(',')) {
    fail('FILE_UNREADABLE', `${path} is not a UTF-8 CSV file.`);
  }
  return text;
}
