import type { OrderStatus } from '../../../../core/domain/types.js';
import type { MessageKey } from '../../i18n/index.js';

/** The core's order statuses (only the type crosses over), in the order an order lives through them. */
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
] as const satisfies readonly OrderStatus[];

/** Fails to compile when the core adds a status the export filter does not offer. */
export const everyStatusOffered: [Exclude<OrderStatus, (typeof ORDER_STATUSES)[number]>] extends [never] ? true : never = true;

export const statusKey = (s: OrderStatus): MessageKey => `transfer.orderStatus.${s}`;
