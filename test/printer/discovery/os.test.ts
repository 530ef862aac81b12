import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listOsPrinters, parseGetPrinterJson } from '../../../printer/discovery/os.js';
import { fakeCommandDir, scriptedSpawn, withPath } from '../fakes/spawn.js';
import { tempDir } from '../fakes/temp-dir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('listOsPrinters on CUPS', () => {
  it('lists `lpstat -e` queues as spool: addresses and marks the default', async () => {
    const { spawn, calls } = scriptedSpawn((_c, args) =>
      args[0] === '-e' ? { stdout: 'Zebra_GK420d\nXprinter\n' } : { stdout: 'system default destination: Xprinter\n' },
    );
    expect(await listOsPrinters({ spawn, platform: 'linux' })).toEqual([
      { name: 'Zebra_GK420d', uri: 'spool:Zebra_GK420d' },
      { name: 'Xprinter', uri: 'spool:Xprinter', isDefault: true },
    ]);
    expect(calls.map((c) => [c.command, ...c.args])).toEqual([
      ['lpstat', '-e'],
      ['lpstat', '-d'],
    ]);
    expect(calls[0]?.env.LC_ALL).toBe('C');
  });

  it('falls back to `lpstat -p` on a CUPS too old for -e', async () => {
    const { spawn } = scriptedSpawn((_c, args) => {
      if (args[0] === '-e') return { code: 1, stderr: "lpstat: invalid option -- 'e'" };
      if (args[0] === '-p')
        return { stdout: 'printer Zebra is idle.  enabled since Mon 01 Jan\nprinter Label2 disabled since Mon 01 Jan -\n\treason unknown\n' };
      return { code: 1, stderr: 'lpstat: No system default destination.' };
    });
    expect((await listOsPrinters({ spawn, platform: 'darwin' })).map((p) => p.name)).toEqual(['Zebra', 'Label2']);
  });

  it('is empty when CUPS is not installed or not running', async () => {
    expect(await listOsPrinters({ spawn: scriptedSpawn(() => ({ missing: true })).spawn, platform: 'linux' })).toEqual([]);
    expect(await listOsPrinters({ spawn: scriptedSpawn(() => ({ code: 1, stderr: 'lpstat: Scheduler is not running.' })).spawn, platform: 'linux' })).toEqual(
      [],
    );
  });

  it('runs a real lpstat program found first on PATH', async () => {
    const { dir, cleanup } = tempDir('packdesk-lpstat-');
    cleanups.push(cleanup);
    const bin = fakeCommandDir(dir, {
      lpstat: `echo "$@" >> "${dir}/calls"\ncase "$1" in -e) echo Zebra;; -d) echo "system default destination: Zebra";; esac`,
    });
    expect(await listOsPrinters({ spawn: withPath(bin), platform: 'linux' })).toEqual([{ name: 'Zebra', uri: 'spool:Zebra', isDefault: true }]);
    expect(fs.readFileSync(path.join(dir, 'calls'), 'utf8')).toBe('-e\n-d\n');
  });
});

describe('listOsPrinters on Windows', () => {
  it('runs Get-Printer through PowerShell and reads its JSON', async () => {
    const { spawn, calls } = scriptedSpawn((_c, args) =>
      String(args[3]).startsWith('Get-Printer')
        ? {
            stdout: JSON.stringify([
              { Name: 'ZDesigner GK420d', DriverName: 'ZDesigner GK420d', PortName: 'USB001' },
              { Name: 'Microsoft Print to PDF', DriverName: 'Microsoft Print To PDF', PortName: 'PORTPROMPT:' },
            ]),
          }
        : { stdout: 'ZDesigner GK420d\r\n' },
    );
    expect(await listOsPrinters({ spawn, platform: 'win32' })).toEqual([
      { name: 'ZDesigner GK420d', uri: 'spool:ZDesigner GK420d', driver: 'ZDesigner GK420d', port: 'USB001', isDefault: true },
      { name: 'Microsoft Print to PDF', uri: 'spool:Microsoft Print to PDF', driver: 'Microsoft Print To PDF', port: 'PORTPROMPT:' },
    ]);
    expect(calls[0]?.command).toBe('powershell.exe');
    expect(calls[0]?.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command']);
  });

  it('is empty without PowerShell', async () => {
    expect(await listOsPrinters({ spawn: scriptedSpawn(() => ({ missing: true })).spawn, platform: 'win32' })).toEqual([]);
  });

  it('reads one printer (an object, not an array) and ignores junk', () => {
    expect(parseGetPrinterJson('{"Name":"Label","DriverName":"Generic / Text Only","PortName":"USB002"}')).toEqual([
      { name: 'Label', uri: 'spool:Label', driver: 'Generic / Text Only', port: 'USB002' },
    ]);
    expect(parseGetPrinterJson('')).toEqual([]);
    expect(parseGetPrinterJson('not json')).toEqual([]);
    expect(parseGetPrinterJson('[null, {"Name": ""}, {"Name": 5}]')).toEqual([]);
  });
});
