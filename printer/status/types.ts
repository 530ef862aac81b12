/** Conditions a printer reports, in the packer's words; each maps to an error code of the same name. */
export const PRINTER_CONDITIONS = ['PAPER_OUT', 'HEAD_OPEN', 'PAUSED', 'RIBBON_OUT', 'OFFLINE', 'PAPER_JAM', 'OVERHEATED', 'BUFFER_FULL'] as const;
export type PrinterCondition = (typeof PRINTER_CONDITIONS)[number];

export interface PrinterStatus {
  /** True when the printer can print now. */
  ready: boolean;
  conditions: PrinterCondition[];
  /** Labels still in the printer's buffer, when it says. */
  labelsQueued?: number;
  /** The printer's answer as hex, for support. */
  raw: string;
}
