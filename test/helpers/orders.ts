import type { Order, OrderLine, Sku } from '../../core/domain/types.js';
import { addBarcodes, upsertSku } from '../../core/store/catalogue-repo.js';
import { insertOrder } from '../../core/store/orders-repo.js';
import type { TestCore } from './core.js';
import { blankOrder } from '../../core/domain/order.js';

export function makeSku(id: string, over: Partial<Sku> = {}): Sku {
  return { id, sellerSku: `SKU-${id}`, name: `Item ${id}`, variation: '', bin: `A-${id}`, stockOnHand: 10, safetyStock: 1, barcodes: [], ...over };
}

export function seedSku(core: TestCore, sku: Sku): Sku {
  const { barcodes, ...rest } = sku;
  upsertSku(core.context.db, rest, core.clock.now());
  addBarcodes(core.context.db, sku.id, barcodes);
  return sku;
}

export function line(sku: Sku, quantity = 1, packedQuantity = 0): OrderLine {
  return { skuId: sku.id, sellerSku: sku.sellerSku, productName: sku.name, variation: sku.variation, quantity, packedQuantity };
}

/** An order awaiting shipment, paid an hour before the clock's now, unless told otherwise. */
export function makeOrder(id: string, lines: OrderLine[], now: number, over: Partial<Order> = {}): Order {
  return {
    ...blankOrder(id, now),
    id,
    status: 'AWAITING_SHIPMENT',
    cancelRequestedAt: null,
    lines,
    recipient: {
      name: 'Ada Lovelace',
      phone: '+44 20 7946 0000',
      country: 'United Kingdom',
      state: '',
      city: 'London',
      district: '',
      address: '12 St James Square',
      postcode: 'SW1Y 4JH',
    },
    buyerUsername: 'ada',
    buyerMessage: '',
    sellerNote: '',
    trackingNumber: `TT${id}`,
    packageId: `PKG${id}`,
    carrier: 'Royal Mail',
    deliveryOption: 'Standard',
    weightKg: 0.3,
    createdAt: now - 2 * 3_600_000,
    paidAt: now - 3_600_000,
    updatedAt: now,
    ...over,
  };
}

export function seedOrder(core: TestCore, order: Order): Order {
  insertOrder(core.context.db, order);
  return order;
}
