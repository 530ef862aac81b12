import type { CoreContext } from '../api/context.js';
import type { ImportReport } from '../api/views.js';
import { mergePlatformOrder, sameOrder } from '../domain/platform-merge.js';
import { platformMayMove } from '../domain/status.js';
import type { ImportedOrder } from '../import/types.js';
import { getOrder, insertOrder, updateOrder } from '../store/orders-repo.js';
import { cancellationAnswered } from '../store/outbox.js';
import type { SkuResolver } from './sku-resolver.js';

type Tally = Pick<ImportReport, 'created' | 'updated' | 'unchanged' | 'keptLocal'>;

/**
 * Writes parsed orders (inside the caller's write step). Re-importing the same or an older file
 * changes nothing that happened here: a status only moves forward, packing is kept.
 */
export function applyImportedOrders(ctx: CoreContext, orders: readonly ImportedOrder[], resolver: SkuResolver): Tally {
  const now = ctx.clock.now();
  const tally: Tally = { created: 0, updated: 0, unchanged: 0, keptLocal: 0 };
  orders.forEach((f, i) => {
    const skuIds = f.lines.map((l) => resolver.resolve(l));
    const local = getOrder(ctx.db, f.id);
    if (!local) {
      insertOrder(ctx.db, mergePlatformOrder(f, null, skuIds, false, now));
      tally.created++;
    } else if (!platformMayMove(local, f.status)) {
      tally.keptLocal++;
    } else {
      const next = mergePlatformOrder(f, local, skuIds, cancellationAnswered(ctx.db, f.id), now);
      if (sameOrder(next, local)) tally.unchanged++;
      else {
        updateOrder(ctx.db, local, next, now);
        tally.updated++;
      }
    }
    if ((i + 1) % 2000 === 0) ctx.events.emit('progress', { task: 'import', done: i + 1, total: orders.length });
  });
  return tally;
}
