/**
 * The words every part of Packdesk shares — the core, the screens, Electron and the station —
 * each listed once. The renderer loads this file in the browser, so it imports nothing at run
 * time (the boundary rule shared-is-browser-safe): plain lists, the types read from them, and one guard for outside text.
 * The store's CHECK constraints repeat the state lists in SQL, frozen in their migrations;
 * test/core/shared/vocabulary.test.ts holds them to these lists.
 */

/** Order statuses as the TikTok Shop Open API (202309) names them, plus DELIVERY_FAILED, in the order an order lives through them. */
export const ORDER_STATUSES = [
  'UNPAID',
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERY_FAILED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** For text from outside (a CLI flag, the platform's answer): is it a status Packdesk knows? */
export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

/** The documents a printer can be set to print. */
export const DOCUMENT_KINDS = ['SHIPPING_LABEL', 'PICK_LIST', 'SKU_LABEL'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A print job's life: UNKNOWN when Packdesk stopped while sending it (did it print?). */
export const JOB_STATES = ['QUEUED', 'SENDING', 'SENT', 'FAILED', 'UNKNOWN'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Why a job was sent: REPRINT is another copy of a printed label, RESEND sends again a job that failed or whose outcome is unknown. */
export const JOB_KINDS = ['PRINT', 'REPRINT', 'RESEND', 'TEST'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** A print batch runs, pauses on a printer error (or when its owner died), and ends DONE. */
export const BATCH_STATES = ['RUNNING', 'PAUSED', 'DONE'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

/** How parcels leave the bench: the carrier picks them up, or the seller drops them off. */
export const HANDOVER_METHODS = ['PICKUP', 'DROP_OFF'] as const;
export type HandoverMethod = (typeof HANDOVER_METHODS)[number];

/** How an export's dates read when the file alone cannot tell (03/04: 3 April or March 4?). */
export const DATE_ORDERS = ['DMY', 'MDY', 'YMD'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** The core's push events; their payloads are core/api/events.ts `Events`, keyed by these names. */
export const EVENT_NAMES = [
  'orders.changed',
  'scan.recorded',
  'progress',
  'print.job',
  'printer.status',
  'print.batch',
  'outbox.changed',
  'sync.status',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];
