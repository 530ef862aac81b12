/**
 * USB failures in the packer's words. node-usb 3 (nusb) reports errors as text such as
 * "open error: permission denied (errno 13)", "claimInterface error: interface is busy" or
 * "transferOut error: Disconnected"; libusb-based stacks say LIBUSB_ERROR_ACCESS and friends.
 * Both spellings are matched, so the mapping survives a change of USB library.
 */
import type { PrinterError } from '../errors.js';
import { byteCount, BYTES_UNKNOWN, errnoCode, errorText, printerError } from './util.js';

export type UsbStage = 'open' | 'claim' | 'identify' | 'write' | 'read';

export interface UsbFailureContext {
  uri: string;
  stage: UsbStage;
  platform: NodeJS.Platform;
  /** Bytes the printer confirmed taking: transfers that completed. */
  bytesSent?: number;
  totalBytes?: number;
  /** A transfer of this many bytes was under way: part of it may have reached the printer. */
  inFlight?: number;
}

const ACCESS = /LIBUSB_ERROR_ACCESS|EACCES|EPERM|permission denied|access (is )?denied|errno 13\b|SecurityError/i;
const BUSY = /LIBUSB_ERROR_BUSY|EBUSY|resource busy|device is busy|interface is busy|claimed|already in use|errno 16\b/i;
const GONE = /LIBUSB_ERROR_NO_DEVICE|ENODEV|no such device|disconnected|errno 19\b|device not found|device was unplugged/i;
// nusb cancels a transfer when its timeout expires, so "Cancelled" from a transfer means timed out.
const TIMED_OUT = /LIBUSB_ERROR_TIMEOUT|ETIMEDOUT|timed? ?out|cancell?ed/i;
const STALL = /LIBUSB_ERROR_PIPE|stall/i;
// Windows: a printer bound to usbprint.sys cannot be opened without WinUSB.
const WINDOWS_DRIVER = /LIBUSB_ERROR_NOT_SUPPORTED|not supported|unsupported|driver/i;

export const UDEV_HINT =
  'Install the udev rule Packdesk ships (99-packdesk-printers.rules) into /etc/udev/rules.d/, run `sudo udevadm control --reload && sudo udevadm trigger`, then unplug and replug the printer.';

export const WINUSB_HINT =
  "Windows' own USB printer driver (usbprint.sys) holds this printer, so Packdesk cannot talk to it directly. " +
  'Either print through the Windows spooler — add the printer as spool:NAME (Packdesk sends the label bytes RAW, the driver does not redraw them) — ' +
  'or switch the printer to the WinUSB driver (e.g. with Zadig), after which only programs that speak USB directly, like Packdesk, can print to it.';

export function usbFailure(err: unknown, ctx: UsbFailureContext): PrinterError {
  const text = `${errnoCode(err) ?? ''} ${errorText(err)}`;
  const inFlight = (ctx.inFlight ?? 0) > 0;
  const details = {
    uri: ctx.uri,
    stage: ctx.stage,
    cause: errorText(err),
    bytesSent: inFlight ? BYTES_UNKNOWN : ctx.bytesSent,
    ...(ctx.totalBytes === undefined ? {} : { bytesConfirmed: ctx.bytesSent ?? 0 }),
    totalBytes: ctx.totalBytes,
  };
  if (ACCESS.test(text)) return printerError('PRINTER_NO_PERMISSION', noPermission(ctx), details);
  if (GONE.test(text)) return printerError('PRINTER_UNPLUGGED', unplugged(ctx), details);
  if (BUSY.test(text)) return printerError('PRINTER_CLAIMED_BY_OS', claimed(ctx), details);
  if (ctx.platform === 'win32' && (ctx.stage === 'open' || ctx.stage === 'claim') && WINDOWS_DRIVER.test(text)) {
    return printerError('PRINTER_CLAIMED_BY_OS', WINUSB_HINT, details);
  }
  if (TIMED_OUT.test(text)) return printerError('PRINTER_TIMEOUT', timedOut(ctx), details);
  if (STALL.test(text)) {
    return printerError('PRINTER_OFFLINE', `The USB printer refused data${sentSoFar(ctx)}: it is probably out of labels, open or in an error state.`, details);
  }
  return printerError('PRINTER_OFFLINE', `The USB printer failed (${ctx.stage}): ${errorText(err)}${sentSoFar(ctx)}.`, details);
}

function noPermission(ctx: UsbFailureContext): string {
  const base = 'Packdesk is not allowed to use this USB printer.';
  if (ctx.platform === 'linux') return `${base} ${UDEV_HINT}`;
  if (ctx.platform === 'win32') return `${base} ${WINUSB_HINT}`;
  return `${base} Print through the system's printer queue instead (spool:NAME).`;
}

function claimed(ctx: UsbFailureContext): string {
  if (ctx.platform === 'win32') return WINUSB_HINT;
  if (ctx.platform === 'linux') {
    return "Another driver or program holds this USB printer (usually the kernel's usblp driver or CUPS). Packdesk tried to detach the kernel driver and could not; close other printing programs, or print through CUPS as spool:NAME.";
  }
  return "macOS's printing system holds this USB printer. Print through it instead: add the printer as spool:NAME and Packdesk sends the label RAW.";
}

function unplugged(ctx: UsbFailureContext): string {
  if (ctx.stage === 'write' && ctx.totalBytes !== undefined) {
    return `The USB printer was unplugged or switched off mid-job${sentSoFar(ctx)}; the label may be partly printed. Plug it back in and reprint.`;
  }
  return 'The USB printer was unplugged or switched off. Plug it back in and try again.';
}

function timedOut(ctx: UsbFailureContext): string {
  if (ctx.stage === 'write')
    return `The USB printer stopped taking data${sentSoFar(ctx)}: it may be paused, out of labels or busy; the label may be partly printed.`;
  return `The USB printer did not answer in time (${ctx.stage}).`;
}

function sentSoFar(ctx: UsbFailureContext): string {
  if (ctx.totalBytes === undefined) return '';
  const perhaps = (ctx.inFlight ?? 0) > 0 ? ` (and perhaps part of the next ${byteCount(ctx.inFlight ?? 0)})` : '';
  return ` after ${byteCount(ctx.bytesSent ?? 0)} of ${byteCount(ctx.totalBytes)}${perhaps}`;
}
