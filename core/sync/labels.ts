/**
 * The platform's shipping labels, downloaded as soon as they exist: after a package is shipped
 * the label is asked for (the platform may still be generating it: asked again shortly), its
 * doc_url downloaded at once (it lives 24 h), stored in the data folder and attached to the
 * package. Packages the platform gives no label for (seller shipping) are not asked again.
 */
import { PackdeskError } from '../domain/errors.js';
import { getOrder, updateOrder } from '../store/orders-repo.js';
import { attachPackageLabel, labelNotYet, packagesNeedingLabels, type StoredPackage } from '../store/packages-repo.js';
import type { FetchedLabel, PlatformGateway } from './gateway.js';
import { saveLabelFile } from './label-files.js';
import type { SyncSteps } from './steps.js';

export interface LabelResult {
  fetched: string[];
  /** Still being generated, or not reachable now: asked again later. */
  later: string[];
  /** The platform has no label for these (seller shipping, cancelled, after-sale). */
  none: string[];
}

/** Labels asked for per cycle, so a first sync of a large shop does not hold the cycle for minutes. */
export const LABELS_PER_CYCLE = 60;
/** While the platform is generating a label: ask again after these waits in the same cycle. */
export const NOT_READY_WAITS_MS = [1_000, 2_000, 4_000];

/** Label refusals that may pass: not shipped yet (21023035, 21042104), an after-sale request open (21021010). */
const LATER_CODES: readonly number[] = [21023035, 21042104, 21021010];

function laterDelay(attempt: number): number {
  return Math.min(10 * 60_000, 15_000 * 2 ** attempt);
}

async function fetchOne(steps: SyncSteps, gateway: PlatformGateway, pkg: StoredPackage): Promise<'fetched' | 'not-ready' | 'later' | 'none'> {
  let label: FetchedLabel;
  try {
    label = await gateway.fetchLabel(pkg.id);
  } catch (err) {
    if (!(err instanceof PackdeskError)) throw err;
    if (err.code === 'PLATFORM_LABEL_NOT_READY') return 'not-ready';
    if (err.code === 'PLATFORM_REJECTED') {
      // Not shipped yet, or an after-sale request open: a label may come later. Anything else: none will.
      const code = (err.details as { platformCode?: number } | undefined)?.platformCode ?? 0;
      const later = LATER_CODES.includes(code) ? steps.clock.now() + laterDelay(pkg.labelAttempts) : null;
      await steps.write(() => labelNotYet(steps.db, pkg.id, err.message, later, steps.clock.now()));
      return later === null ? 'none' : 'later';
    }
    throw err;
  }
  const sha = await saveLabelFile(steps.dataDir, label.pdf, 'pdf');
  const changed = await steps.write(() => {
    const now = steps.clock.now();
    attachPackageLabel(steps.db, pkg.id, { sha256: sha, kind: 'pdf', source: 'PLATFORM', fetchedAt: now }, label.trackingNumber, now);
    // The platform's tracking number replaces a local one on the orders of a single-package parcel.
    const ids: string[] = [];
    for (const orderId of pkg.orderIds) {
      const order = getOrder(steps.db, orderId);
      if (!order || !label.trackingNumber || order.trackingNumber === label.trackingNumber || order.packageId !== pkg.id) continue;
      updateOrder(steps.db, order, { ...order, trackingNumber: label.trackingNumber }, now);
      ids.push(orderId);
    }
    return ids;
  });
  if (changed.length) steps.ordersChanged(changed);
  return 'fetched';
}

/** Fetches missing labels; `only` limits it to these packages (arrange-ahead). Stops (throws) when the platform is out of reach. */
export async function fetchMissingLabels(steps: SyncSteps, gateway: PlatformGateway, only?: ReadonlySet<string>): Promise<LabelResult> {
  const result: LabelResult = { fetched: [], later: [], none: [] };
  let todo = packagesNeedingLabels(steps.db, steps.clock.now(), only ? 10_000 : LABELS_PER_CYCLE).filter((p) => !only || only.has(p.id));
  for (let round = 0; todo.length > 0; round++) {
    const notReady: StoredPackage[] = [];
    for (const pkg of todo) {
      const outcome = await fetchOne(steps, gateway, pkg);
      if (outcome === 'fetched') result.fetched.push(pkg.id);
      else if (outcome === 'none') result.none.push(pkg.id);
      else if (outcome === 'later') result.later.push(pkg.id);
      else notReady.push(pkg);
    }
    const wait = NOT_READY_WAITS_MS[round];
    if (notReady.length === 0 || wait === undefined) {
      if (notReady.length) {
        await steps.write(() => {
          for (const p of notReady)
            labelNotYet(steps.db, p.id, 'TikTok Shop is still generating the label', steps.clock.now() + laterDelay(round), steps.clock.now());
        });
        result.later.push(...notReady.map((p) => p.id));
      }
      break;
    }
    await steps.sleep(wait);
    todo = notReady;
  }
  return result;
}
