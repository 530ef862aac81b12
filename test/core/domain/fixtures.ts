import type { Order, OrderLine, Sku } from '../../../core/domain/types.js';
import { blankOrder } from '../../../core/domain/order.js';

/** A fixed instant for tests: 2024-03-01T08:00:00Z. */
export const T0 = Date.UTC(2024, 2, 1, 8, 0, 0);

export function line(skuId: string, quantity: number, packedQuantity = 0, extra: Partial<OrderLine> = {}): OrderLine {
  return {
    skuId,
    sellerSku: `S-${skuId}`,
    productName: `Product ${skuId}`,
    variation: '',
    quantity,
    packedQuantity,
    ...extra,
  };
}

export function order(overrides: Partial<Order> = {}): Order {
  return {
    ...blankOrder('O-1', T0),
    id: 'O-1',
    status: 'AWAITING_SHIPMENT',
    cancelRequestedAt: null,
    lines: [line('SKU-A', 1)],
    recipient: {
      name: 'Ana',
      phone: '+34600000000',
      country: 'ES',
      state: 'Madrid',
      city: 'Madrid',
      district: '',
      address: 'Calle Mayor 1',
      postcode: '28013',
    },
    buyerUsername: 'ana',
    buyerMessage: '',
    sellerNote: '',
    trackingNumber: '',
    packageId: '',
    carrier: '',
    deliveryOption: '',
    weightKg: null,
    createdAt: T0,
    paidAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function sku(id: string, bin: string | null, extra: Partial<Sku> = {}): Sku {
  return {
    id,
    sellerSku: `S-${id}`,
    name: `Name ${id}`,
    variation: '',
    bin,
    stockOnHand: 10,
    safetyStock: 0,
    barcodes: [],
    ...extra,
  };
}

/** Freezes an object graph so a test fails if the code under test mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
