/**
 * One entry point from a saved printer address to the transport that serves it. Nothing is
 * opened here: the transport connects on its first open() or write(), so listing printers or
 * building a job never touches hardware.
 */
import { unreachable } from '../errors.js';
import type { PrinterLanguage } from '../label/model.js';
import { FileTransport, type DeviceFileHandle } from './file.js';
import { PreviewTransport } from './preview.js';
import type { SpawnFn } from './process.js';
import { SpoolTransport } from './spool.js';
import { TcpTransport } from './tcp.js';
import type { PreviewArtifacts, PrinterTransport, PrinterUri, TransportTimeouts } from './types.js';
import { parsePrinterUri } from './uri.js';
import type { UsbProvider } from './usb-device.js';
import { UsbTransport } from './usb.js';

export interface OpenTransportOptions {
  timeouts?: Partial<TransportTimeouts>;
  /** USB device list (tests pass fakes); the real `usb` module when absent. */
  usb?: UsbProvider | (() => Promise<UsbProvider>);
  /** How lp / PowerShell are started (tests record the commands). */
  spawn?: SpawnFn;
  /** The preview folder's file name and label picture for this job; also the spooler job's title. */
  previewArtifacts?: PreviewArtifacts;
  /** The printer's language: the preview file's extension. */
  language?: PrinterLanguage;
  /** Defaults to this machine's; tests pick one to exercise the Windows and Linux paths. */
  platform?: NodeJS.Platform;
  /** Device-file opener (tests inject failures such as EACCES). */
  openFile?: (path: string) => Promise<DeviceFileHandle>;
}

/** Throws INVALID_INPUT (synchronously) for an address that does not parse. */
export function openTransport(uri: string | PrinterUri, opts: OpenTransportOptions = {}): PrinterTransport {
  const parsed = typeof uri === 'string' ? parsePrinterUri(uri) : uri;
  const timeouts = opts.timeouts ?? {};
  switch (parsed.kind) {
    case 'tcp':
      return new TcpTransport(parsed.host, parsed.port, timeouts);
    case 'usb':
      return new UsbTransport(parsed.vendorId, parsed.productId, { timeouts, serial: parsed.serial, usb: opts.usb, platform: opts.platform });
    case 'file':
      return new FileTransport(parsed.path, { timeouts, openFile: opts.openFile });
    case 'spool':
      return new SpoolTransport(parsed.name, { timeouts, spawn: opts.spawn, platform: opts.platform, title: opts.previewArtifacts?.name });
    case 'preview':
      return new PreviewTransport(parsed.dir, { language: opts.language, artifacts: opts.previewArtifacts });
    default:
      return unreachable(parsed);
  }
}
