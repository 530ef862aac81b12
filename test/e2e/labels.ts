import type { FakeTcpPrinter } from '../printer/fakes/tcp-printer.js';

/** The ZPL labels in printer bytes, in order (status queries between them left out). */
export function zplLabels(bytes: Buffer): string[] {
  return bytes.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [];
}

/** The labels the printer has received since `fromByte` (a value of printer.bytesReceived). */
export function labelsSince(printer: FakeTcpPrinter, fromByte: number): string[] {
  return zplLabels(printer.received().subarray(fromByte));
}

/** Labels whose text carries this value (a tracking number, a SKU). */
export function labelsWith(printer: FakeTcpPrinter, fromByte: number, text: string): string[] {
  return labelsSince(printer, fromByte).filter((l) => l.includes(text));
}
