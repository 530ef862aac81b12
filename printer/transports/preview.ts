/**
 * The preview printer: each job becomes files in a folder — the exact printer bytes (NAME.zpl,
 * NAME.tspl or NAME.bin) and, when the caller has one, a picture of the label (NAME.png). It is
 * the default printer, so someone trying Packdesk sees labels before owning a label printer.
 * Files appear whole or not at all (write to a temp name, then rename), so a folder watcher never
 * opens half a label.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { PrinterLanguage } from '../label/model.js';
import type { PreviewArtifacts, PrinterTransport } from './types.js';
import { formatPrinterUri } from './uri.js';
import { errnoCode, errorText, printerError } from './util.js';

export interface PreviewTransportOptions {
  /** Picks the file extension; guessed from the bytes when absent. */
  language?: PrinterLanguage;
  /** Name and picture for the next job written. */
  artifacts?: PreviewArtifacts;
  /** For names of jobs that come without one. */
  now?: () => Date;
}

export interface PreviewFiles {
  bytes: string;
  png?: string;
}

export class PreviewTransport implements PrinterTransport {
  readonly uri: string;
  private artifacts: PreviewArtifacts | undefined;
  private counter = 0;
  /** Paths written by the last job, for "open the preview" in the UI. */
  lastFiles: PreviewFiles | undefined;

  constructor(
    readonly dir: string,
    private readonly options: PreviewTransportOptions = {},
  ) {
    this.uri = formatPrinterUri({ kind: 'preview', dir });
    this.artifacts = options.artifacts;
  }

  /** Name and picture for the next write (a transport kept across jobs gets them per job). */
  nextJob(artifacts: PreviewArtifacts): void {
    this.artifacts = artifacts;
  }

  async open(): Promise<void> {
    try {
      await fs.promises.mkdir(this.dir, { recursive: true });
    } catch (err) {
      throw this.failure(err);
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    await this.open();
    const artifacts = this.artifacts;
    this.artifacts = undefined;
    const stem = safeStem(artifacts?.name ?? this.defaultName());
    const files: PreviewFiles = { bytes: path.join(this.dir, `${stem}.${extension(bytes, this.options.language)}`) };
    try {
      // The picture first: whoever sees the label bytes appear finds its picture already there.
      if (artifacts?.png) {
        files.png = path.join(this.dir, `${stem}.png`);
        await writeAtomically(files.png, artifacts.png);
      }
      await writeAtomically(files.bytes, bytes);
    } catch (err) {
      throw this.failure(err);
    }
    this.lastFiles = files;
  }

  async read(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {}

  private defaultName(): string {
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    return `label-${stamp}-${++this.counter}`;
  }

  private failure(err: unknown) {
    const code = errnoCode(err);
    const details = { uri: this.uri, cause: errorText(err), errno: code };
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return printerError('PRINTER_NO_PERMISSION', `Packdesk may not write label previews into ${this.dir}. Choose another folder.`, details);
    }
    return printerError('PRINTER_NOT_FOUND', `Cannot write label previews into ${this.dir}: ${errorText(err)}.`, details);
  }
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    await fs.promises.writeFile(temp, bytes);
    await fs.promises.rename(temp, file);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
}

/** A file name from an order or job id: no folders, nothing a file system rejects. */
export function safeStem(name: string): string {
  const stem = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 120);
  return stem === '' ? 'label' : stem;
}

export function extension(bytes: Uint8Array, language?: PrinterLanguage): 'zpl' | 'tspl' | 'bin' {
  if (language === 'zpl') return 'zpl';
  if (language === 'tspl') return 'tspl';
  if (language === 'escpos') return 'bin';
  // No language given: ZPL and TSPL are text and say what they are in their first bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (/\^XA/.test(head)) return 'zpl';
  if (/^\s*(SIZE|GAP|CLS|DENSITY|DIRECTION)\b/m.test(head)) return 'tspl';
  return 'bin';
}
