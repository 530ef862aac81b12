import type { ImportedOrder } from '../import/types.js';
import { findSkuBySellerSku, getSku, upsertSku } from '../store/catalogue-repo.js';
import type { Db } from '../store/db.js';

/**
 * Maps an order line to the catalogue SKU it names: by seller SKU first (what the seller
 * labels and bins by), then by platform SKU id. A SKU seen for the first time is created
 * from the order with no bin, so the pick list shows it needs one.
 */
export class SkuResolver {
  private readonly cache = new Map<string, string>();
  created = 0;

  constructor(
    private readonly db: Db,
    private readonly now: number,
  ) {}

  resolve(line: ImportedOrder['lines'][number]): string {
    const key = `${line.sellerSku.toUpperCase()}\u0000${line.skuId}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const found = (line.sellerSku ? findSkuBySellerSku(this.db, line.sellerSku) : null) ?? getSku(this.db, line.skuId);
    let id = found?.id;
    if (!id) {
      id = line.skuId;
      upsertSku(
        this.db,
        { id, sellerSku: line.sellerSku || line.skuId, name: line.productName, variation: line.variation, bin: null, stockOnHand: 0, safetyStock: 0 },
        this.now,
      );
      this.created++;
    }
    this.cache.set(key, id);
    return id;
  }
}
