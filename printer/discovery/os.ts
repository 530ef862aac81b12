/**
 * The operating system's printer queues, each usable as spool:NAME (Packdesk sends RAW bytes
 * through it). CUPS on Linux and macOS (`lpstat`), the Windows spooler (PowerShell Get-Printer).
 * A machine without these commands, or with the print service stopped, simply has no queues.
 */
import { runCommand, type CommandResult, type SpawnFn } from '../transports/process.js';
import { formatPrinterUri } from '../transports/uri.js';

export interface OsPrinterInfo {
  name: string;
  uri: string;
  isDefault?: boolean;
  /** Windows: the driver bound to the queue (a "Generic / Text Only" driver is fine for RAW). */
  driver?: string;
  /** Windows: USB001, IP_192.168.1.50, … */
  port?: string;
}

export interface OsDiscoveryOptions {
  spawn?: SpawnFn;
  platform?: NodeJS.Platform;
  timeoutMs?: number;
}

/** lpstat's messages are parsed: keep them untranslated. */
const C_LOCALE = { ...process.env, LC_ALL: 'C' };

export async function listOsPrinters(options: OsDiscoveryOptions = {}): Promise<OsPrinterInfo[]> {
  const platform = options.platform ?? process.platform;
  return platform === 'win32' ? windowsPrinters(options) : cupsPrinters(options);
}

async function cupsPrinters(options: OsDiscoveryOptions): Promise<OsPrinterInfo[]> {
  // `lpstat -e` lists one queue name a line (CUPS 2.x); older CUPS only has `lpstat -p`.
  const listed = await run('lpstat', ['-e'], options);
  let names: string[];
  if (listed?.code === 0) names = lines(listed.stdout);
  else {
    const fallback = await run('lpstat', ['-p'], options);
    if (fallback?.code !== 0) return [];
    names = [...fallback.stdout.matchAll(/^printer (\S+)/gm)].map((m) => m[1]!);
  }
  const preferred = await run('lpstat', ['-d'], options);
  const defaultName = preferred?.code === 0 ? /destination:\s*(\S+)/.exec(preferred.stdout)?.[1] : undefined;
  return [...new Set(names)].map((name) => ({ name, uri: formatPrinterUri({ kind: 'spool', name }), ...(name === defaultName ? { isDefault: true } : {}) }));
}

const GET_PRINTER = 'Get-Printer | Select-Object Name,DriverName,PortName | ConvertTo-Json -Compress';
const GET_DEFAULT = '(Get-CimInstance -ClassName Win32_Printer -Filter "Default=TRUE").Name';

async function windowsPrinters(options: OsDiscoveryOptions): Promise<OsPrinterInfo[]> {
  const listed = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', GET_PRINTER], options);
  if (listed?.code !== 0) return [];
  const preferred = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', GET_DEFAULT], options);
  const defaultName = preferred?.code === 0 ? preferred.stdout.trim() : undefined;
  return parseGetPrinterJson(listed.stdout).map((p) => (p.name === defaultName ? { ...p, isDefault: true } : p));
}

/** ConvertTo-Json gives one object for one printer and an array for several. */
export function parseGetPrinterJson(json: string): OsPrinterInfo[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.trim() || '[]');
  } catch {
    return [];
  }
  const rows = Array.isArray(parsed) ? parsed : [parsed];
  const printers: OsPrinterInfo[] = [];
  for (const row of rows) {
    const { Name, DriverName, PortName } = (row ?? {}) as Record<string, unknown>;
    if (typeof Name !== 'string' || Name === '') continue;
    const info: OsPrinterInfo = { name: Name, uri: formatPrinterUri({ kind: 'spool', name: Name }) };
    if (typeof DriverName === 'string') info.driver = DriverName;
    if (typeof PortName === 'string') info.port = PortName;
    printers.push(info);
  }
  return printers;
}

/** Null when the command is missing or cannot start: no queues, not an error. */
async function run(command: string, args: string[], options: OsDiscoveryOptions): Promise<CommandResult | null> {
  try {
    return await runCommand(command, args, { spawn: options.spawn, env: C_LOCALE, timeoutMs: options.timeoutMs ?? 5000 });
  } catch {
    return null;
  }
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
