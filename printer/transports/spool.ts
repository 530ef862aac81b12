/**
 * Printing through the operating system's queue in RAW mode: CUPS on Linux and macOS
 * (`lp -d NAME -o raw`, the bytes on stdin), winspool on Windows. This is the path that works when
 * the OS driver owns the USB printer (Windows usbprint.sys, macOS), and for shared queues.
 * Each write is one spooler job, so a job should be written whole.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { PrinterErrorCode, PrinterError } from '../errors.js';
import { runCommand, type CommandResult, type SpawnFn } from './process.js';
import { windowsSpoolCommand, windowsSpoolError } from './spool-windows.js';
import { DEFAULT_TIMEOUTS, type PrinterTransport, type TransportTimeouts } from './types.js';
import { formatPrinterUri } from './uri.js';
import { errnoCode, errorText, printerError } from './util.js';

export interface SpoolTransportOptions {
  timeouts?: Partial<TransportTimeouts>;
  spawn?: SpawnFn;
  platform?: NodeJS.Platform;
  /** The job's name in the print queue. */
  title?: string;
  /** Where the Windows path puts the job's bytes for PowerShell to read (os.tmpdir() by default). */
  tempDir?: string;
}

/** Win32 errors OpenPrinter/StartDocPrinter/WritePrinter report, in packer terms. */
const WIN32: Record<number, PrinterErrorCode> = {
  5: 'PRINTER_NO_PERMISSION', // ERROR_ACCESS_DENIED
  1801: 'PRINTER_NOT_FOUND', // ERROR_INVALID_PRINTER_NAME
  1804: 'PRINTER_UNSUPPORTED', // ERROR_INVALID_DATATYPE: the queue refuses RAW
};

export class SpoolTransport implements PrinterTransport {
  readonly uri: string;
  private readonly timeouts: TransportTimeouts;
  private readonly platform: NodeJS.Platform;
  /** The spooler's id of the last job (CUPS "request id"), for the print log. */
  lastJobId: string | undefined;

  constructor(
    readonly name: string,
    private readonly options: SpoolTransportOptions = {},
  ) {
    this.uri = formatPrinterUri({ kind: 'spool', name });
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.platform = options.platform ?? process.platform;
  }

  /** Nothing to open: the spooler is asked per job. */
  async open(): Promise<void> {}

  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    if (this.platform === 'win32') await this.writeWindows(bytes);
    else await this.writeCups(bytes);
  }

  /** A spooler gives no printer answers back. */
  async read(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {}

  private title(): string {
    return this.options.title ?? 'Packdesk label';
  }

  private async writeCups(bytes: Uint8Array): Promise<void> {
    const args = ['-d', this.name, '-o', 'raw', '-t', this.title()];
    // LC_ALL=C: lp's messages are matched below and must not come translated.
    const result = await this.run('lp', args, { stdin: bytes, env: { ...process.env, LC_ALL: 'C' } });
    if (result.code === 0) {
      this.lastJobId = /request id is (\S+)/.exec(result.stdout)?.[1];
      return;
    }
    throw this.cupsFailure(result);
  }

  private async writeWindows(bytes: Uint8Array): Promise<void> {
    const dir = this.options.tempDir ?? os.tmpdir();
    const file = path.join(dir, `packdesk-spool-${randomUUID()}.bin`);
    await fs.promises.writeFile(file, bytes, { mode: 0o600 });
    try {
      const { command, args, env } = windowsSpoolCommand(this.name, file, this.title());
      const result = await this.run(command, args, { env: { ...process.env, ...env } });
      if (result.code !== 0) throw this.windowsFailure(result);
    } finally {
      await fs.promises.rm(file, { force: true });
    }
  }

  private async run(command: string, args: string[], extra: { stdin?: Uint8Array; env: NodeJS.ProcessEnv }): Promise<CommandResult> {
    let result: CommandResult;
    try {
      result = await runCommand(command, args, { ...extra, spawn: this.options.spawn, timeoutMs: this.timeouts.writeMs });
    } catch (err) {
      const missing = errnoCode(err) === 'ENOENT';
      const what = this.platform === 'win32' ? 'Windows PowerShell' : "CUPS's lp command";
      throw this.failure(
        missing ? 'PRINTER_UNSUPPORTED' : 'PRINTER_OFFLINE',
        missing
          ? `${what} is not available on this computer, so the system print queue cannot be used. Connect the printer by USB or network instead.`
          : `Cannot start ${command}: ${errorText(err)}.`,
        { cause: errorText(err), command },
      );
    }
    if (result.timedOut) {
      throw this.failure('PRINTER_TIMEOUT', `The print queue "${this.name}" did not take the job within ${this.timeouts.writeMs} ms.`, {
        command,
        stderr: result.stderr.trim(),
      });
    }
    return result;
  }

  private cupsFailure(result: CommandResult): PrinterError {
    const said = result.stderr.trim() || result.stdout.trim();
    const details = { exitCode: result.code, stderr: said };
    if (/does not exist|unknown (printer|destination)|not found|no such/i.test(said)) {
      return this.failure(
        'PRINTER_NOT_FOUND',
        `There is no print queue named "${this.name}". List the queues with \`lpstat -e\` (or Packdesk's printer list) and use one of those names.`,
        details,
      );
    }
    if (/not accepting/i.test(said)) {
      return this.failure(
        'PRINTER_OFFLINE',
        `The print queue "${this.name}" is not accepting jobs. Enable it in the printer settings (or \`cupsaccept ${this.name}\`).`,
        details,
      );
    }
    if (/forbidden|not authori[sz]ed|unauthori[sz]ed|permission/i.test(said)) {
      return this.failure('PRINTER_NO_PERMISSION', `You may not print to the queue "${this.name}": ${said}`, details);
    }
    if (/scheduler (is )?not (responding|running)|unable to connect|connection refused/i.test(said)) {
      return this.failure(
        'PRINTER_OFFLINE',
        'The CUPS print service is not running, so nothing can be queued. Start it (e.g. `sudo systemctl start cups`) or print by USB or network.',
        details,
      );
    }
    return this.failure('PRINTER_OFFLINE', `lp could not queue the job for "${this.name}" (exit ${result.code}): ${said || 'no message'}`, details);
  }

  private windowsFailure(result: CommandResult): PrinterError {
    const error = windowsSpoolError(result.stderr);
    const details = { exitCode: result.code, stderr: result.stderr.trim(), ...error };
    const code = error ? (WIN32[error.win32] ?? 'PRINTER_OFFLINE') : 'PRINTER_OFFLINE';
    switch (code) {
      case 'PRINTER_NOT_FOUND':
        return this.failure(code, `Windows has no printer named "${this.name}". Use the name exactly as Settings → Printers shows it.`, details);
      case 'PRINTER_NO_PERMISSION':
        return this.failure(code, `Windows does not let this user print to "${this.name}".`, details);
      case 'PRINTER_UNSUPPORTED':
        return this.failure(
          code,
          `The Windows queue "${this.name}" refuses RAW data. In the printer's properties → Advanced → Print Processor, choose winprint with RAW.`,
          details,
        );
      default:
        return this.failure(
          code,
          error
            ? `Windows could not queue the job for "${this.name}" (${error.step} failed with error ${error.win32}).`
            : `Windows could not queue the job for "${this.name}": ${result.stderr.trim() || `exit ${result.code}`}.`,
          details,
        );
    }
  }

  private failure(code: PrinterErrorCode, message: string, details: Record<string, unknown>): PrinterError {
    return printerError(code, message, { uri: this.uri, ...details });
  }
}
