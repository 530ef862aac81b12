import type { Millis, Order } from './types.js';

/**
 * An order with nothing known yet but its id and time: every optional fact empty, nothing packed,
 * nothing handed over. Builders (the store's column list, tests, fixtures) start from it.
 */
export function blankOrder(id: string, at: Millis): Order {
  return {
    id,
    status: 'UNPAID',
    cancelRequestedAt: null,
    lines: [],
    recipient: { name: '', phone: '', country: '', state: '', city: '', district: '', address: '', postcode: '' },
    buyerUsername: '',
    buyerMessage: '',
    sellerNote: '',
    trackingNumber: '',
    packageId: '',
    carrier: '',
    deliveryOption: '',
    weightKg: null,
    createdAt: at,
    paidAt: null,
    rtsAt: null,
    shippedAt: null,
    deliveredAt: null,
    deliveryFailedAt: null,
    cancelledAt: null,
    cancelReason: '',
    platformDeadlines: { shipBy: null, collectBy: null },
    packedAt: null,
    packedBy: null,
    shortPackReason: '',
    redeliveryRequestedAt: null,
    handedOverAt: null,
    provisional: false,
    version: 1,
    updatedAt: at,
  };
}
