/**
 * Shipping documents: each shipping_documents call hands out a fresh doc_url that works for
 * settings.docUrlTtl seconds of platform time (24 h), then answers 404. The PDF of a package is
 * drawn once per size and kept.
 */
import { randomBytes } from 'node:crypto';
import { labelPdf, type DocumentSize } from './label-pdf.js';
import type { SimPackage } from './model.js';
import type { Store } from './store.js';

interface IssuedDocument {
  packageId: string;
  size: DocumentSize;
  expiresAt: number;
}

export const DOCUMENT_PATH = /^\/labels\/(?<token>[A-Za-z0-9_-]+)\.pdf$/;

export class Documents {
  private readonly issued = new Map<string, IssuedDocument>();
  private readonly pdfs = new Map<string, Promise<Uint8Array>>();

  constructor(private readonly store: Store) {}

  /** A new doc_url; drawing the PDF starts now, so the download finds it ready. */
  issue(pkg: SimPackage, size: DocumentSize, base: string): string {
    const token = randomBytes(18).toString('base64url');
    this.issued.set(token, { packageId: pkg.id, size, expiresAt: this.store.now() + this.store.settings.docUrlTtl });
    void this.pdf(pkg, size).catch(() => undefined);
    return `${base}/labels/${token}.pdf`;
  }

  /** The PDF behind a doc_url, or why not: 'unknown' or 'expired'. */
  async download(token: string): Promise<Uint8Array | 'unknown' | 'expired'> {
    const doc = this.issued.get(token);
    if (!doc) return 'unknown';
    if (doc.expiresAt <= this.store.now()) return 'expired';
    return this.pdf(this.store.package(doc.packageId), doc.size);
  }

  private pdf(pkg: SimPackage, size: DocumentSize): Promise<Uint8Array> {
    const key = `${pkg.id}/${size}/${pkg.trackingNumber}`;
    let pdf = this.pdfs.get(key);
    if (!pdf) {
      const first = this.store.ordersOf(pkg)[0]!;
      pdf = labelPdf(
        {
          trackingNumber: pkg.trackingNumber!,
          packageId: pkg.id,
          provider: first.shippingProvider,
          orders: this.store.ordersOf(pkg),
          lineItemIds: pkg.lineItemIds,
        },
        size,
      );
      this.pdfs.set(key, pdf);
    }
    return pdf;
  }
}
