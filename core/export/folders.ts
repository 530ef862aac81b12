import path from 'node:path';

/**
 * Folders an export may not go to. Writing a file into /proc or /sys can hang the process (a
 * recursive mkdir there never returns), and nothing a seller exports belongs among the system's
 * own files. Pure: the caller checks the real path of the folder too, so a link into one of
 * these is refused as well.
 */
const POSIX_SYSTEM = [
  '/proc',
  '/sys',
  '/dev',
  '/etc',
  '/boot',
  '/usr',
  '/bin',
  '/sbin',
  '/run',
  '/var/run',
  '/var/lock',
  '/var/lib',
  '/System',
  '/private/etc',
  '/private/var/run',
];
/** /lib, /lib32, /lib64, /libx32 (not /library-books). */
const POSIX_LIB = /^\/lib(32|64|x32)?(\/|$)/;
const WINDOWS_SYSTEM = ['\\windows', '\\program files', '\\program files (x86)', '\\programdata'];

/** Why `dir` may not receive an export, or null when it may. */
export function folderRefusal(dir: string, platform: NodeJS.Platform = process.platform): string | null {
  const win = platform === 'win32';
  const p = win ? path.win32 : path.posix;
  if (!p.isAbsolute(dir) || (win && !/^([a-z]:[\\/]|\\\\)/i.test(dir))) {
    return `"${dir}" is not a full folder path; give the whole path (for example ${win ? 'D:\\Exports' : '/home/you/exports'}).`;
  }
  const full = p.normalize(dir);
  if (win ? isWindowsSystem(full) : isPosixSystem(full)) {
    return `${full} is a system folder; Packdesk does not write there. Choose a folder of your own, such as Documents or a USB stick.`;
  }
  return null;
}

function isPosixSystem(full: string): boolean {
  const dir = full.length > 1 ? full.replace(/\/+$/, '') : full;
  if (dir === '/') return true;
  return POSIX_LIB.test(dir) || POSIX_SYSTEM.some((sys) => dir === sys || dir.startsWith(`${sys}/`));
}

function isWindowsSystem(full: string): boolean {
  const lower = full.toLowerCase().replace(/\\+$/, '');
  // Device and long-path namespaces reach disks and devices below the file system.
  if (lower.startsWith('\\\\.\\') || lower.startsWith('\\\\?\\')) return true;
  const rest = /^[a-z]:(\\.*)?$/.exec(lower)?.[1];
  if (rest === undefined) return false;
  return WINDOWS_SYSTEM.some((sys) => rest === sys || rest.startsWith(`${sys}\\`));
}
