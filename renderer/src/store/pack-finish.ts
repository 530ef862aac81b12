import type { FinishResult } from '../../../core/api/views.js';
import type { JobView } from '../../../core/printing/types.js';
import type { ErrorCode } from './api.js';

/** What packing.finish did, as the pack screen says it: the label's outcome, then the shipment's. */
export interface FinishNotice {
  label: FinishResult['label']['outcome'];
  /** The printer the label went to (PRINTED), or that failed. */
  printer: string | null;
  labelError: ErrorCode | null;
  /** The label was cut off mid-send: it may have come out in part. */
  partial: boolean;
  shipment: FinishResult['shipment']['outcome'];
  shipmentError: ErrorCode | null;
}

/** A job that did not (surely) print: its code, and whether half a label may be in the printer. */
export function jobFailure(job: JobView): { code: ErrorCode; partial: boolean } | null {
  if (job.state === 'FAILED') return { code: (job.errorCode ?? 'INTERNAL') as ErrorCode, partial: false };
  if (job.state === 'UNKNOWN') return { code: (job.errorCode ?? 'JOB_OUTCOME_UNKNOWN') as ErrorCode, partial: job.mayHavePrintedPartly };
  return null;
}

/** The notice for a finished order; null when there is nothing to say (the shop prints and ships by hand). */
export function finishNotice(result: FinishResult): FinishNotice | null {
  const { label, shipment } = result;
  if (label.outcome === 'NOT_ASKED' && shipment.outcome === 'NOT_ASKED') return null;
  const failedJob = label.job ? jobFailure(label.job) : null;
  return {
    label: label.outcome,
    printer: label.job?.printerName ?? null,
    labelError: label.outcome === 'FAILED' ? (label.error?.code ?? failedJob?.code ?? 'INTERNAL') : null,
    partial: failedJob?.partial ?? false,
    shipment: shipment.outcome,
    shipmentError: shipment.outcome === 'FAILED' ? (shipment.error?.code ?? 'INTERNAL') : null,
  };
}

/** Anything the packer must act on: a label or a shipment that did not happen. */
export function finishFailed(f: FinishNotice): boolean {
  return f.label === 'FAILED' || f.shipment === 'FAILED' || f.shipment === 'SKIPPED_NO_LABEL';
}
