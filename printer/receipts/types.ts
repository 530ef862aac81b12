/**
 * A receipt printer's job as lines of text, rules and a QR code: what 58 and 80 mm ESC/POS roll
 * printers print in their own fonts, fast and crisp, rather than as one big picture.
 */

/** Epson's ESC/POS, or Star's Line Mode (Star TSP and mC-Print printers out of the box). */
export type ReceiptDialect = 'epson' | 'star';
export type ReceiptWidth = 58 | 80;

export interface ReceiptProfile {
  widthMm: ReceiptWidth;
  dialect: ReceiptDialect;
}

export type ReceiptLine =
  | { kind: 'text'; text: string; bold?: boolean; large?: boolean; center?: boolean }
  /** Two texts on one line, the second flush right (a quantity, a bin). */
  | { kind: 'pair'; left: string; right: string; bold?: boolean }
  | { kind: 'rule' }
  | { kind: 'qr'; value: string }
  | { kind: 'blank' };

export interface Receipt {
  lines: readonly ReceiptLine[];
}
