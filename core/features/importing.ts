import path from 'node:path';
import type { Handlers } from '../api/dispatch.js';
import { fail } from '../domain/errors.js';
import { parseCatalogueCsv } from '../import/catalogue.js';
import { parseOrderExport } from '../import/seller-center.js';
import { addBarcodes, findSkuBySellerSku, upsertSku } from '../store/catalogue-repo.js';
import { readTextFile } from './files.js';
import { applyImportedOrders } from './import-orders.js';
import { SkuResolver } from './sku-resolver.js';

export const importHandlers: Pick<Handlers, 'import.orders' | 'import.catalogue'> = {
  /** A file imports whole or not at all: any bad row refuses it, with every row's error listed. */
  'import.orders': (input, ctx) => {
    const parsed = parseOrderExport(readTextFile(input.path), {
      dateOrder: input.dateOrder,
      timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
    });
    if (parsed.errors.length > 0) {
      const first = parsed.errors[0]!;
      fail('IMPORT_INVALID', `${parsed.errors.length} problem(s) in ${path.basename(input.path)}, nothing imported. ${first.message}`, {
        errors: parsed.errors,
      });
    }
    const resolver = new SkuResolver(ctx.db, ctx.clock.now());
    const tally = ctx.db.transaction(() => applyImportedOrders(ctx, parsed.orders, resolver))();
    ctx.events.emit('progress', { task: 'import', done: parsed.orders.length, total: parsed.orders.length });
    if (tally.created + tally.updated > 0) ctx.events.emit('orders.changed', { orderIds: parsed.orders.map((o) => o.id) });
    return {
      file: input.path,
      rows: parsed.rowCount,
      orders: parsed.orders.length,
      ...tally,
      skusCreated: resolver.created,
      dateOrder: parsed.dateOrder,
      ignoredColumns: parsed.ignoredColumns,
      errors: [],
    };
  },
  'import.catalogue': (input, ctx) => {
    const parsed = parseCatalogueCsv(readTextFile(input.path));
    if (parsed.errors.length > 0) {
      const first = parsed.errors[0]!;
      fail('IMPORT_INVALID', `${parsed.errors.length} problem(s) in ${path.basename(input.path)}, nothing imported. ${first.message}`, {
        errors: parsed.errors,
      });
    }
    const now = ctx.clock.now();
    let created = 0;
    ctx.db.transaction(() => {
      for (const s of parsed.skus) {
        const existing = findSkuBySellerSku(ctx.db, s.sellerSku);
        if (!existing) created++;
        const id = existing?.id ?? s.sellerSku;
        upsertSku(
          ctx.db,
          {
            id,
            sellerSku: s.sellerSku,
            name: s.name || existing?.name || '',
            variation: s.variation || existing?.variation || '',
            bin: s.bin ?? existing?.bin ?? null,
            stockOnHand: s.stockOnHand ?? existing?.stockOnHand ?? 0,
            safetyStock: s.safetyStock ?? existing?.safetyStock ?? 0,
          },
          now,
        );
        addBarcodes(ctx.db, id, s.barcodes);
      }
    })();
    return { file: input.path, rows: parsed.rowCount, created, updated: parsed.skus.length - created, errors: [] };
  },
};
