import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fail, PackdeskError } from '../domain/errors.js';
import { folderRefusal } from '../export/folders.js';
import { checkUploadText, decodeCsvBytes, type TextVerdict } from '../import/text.js';

/**
 * The files a user points at: import files read and export files written. Only fs/promises, each
 * step with a time limit, so a folder that never answers (a dead network share, a device) costs
 * one call a coded error and never freezes the process: signals and other calls still run.
 */

/** A step on a local disk takes milliseconds; a share that has not answered in this long is gone. */
export const FILE_TIMEOUT_MS = 15_000;

/** As much as an upload may hold (core/api/contract.ts): about four full platform exports. */
const MAX_IMPORT_BYTES = 40_000_000;

/** Reads a text file the user pointed at, with the error codes a packer can act on. */
export async function readTextFile(file: string, timeoutMs = FILE_TIMEOUT_MS): Promise<string> {
  const info = await timed(fs.stat(file), timeoutMs).catch((err: unknown) => readFailure(file, err));
  // A pipe or a device would never end (or never start): only plain files are read.
  if (!info.isFile()) fail('FILE_UNREADABLE', `Cannot read ${file}: it is not a file but a folder, pipe or device.`);
  if (info.size > MAX_IMPORT_BYTES) {
    fail('FILE_UNREADABLE', `${file} is ${Math.round(info.size / 1e6)} MB; an order export or catalogue is at most a few MB.`);
  }
  const bytes = await timed(fs.readFile(file), timeoutMs).catch((err: unknown) => readFailure(file, err));
  return textOrFail(path.basename(file), decodeCsvBytes(bytes));
}

/** The text of a file the browser read (station mode), held to the same rules as a file on disk. */
export function uploadedText(fileName: string, content: string): string {
  return textOrFail(fileName, checkUploadText(content));
}

function textOrFail(name: string, verdict: TextVerdict): string {
  if (verdict.ok) return verdict.text;
  if (verdict.problem === 'XLSX') {
    fail('FILE_UNREADABLE', `${name} is a spreadsheet (XLSX); save it as CSV (UTF-8) from Seller Center or Excel and import that.`);
  }
  const what = verdict.problem === 'UTF16' ? ' (it is UTF-16, what Excel calls "Unicode text")' : '';
  fail('FILE_NOT_TEXT', `${name} is not a UTF-8 CSV text file${what}. Save it as "CSV UTF-8" and import that.`, {
    reason: verdict.problem,
  });
}

function readFailure(file: string, err: unknown): never {
  if (err instanceof PackdeskError) throw err;
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') fail('FILE_NOT_FOUND', `No file at ${file}.`);
  fail('FILE_UNREADABLE', `Cannot read ${file}: ${(err as Error).message}`);
}

export interface FileToWrite {
  name: string;
  text: string;
}

/**
 * Writes export files into `dir`, making the folder when missing. Each file goes through a
 * temporary name first, so a half-written file never looks like a finished export. Refuses
 * relative and system folders, also when reached through a link (FOLDER_NOT_ALLOWED).
 */
export async function writeExportFiles(
  dir: string,
  files: readonly FileToWrite[],
  opts: { timeoutMs?: number; onWritten?: (done: number) => void } = {},
): Promise<string[]> {
  const timeoutMs = opts.timeoutMs ?? FILE_TIMEOUT_MS;
  const refusal = folderRefusal(dir);
  if (refusal) fail('FOLDER_NOT_ALLOWED', refusal);
  const folder = path.resolve(dir);
  await makeFolder(folder, timeoutMs);
  const written: string[] = [];
  for (const f of files) {
    const file = path.join(folder, f.name);
    await writeAtomically(file, f.text, timeoutMs).catch((err: unknown) => writeFailure(folder, err));
    written.push(file);
    opts.onWritten?.(written.length);
  }
  return written;
}

/**
 * mkdir -p by hand: Node's recursive mkdir loops forever where a parent exists but a child can
 * never be made (/proc/x), so the missing folders are found first and made one by one, once.
 */
async function makeFolder(folder: string, timeoutMs: number): Promise<void> {
  const missing: string[] = [];
  let existing = folder;
  let info: Stats | null = null;
  for (;;) {
    info = await timed(fs.stat(existing), timeoutMs).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return writeFailure(folder, err);
    });
    const parent = path.dirname(existing);
    if (info || parent === existing) break;
    missing.unshift(path.basename(existing));
    existing = parent;
  }
  if (!info?.isDirectory()) fail('FOLDER_NOT_WRITABLE', `Cannot write to ${folder}: ${existing} is not a folder.`);
  // A link may lead somewhere else: the folder actually written to must be allowed too.
  const real = await timed(fs.realpath(existing), timeoutMs).catch((err: unknown) => writeFailure(folder, err));
  const refusal = folderRefusal(path.join(real, ...missing));
  if (refusal) fail('FOLDER_NOT_ALLOWED', refusal);
  let at = existing;
  for (const name of missing) {
    at = path.join(at, name);
    await timed(fs.mkdir(at), timeoutMs).catch((err: unknown) => writeFailure(folder, err));
  }
}

async function writeAtomically(file: string, text: string, timeoutMs: number): Promise<void> {
  const tmp = `${file}.partial`;
  // A leftover of an interrupted export goes; it is never opened, since it might be a pipe.
  await timed(fs.unlink(tmp), timeoutMs).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  });
  const handle = await timed(fs.open(tmp, 'wx'), timeoutMs, (late) => void late.close());
  try {
    await timed(handle.writeFile(text, 'utf8'), timeoutMs);
  } finally {
    await timed(handle.close(), timeoutMs).catch(() => {});
  }
  await timed(fs.rename(tmp, file), timeoutMs);
}

function writeFailure(folder: string, err: unknown): never {
  if (err instanceof PackdeskError) throw err;
  fail('FOLDER_NOT_WRITABLE', `Cannot write to ${folder}: ${(err as Error).message}`);
}

class TimedOut extends Error {}

/**
 * `work`, or a TimedOut rejection after `ms`. The step itself cannot be cancelled: when it ends
 * after all, `late` tidies up what it made (an open file handle).
 */
function timed<T>(work: Promise<T>, ms: number, late?: (value: T) => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(new TimedOut(`no answer within ${ms / 1000} s`));
    }, ms);
  });
  work.then(
    (value) => {
      if (expired) late?.(value);
    },
    () => {},
  );
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
