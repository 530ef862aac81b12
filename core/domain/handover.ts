import { isPackDone } from './packing.js';
import type { Order } from './types.js';

export type HandoverVerdictCode =
  | 'PARCEL_ADDED'
  | 'PARCEL_ALREADY_IN_BATCH'
  | 'PARCEL_IN_OTHER_BATCH'
  | 'PARCEL_NOT_ARRANGED'
  | 'PARCEL_NOT_READY'
  | 'PARCEL_WRONG_CARRIER'
  | 'UNKNOWN_PARCEL';

export interface ParcelFacts {
  batch: { id: number; carrier: string };
  /** The order the scanned code names. */
  order: Order | null;
  /** The handover batch the parcel already sits in, if any. */
  inBatch: number | null;
}

/** What a parcel scanned at the handover means for this batch. Pure: the store adds it on PARCEL_ADDED. */
export function decideParcel(f: ParcelFacts, code: string): { code: HandoverVerdictCode; message: string } {
  const { order, batch } = f;
  if (!order) return { code: 'UNKNOWN_PARCEL', message: `No parcel is known by ${code}.` };
  if (f.inBatch === batch.id) return { code: 'PARCEL_ALREADY_IN_BATCH', message: `Parcel ${order.id} is already in this batch.` };
  if (f.inBatch !== null) return { code: 'PARCEL_IN_OTHER_BATCH', message: `Parcel ${order.id} was handed over in batch ${f.inBatch}.` };
  if (order.status === 'AWAITING_SHIPMENT' && isPackDone(order)) {
    return { code: 'PARCEL_NOT_ARRANGED', message: 'Shipment not arranged' };
  }
  if (order.status !== 'AWAITING_COLLECTION') {
    return { code: 'PARCEL_NOT_READY', message: `Parcel ${order.id} is ${order.status}, not awaiting collection: keep it back.` };
  }
  if (batch.carrier && order.carrier && batch.carrier.toLowerCase() !== order.carrier.toLowerCase()) {
    return { code: 'PARCEL_WRONG_CARRIER', message: `Parcel ${order.id} goes with ${order.carrier}, not ${batch.carrier}.` };
  }
  return { code: 'PARCEL_ADDED', message: `Parcel ${order.id} added.` };
}
