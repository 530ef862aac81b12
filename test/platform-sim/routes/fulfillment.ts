/** Ship one package, ship a batch, package detail, shipping documents, and doc_url downloads. */
import { CODES, PlatformError, refuse } from '../codes.js';
import { DOCUMENT_PATH } from '../documents.js';
import { PAGE_MM, type DocumentSize } from '../label-pdf.js';
import { applyShip, checkShippable, type ShipRequest } from '../lifecycle.js';
import type { SimPackage } from '../model.js';
import { packageJson } from '../serialize.js';
import type { Store } from '../store.js';
import { jsonBody, oneOf, RawAnswer, route, type CallContext, type Route } from './route.js';

const SCOPE = 'seller.fulfillment.basic';

interface ShipBody {
  id: unknown;
  handover_method: unknown;
  pickup_slot: unknown;
  self_shipment: unknown;
}

function shipRequest(body: Partial<ShipBody>): ShipRequest {
  const handoverMethod = oneOf(body.handover_method as string | undefined, ['PICKUP', 'DROP_OFF'] as const, 'DROP_OFF', 'handover_method');
  const self = body.self_shipment as { tracking_number?: unknown; shipping_provider_id?: unknown } | undefined;
  if (self === undefined) return { handoverMethod };
  if (typeof self !== 'object' || typeof self.tracking_number !== 'string' || !self.tracking_number || typeof self.shipping_provider_id !== 'string') {
    refuse('invalidParam', 'self_shipment needs tracking_number and shipping_provider_id.');
  }
  return { handoverMethod, selfShipment: { trackingNumber: self.tracking_number, shippingProviderId: self.shipping_provider_id } };
}

/** Counts the call, then ships: the counters are what the exactly-once tests read. */
function ship(ctx: CallContext, packageId: string, request: ShipRequest): void {
  const { store, observer } = ctx.platform;
  const pkg = ownPackage(store, ctx, packageId);
  observer.bump('shipCalls', pkg.id);
  checkShippable(store, pkg, request);
  applyShip(store, pkg, request, 'api');
  observer.bump('shipApplied', pkg.id);
}

function ownPackage(store: Store, ctx: CallContext, id: string): SimPackage {
  const pkg = store.package(id);
  if (pkg.shopCipher !== ctx.shop!.cipher) refuse('packageNotFound', `Package ${id}.`);
  return pkg;
}

function documentFor(ctx: CallContext): { doc_url: string; tracking_number: string } {
  const store = ctx.platform.store;
  const type = ctx.query.get('document_type');
  if (type !== 'SHIPPING_LABEL') refuse('invalidParam', 'document_type must be SHIPPING_LABEL (the only one simulated).');
  const size = oneOf(ctx.query.get('document_size'), Object.keys(PAGE_MM) as DocumentSize[], 'A6', 'document_size');
  const pkg = ownPackage(store, ctx, ctx.params.package_id!);
  const orders = store.ordersOf(pkg);
  if (pkg.status === 'CANCELLED') refuse('packageCancelled', `Package ${pkg.id}.`);
  if (orders[0]!.shippingType === 'SELLER') refuse('labelSellerShipping');
  if (pkg.status === 'TO_FULFILL') throw new PlatformError({ ...CODES.labelNotShipped, code: store.settings.labelNotShippedCode }, `Package ${pkg.id}.`);
  if (orders.some((o) => store.pendingCancellation(o))) refuse('labelAfterSale');
  if (pkg.labelGeneratingLeft > 0) {
    pkg.labelGeneratingLeft--;
    refuse('labelGenerating');
  }
  return { doc_url: ctx.platform.documents.issue(pkg, size, ctx.base), tracking_number: pkg.trackingNumber! };
}

export const fulfillmentRoutes: Route[] = [
  route('POST', '/fulfillment/202309/packages/{package_id}/ship', {
    scope: SCOPE,
    handle(ctx) {
      ship(ctx, ctx.params.package_id!, shipRequest(jsonBody<ShipBody>(ctx)));
      return {};
    },
  }),
  route('POST', '/fulfillment/202309/packages/ship', {
    scope: SCOPE,
    handle(ctx) {
      const packages = jsonBody<{ packages: unknown }>(ctx).packages;
      if (!Array.isArray(packages) || packages.length === 0) refuse('invalidParam', 'packages must be a non-empty array.');
      if (packages.length > ctx.platform.settings.batchShipLimit) refuse('batchTooLarge', `At most ${ctx.platform.settings.batchShipLimit}.`);
      const requests = packages.map((p: Partial<ShipBody>) => {
        if (!p || typeof p.id !== 'string') refuse('invalidParam', 'Every package needs an id.');
        return { id: p.id, request: shipRequest(p) };
      });
      const errors: { code: number; message: string; detail: { package_id: string } }[] = [];
      for (const { id, request } of requests) {
        try {
          ship(ctx, id, request);
        } catch (error) {
          if (!(error instanceof PlatformError)) throw error;
          errors.push({ code: error.answer.code, message: error.message, detail: { package_id: id } });
        }
      }
      return { errors };
    },
  }),
  route('GET', '/fulfillment/202309/packages/{package_id}', {
    scope: SCOPE,
    handle: (ctx) => packageJson(ctx.platform.store, ownPackage(ctx.platform.store, ctx, ctx.params.package_id!)),
  }),
  route('GET', '/fulfillment/202309/packages/{package_id}/shipping_documents', { scope: SCOPE, handle: documentFor }),
  {
    name: 'GET /labels/{token}.pdf',
    method: 'GET',
    pattern: DOCUMENT_PATH,
    kind: 'document',
    async handle(ctx) {
      const pdf = await ctx.platform.documents.download(ctx.params.token!);
      if (typeof pdf === 'string') return new RawAnswer(404, 'text/plain', pdf === 'expired' ? 'This document link has expired.' : 'No such document.');
      ctx.platform.observer.counters.labelDownloads++;
      return new RawAnswer(200, 'application/pdf', pdf);
    },
  },
];
