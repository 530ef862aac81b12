/** Building a PrinterStatus the same way for every language. */
import { PRINTER_CONDITIONS, type PrinterCondition, type PrinterStatus } from './types.js';

/** Conditions deduplicated and in a fixed order, so the packer's message reads the same each time. */
export function makeStatus(conditions: Iterable<PrinterCondition>, raw: Uint8Array, labelsQueued?: number): PrinterStatus {
  const found = new Set(conditions);
  const ordered = PRINTER_CONDITIONS.filter((c) => found.has(c));
  const status: PrinterStatus = {
    ready: ordered.length === 0,
    conditions: ordered,
    raw: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('hex'),
  };
  if (labelsQueued !== undefined) status.labelsQueued = labelsQueued;
  return status;
}
