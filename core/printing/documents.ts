import { shippingLabel } from '../../printer/documents/shipping-label.js';
import { encodeEscpos } from '../../printer/encoders/escpos.js';
import { encodeTspl } from '../../printer/encoders/tspl.js';
import { encodeZpl } from '../../printer/encoders/zpl.js';
import type { ShippingLabelData } from '../../printer/documents/types.js';
import type { Label, PrinterProfile } from '../../printer/label/model.js';
import { bitmapToPng } from '../../printer/label/png.js';
import { rasterise } from '../../printer/label/rasterise.js';
import { platformLabelBitmap } from '../../printer/platform/platform-label.js';
import type { CoreContext } from '../api/context.js';
import { fail, missingCase } from '../domain/errors.js';
import type { Order } from '../domain/types.js';
import { shopSettings } from '../features/shop-settings.js';
import { packagesOfOrder } from '../store/packages-repo.js';
import { platformLabel } from '../store/printers-repo.js';
import { readLabelFile } from '../sync/label-files.js';
import { profileOf } from './printers.js';
import type { SavedPrinter } from './types.js';

/** What Packdesk's own label shows for an order, with the sender from the shop's settings. */
export function shippingLabelData(ctx: CoreContext, order: Order, station: string): ShippingLabelData {
  const shop = shopSettings(ctx.db);
  return {
    orderId: order.id,
    trackingNumber: order.trackingNumber,
    packageId: order.packageId,
    carrier: order.carrier,
    deliveryOption: order.deliveryOption,
    recipient: { ...order.recipient },
    sender: shop.sender,
    contents: order.lines.map((l) => ({ sellerSku: l.sellerSku, name: l.productName, variation: l.variation, qty: l.quantity })),
    weightKg: order.weightKg,
    printedAt: ctx.clock.now(),
    timeZoneOffsetMinutes: shop.timeZoneOffsetMinutes,
    station,
  };
}

/**
 * The platform's label for an order's package: the package named, else the order's first package
 * with one (downloaded by the sync or attached by hand), else one attached to the order before
 * packages existed. Null when the platform gives none (seller shipping, CSV-only shops).
 */
export function platformLabelFor(ctx: CoreContext, orderId: string, packageId?: string): { kind: 'pdf' | 'png'; content: Uint8Array } | null {
  const packages = packagesOfOrder(ctx.db, orderId);
  const pkg = packageId ? packages.find((p) => p.id === packageId) : packages.find((p) => p.label !== null);
  if (pkg?.label) return { kind: pkg.label.kind, content: readLabelFile(ctx.dataDir, pkg.label.sha256, pkg.label.kind) };
  return platformLabel(ctx.db, orderId);
}

/**
 * The package a label for the order is (and is journaled as): the one named, else the package
 * whose platform label platformLabelFor picks, else the order's first. Null for an order without
 * packages (none since migration 006, but a job never fails for want of one).
 */
export function labelPackageId(ctx: CoreContext, orderId: string, packageId?: string): string | null {
  if (packageId) return packageId;
  const packages = packagesOfOrder(ctx.db, orderId);
  return (packages.find((p) => p.label !== null) ?? packages[0])?.id ?? null;
}

export const PLATFORM_LABEL_MISSING_MESSAGE = 'The TikTok label is not here yet: shipment must be arranged and the label downloaded (needs the internet).';

/**
 * Whether the order (or the package named) ships with TikTok Shipping and its platform label is not
 * stored yet. Such a parcel must wait for the platform's label: the carrier cannot scan ours.
 */
export function awaitsPlatformLabel(ctx: CoreContext, orderId: string, packageId?: string): boolean {
  if (platformLabelFor(ctx, orderId, packageId)) return false;
  const packages = packagesOfOrder(ctx.db, orderId);
  return (packageId ? packages.filter((p) => p.id === packageId) : packages).some((p) => p.shippingType === 'TIKTOK');
}

export function refuseWithoutPlatformLabel(ctx: CoreContext, orderId: string, packageId?: string): void {
  if (awaitsPlatformLabel(ctx, orderId, packageId))
    fail('PLATFORM_LABEL_MISSING', PLATFORM_LABEL_MISSING_MESSAGE, { orderId, ...(packageId ? { packageId } : {}) });
}

/**
 * The label for an order (or one of its packages): the platform's own when there is one, scaled
 * onto the printer's stock as a bitmap; otherwise the label Packdesk draws from the order — only
 * for parcels the platform gives no label for (seller shipping, CSV imports): a TikTok-shipped
 * package without its label is refused (PLATFORM_LABEL_MISSING).
 */
export async function shippingLabelFor(ctx: CoreContext, order: Order, printer: SavedPrinter, station: string, packageId?: string): Promise<Label> {
  const cached = platformLabelFor(ctx, order.id, packageId);
  if (cached) {
    const bitmap = await platformLabelBitmap(cached.content, profileOf(printer));
    return { stock: printer.stock, elements: [{ kind: 'image', x: 0, y: 0, bitmap }] };
  }
  refuseWithoutPlatformLabel(ctx, order.id, packageId);
  return shippingLabel(shippingLabelData(ctx, order, station), printer.stock);
}

export function encodeLabel(label: Label, profile: PrinterProfile): Uint8Array {
  switch (profile.language) {
    case 'zpl':
      return encodeZpl(label, profile);
    case 'escpos':
      return encodeEscpos(label, profile);
    case 'tspl':
      return encodeTspl(label, profile);
    default:
      return missingCase(profile.language);
  }
}

/** A picture of the label as it will print, for the preview printer and the screens. */
export function labelPng(label: Label, profile: PrinterProfile): Uint8Array {
  return bitmapToPng(rasterise(label, profile));
}
