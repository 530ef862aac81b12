/** The simulated platform's data and the small rules every change shares (update_time, derived status). */
import type { SimClock } from './clock.js';
import { refuse } from './codes.js';
import type { SimCancellation, SimOrder, SimPackage, SimSettings, Shop } from './model.js';
import { sortByKey, type Keyed } from './paging.js';
import { IdMaker, Random } from './random.js';

export class Store {
  readonly orders = new Map<string, SimOrder>();
  readonly packages = new Map<string, SimPackage>();
  readonly cancellations = new Map<string, SimCancellation>();
  readonly random: Random;
  readonly ids: IdMaker;
  /** Moves whenever an order's create_time or update_time may have changed or an order was added. */
  private keysVersion = 0;
  private sorted = new Map<string, { version: number; orders: Keyed<SimOrder>[] }>();

  constructor(
    readonly clock: SimClock,
    readonly settings: SimSettings,
    readonly shops: Shop[],
    seed: number,
  ) {
    this.random = new Random(seed);
    this.ids = new IdMaker(new Random(seed ^ 0x5bd1e995));
  }

  now(): number {
    return this.clock.now();
  }

  shopByCipher(cipher: string): Shop | undefined {
    return this.shops.find((s) => s.cipher === cipher);
  }

  order(id: string): SimOrder {
    return this.orders.get(id) ?? refuse('orderNotFound', `Order ${id}.`);
  }

  package(id: string): SimPackage {
    return this.packages.get(id) ?? refuse('packageNotFound', `Package ${id}.`);
  }

  cancellation(id: string): SimCancellation {
    return this.cancellations.get(id) ?? refuse('cancellationNotFound', `Cancellation ${id}.`);
  }

  packagesOf(order: SimOrder): SimPackage[] {
    return order.packageIds.map((id) => this.packages.get(id)!);
  }

  ordersOf(pkg: SimPackage): SimOrder[] {
    return pkg.orderIds.map((id) => this.orders.get(id)!);
  }

  /** Every change a seller could see moves update_time: that is what incremental sync pulls by. */
  touch(order: SimOrder): void {
    order.updateTime = Math.max(order.updateTime, this.now());
    this.keysChanged();
  }

  keysChanged(): void {
    this.keysVersion++;
  }

  /** All orders by (create_time or update_time, id), ascending; kept until a key changes. */
  ordersBy(field: 'create_time' | 'update_time'): Keyed<SimOrder>[] {
    const cached = this.sorted.get(field);
    if (cached?.version === this.keysVersion) return cached.orders;
    const orders = sortByKey(
      this.orders.values(),
      (o) => (field === 'update_time' ? o.updateTime : o.createTime),
      (o) => o.id,
    );
    this.sorted.set(field, { version: this.keysVersion, orders });
    return orders;
  }

  touchPackage(pkg: SimPackage): void {
    pkg.updateTime = Math.max(pkg.updateTime, this.now());
    for (const order of this.ordersOf(pkg)) this.touch(order);
  }

  /** The order's status follows its packages once it is paid and not on hold or cancelled. */
  deriveShippingStatus(order: SimOrder): void {
    if (!['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION'].includes(order.status)) return;
    const live = this.packagesOf(order).filter((p) => p.status !== 'CANCELLED');
    const shipped = live.filter((p) => p.status !== 'TO_FULFILL').length;
    order.status = shipped === 0 ? 'AWAITING_SHIPMENT' : shipped < live.length ? 'PARTIALLY_SHIPPING' : 'AWAITING_COLLECTION';
  }

  pendingCancellation(order: SimOrder): SimCancellation | undefined {
    const c = order.pendingCancelId ? this.cancellations.get(order.pendingCancelId) : undefined;
    return c?.status === 'CANCELLATION_REQUEST_PENDING' ? c : undefined;
  }

  /** The platform's own clock at work: unanswered buyer requests past their deadline cancel the order. */
  tick(cancelOverdue: (c: SimCancellation) => void): void {
    const now = this.now();
    for (const c of this.cancellations.values()) {
      if (c.status === 'CANCELLATION_REQUEST_PENDING' && c.deadline !== undefined && c.deadline <= now) cancelOverdue(c);
    }
  }
}
