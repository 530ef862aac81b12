/**
 * Shipping documents: only after ship and only for TikTok Shipping, "still generating" for the
 * first calls after ship, a doc_url served by the simulator for 24 h of platform time, and an A6
 * PDF whose Code 128, rasterised by pdfjs and read by zbarimg, is the tracking number.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPdfLabel } from '../../printer/platform/pdf-page.js';
import type { Simulator } from '../platform-sim/index.js';
import { decodedValues } from '../printer/oracles/zbar.js';
import { simWithClient, type TestClient } from './support.js';

let sim: Simulator;
let client: TestClient;
afterEach(async () => sim.close());

const OUTPUT = join(process.cwd(), 'test-output', 'platform-sim');
const MM_PER_PT = 25.4 / 72;

function newPackage(spec: Parameters<Simulator['controls']['addOrder']>[0] = {}): { orderId: string; packageId: string } {
  const order = sim.controls.addOrder({
    items: [
      { sellerSku: 'CASE-CLR-15', qty: 2 },
      { sellerSku: 'WCHG-15W', qty: 1 },
    ],
    shippingType: 'TIKTOK',
    ...spec,
  });
  return { orderId: order.id as string, packageId: (order.packages as { id: string }[])[0]!.id };
}

const ship = (packageId: string, body: object = {}) => client.call('POST', `/fulfillment/202309/packages/${packageId}/ship`, { body });
const documents = (packageId: string, size = 'A6') =>
  client.call('GET', `/fulfillment/202309/packages/${packageId}/shipping_documents`, { query: { document_type: 'SHIPPING_LABEL', document_size: size } });

/** The PDF's first page drawn at 8 dots/mm, written as PNG, read by zbarimg. */
async function barcodesOf(pdf: Uint8Array, name: string): Promise<string[]> {
  const width = 105 * 8;
  const height = 148 * 8;
  const png = new PNG({ width, height });
  png.data = Buffer.from(await renderPdfLabel(pdf, width, height));
  mkdirSync(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `${name}.png`);
  writeFileSync(file, PNG.sync.write(png));
  return decodedValues(file, 'CODE-128');
}

describe('shipping documents', () => {
  it('after the "still generating" answers, gives a doc_url whose A6 PDF barcode reads as the tracking number', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, settings: { labelGeneratingCalls: 2 } }));
    const { packageId } = newPackage();
    expect((await documents(packageId)).json.code).toBe(21023035);
    await ship(packageId);
    expect((await documents(packageId)).json.code).toBe(11034037);
    expect((await documents(packageId)).json.code).toBe(11034037);
    const reply = await documents(packageId);
    expect(reply.json.code).toBe(0);
    const { doc_url: url, tracking_number: tracking } = reply.json.data as { doc_url: string; tracking_number: string };
    expect(tracking).toBe(sim.controls.package(packageId).tracking_number);
    expect(url.startsWith(sim.apiBase)).toBe(true);

    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width * MM_PER_PT), Math.round(height * MM_PER_PT)]).toEqual([105, 148]);
    expect(await barcodesOf(pdf, 'label-a6')).toEqual([tracking]);
    expect(sim.controls.observer.counters.labelDownloads).toBe(1);
  });

  it('a doc_url works for 24 h of platform time, then answers 404; a new call gives a new one', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, settings: { labelGeneratingCalls: 0 } }));
    const { packageId } = newPackage();
    await ship(packageId);
    const url = (await documents(packageId)).json.data.doc_url as string;
    sim.controls.advance(24 * 3600 - 1);
    expect((await fetch(url)).status).toBe(200);
    sim.controls.advance(1);
    const expired = await fetch(url);
    expect([expired.status, await expired.text()]).toEqual([404, 'This document link has expired.']);
    const fresh = (await documents(packageId)).json.data.doc_url as string;
    expect(fresh).not.toBe(url);
    expect((await fetch(fresh)).status).toBe(200);
  });

  it('draws an A5 page when asked', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, settings: { labelGeneratingCalls: 0 } }));
    const { packageId } = newPackage();
    await ship(packageId);
    const pdf = await (await fetch((await documents(packageId, 'A5')).json.data.doc_url)).arrayBuffer();
    const { width } = (await PDFDocument.load(pdf)).getPage(0).getSize();
    expect(Math.round(width * MM_PER_PT)).toBe(148);
  });

  it('refuses seller-shipped packages, packages with an after-sale request, cancelled ones and other document types', async () => {
    ({ sim, client } = await simWithClient({ orders: 0, settings: { labelGeneratingCalls: 0 } }));
    const seller = newPackage({ shippingType: 'SELLER' });
    await ship(seller.packageId, { self_shipment: { tracking_number: 'RM1GB', shipping_provider_id: '1' } });
    expect((await documents(seller.packageId)).json.code).toBe(11034002);
    const asked = newPackage();
    await ship(asked.packageId);
    sim.controls.act(asked.orderId, 'request-cancel');
    expect((await documents(asked.packageId)).json.code).toBe(21021010);
    sim.controls.act(asked.orderId, 'cancel');
    expect((await documents(asked.packageId)).json.code).toBe(21023059);
    const other = await client.call('GET', `/fulfillment/202309/packages/${asked.packageId}/shipping_documents`, { query: { document_type: 'PACKING_SLIP' } });
    expect(other.json.code).toBe(36009001);
  });
});
