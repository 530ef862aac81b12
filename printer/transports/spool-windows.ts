/**
 * Windows' spooler in RAW mode without a native addon: Windows PowerShell (present on every
 * Windows 10/11) compiles a few lines of C# with Add-Type that call winspool.drv's OpenPrinter,
 * StartDocPrinter (datatype "RAW", so the driver passes the bytes through untouched),
 * WritePrinter, EndDocPrinter. The label bytes travel in a temp file and the printer name in an
 * environment variable, so no value is ever spliced into script text.
 */

/** Environment variables the script reads; values never touch the command line. */
export const WIN_ENV = { printer: 'PACKDESK_PRINTER', file: 'PACKDESK_SPOOL_FILE', title: 'PACKDESK_JOB_TITLE' } as const;

/** The marker the script writes to stderr on failure: `PACKDESK_SPOOL_ERROR <step> <win32 error>`. */
export const WIN_ERROR_MARKER = 'PACKDESK_SPOOL_ERROR';

const SCRIPT = `
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class PackdeskRawPrint {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DocInfo {
    [MarshalAs(UnmanagedType.LPWStr)] public string Name;
    [MarshalAs(UnmanagedType.LPWStr)] public string OutputFile;
    [MarshalAs(UnmanagedType.LPWStr)] public string Datatype;
  }
  [DllImport("winspool.drv", EntryPoint = "OpenPrinterW", CharSet = CharSet.Unicode, SetLastError = true)]
  static extern bool OpenPrinter(string name, out IntPtr printer, IntPtr defaults);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool ClosePrinter(IntPtr printer);
  [DllImport("winspool.drv", EntryPoint = "StartDocPrinterW", CharSet = CharSet.Unicode, SetLastError = true)]
  static extern int StartDocPrinter(IntPtr printer, int level, [In] DocInfo info);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool EndDocPrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool StartPagePrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool EndPagePrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool WritePrinter(IntPtr printer, byte[] data, int count, out int written);
  static string Fail(string step) { return step + " " + Marshal.GetLastWin32Error(); }
  // Returns null on success, else "<step> <win32 error>".
  public static string Send(string name, byte[] data, string title) {
    IntPtr printer;
    if (!OpenPrinter(name, out printer, IntPtr.Zero)) return Fail("OpenPrinter");
    try {
      DocInfo info = new DocInfo { Name = title, Datatype = "RAW" };
      if (StartDocPrinter(printer, 1, info) == 0) return Fail("StartDocPrinter");
      try {
        if (!StartPagePrinter(printer)) return Fail("StartPagePrinter");
        int offset = 0;
        while (offset < data.Length) {
          byte[] rest = new byte[data.Length - offset];
          Array.Copy(data, offset, rest, 0, rest.Length);
          int written;
          if (!WritePrinter(printer, rest, rest.Length, out written) || written <= 0) return Fail("WritePrinter");
          offset += written;
        }
        if (!EndPagePrinter(printer)) return Fail("EndPagePrinter");
      } finally { EndDocPrinter(printer); }
    } finally { ClosePrinter(printer); }
    return null;
  }
}
'@
$bytes = [System.IO.File]::ReadAllBytes($env:${WIN_ENV.file})
$failure = [PackdeskRawPrint]::Send($env:${WIN_ENV.printer}, $bytes, $env:${WIN_ENV.title})
if ($failure) { [Console]::Error.WriteLine('${WIN_ERROR_MARKER} ' + $failure); exit 3 }
exit 0
`;

export function windowsRawPrintScript(): string {
  return SCRIPT;
}

export interface WindowsCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * powershell.exe with the script as -EncodedCommand (base64 of UTF-16LE, the form PowerShell
 * defines for passing a script without quoting rules); -ExecutionPolicy Bypass because the
 * script is ours and a locked-down policy must not stop printing.
 */
export function windowsSpoolCommand(printer: string, file: string, title: string): WindowsCommand {
  return {
    command: 'powershell.exe',
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(SCRIPT, 'utf16le').toString('base64')],
    env: { [WIN_ENV.printer]: printer, [WIN_ENV.file]: file, [WIN_ENV.title]: title },
  };
}

/** Reads `PACKDESK_SPOOL_ERROR OpenPrinter 1801` back out of the script's stderr. */
export function windowsSpoolError(stderr: string): { step: string; win32: number } | null {
  const match = new RegExp(`${WIN_ERROR_MARKER} (\\w+) (\\d+)`).exec(stderr);
  return match ? { step: match[1]!, win32: Number(match[2]) } : null;
}
