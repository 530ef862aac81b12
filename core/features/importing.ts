import path from 'node:path';
import type { Handlers } from '../api/dispatch.js';
import { fail } from '../domain/errors.js';
import { parseCatalogueCsv } from '../import/catalogue.js';
import { parseOrderExport } from '../import/seller-center.js';
import { addBarcodes, findSkuBySellerSku, upsertSku } from '../store/catalogue-repo.js';
import type { RowError, WrongKind } from '../import/types.js';
import { readTextFile, uploadedText } from './files.js';
import { applyImportedOrders } from './import-orders.js';
import { SkuResolver } from './sku-resolver.js';

/** The file's text from a path (CLI, Electron) or from an upload (the browser station). */
async function fileOf(input: {
  path?: string | undefined;
  upload?: { fileName: string; content: string } | undefined;
}): Promise<{ name: string; text: string }> {
  if (input.upload) return { name: input.upload.fileName, text: uploadedText(input.upload.fileName, input.upload.content) };
  return { name: path.basename(input.path!), text: await readTextFile(input.path!) };
}

/** A refusal lists at most this many rows: the first ones show what to fix. */
const MAX_LISTED_ERRORS = 1_000;

/** Throws for a file that must not be imported: the wrong kind, or any problem in any row. */
function refuseUnlessClean(name: string, parsed: { errors: RowError[]; wrongKind: WrongKind | null }): void {
  if (parsed.wrongKind) fail('IMPORT_WRONG_KIND', `${name}: ${parsed.wrongKind.message}`, { looksLike: parsed.wrongKind.looksLike });
  if (parsed.errors.length === 0) return;
  fail('IMPORT_INVALID', `${parsed.errors.length} problem(s) in ${name}, nothing imported. ${parsed.errors[0]!.message}`, {
    errors: parsed.errors.slice(0, MAX_LISTED_ERRORS),
    total: parsed.errors.length,
  });
}

export const importHandlers: Pick<Handlers, 'import.orders' | 'import.catalogue'> = {
  /** A file imports whole or not at all: any bad row refuses it, its errors listed (the first 1,000). */
  'import.orders': async (input, ctx) => {
    const file = await fileOf(input);
    const parsed = parseOrderExport(file.text, {
      dateOrder: input.dateOrder,
      timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
    });
    refuseUnlessClean(file.name, parsed);
    // One write step; the resolver is made inside it, so a step run again starts afresh.
    const { tally, skusCreated } = await ctx.write(() => {
      const resolver = new SkuResolver(ctx.db, ctx.clock.now());
      return { tally: applyImportedOrders(ctx, parsed.orders, resolver), skusCreated: resolver.created };
    });
    ctx.events.emit('progress', { task: 'import', done: parsed.orders.length, total: parsed.orders.length });
    if (tally.created + tally.updated > 0) ctx.events.emit('orders.changed', { orderIds: parsed.orders.map((o) => o.id) });
    return {
      file: file.name,
      rows: parsed.rowCount,
      orders: parsed.orders.length,
      ...tally,
      skusCreated,
      dateOrder: parsed.dateOrder,
      ignoredColumns: parsed.ignoredColumns,
      errors: [],
      warnings: parsed.warnings,
    };
  },
  'import.catalogue': async (input, ctx) => {
    const file = await fileOf(input);
    const parsed = parseCatalogueCsv(file.text);
    refuseUnlessClean(file.name, parsed);
    const now = ctx.clock.now();
    const created = await ctx.write(() => {
      let created = 0;
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
      return created;
    });
    return { file: file.name, rows: parsed.rowCount, created, updated: parsed.skus.length - created, errors: [], warnings: parsed.warnings };
  },
};
