import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { fileURLToPath } from 'node:url';
import { errorCode, freshCoreEachTest } from './support.js';

/** API the browser station needs: uploads instead of paths, label previews, shop settings. */
const core = freshCoreEachTest();
const EN = fileURLToPath(new URL('../../fixtures/seller-center/orders-en-dmy.csv', import.meta.url));

describe('import by upload', () => {
  it('imports the text a browser read, exactly as from a path', async () => {
    const c = core();
    const report = await c.call('import.orders', { upload: { fileName: 'OrderSKUList.csv', content: fs.readFileSync(EN, 'utf8') } });
    expect(report).toMatchObject({ file: 'OrderSKUList.csv', orders: 5, created: 5 });
    expect(await errorCode(c.call('import.orders', {}))).toBe('INVALID_INPUT');
    expect(await errorCode(c.call('import.orders', { path: EN, upload: { fileName: 'x.csv', content: '' } }))).toBe('INVALID_INPUT');
    const bad = await c.dispatch('import.catalogue', { upload: { fileName: 'c.csv', content: 'Seller SKU,Stock\nA,lots\n' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
  });
});

describe('printing.preview', () => {
  it('draws the label that would print, at the printer’s size in dots', async () => {
    const c = core();
    await c.call('import.orders', { path: EN });
    const p = await c.call('printing.preview', { orderId: '576462837465738291' });
    expect(p).toMatchObject({ widthDots: 800, heightDots: 1200, printer: 'Preview', source: 'PACKDESK' });
    const png = PNG.sync.read(Buffer.from(p.png, 'base64'));
    expect([png.width, png.height]).toEqual([800, 1200]);
    const test = await c.call('printing.preview', {});
    expect(test.source).toBe('TEST');
  });
});

describe('shop settings', () => {
  it('keeps the return address and puts it on the label', async () => {
    const c = core();
    expect((await c.call('settings.get', {})).sender.name).toBe('');
    const saved = await c.call('settings.set', {
      sender: { name: 'Lotus Gifts Ltd', address: '9 Dock Road', city: 'Leeds', postcode: 'LS1 1AA', country: 'United Kingdom' },
    });
    expect(saved.sender).toMatchObject({ name: 'Lotus Gifts Ltd', phone: '' });
    expect(saved.timeZoneOffsetMinutes).toBe(0);
    await c.call('import.orders', { path: EN });
    const zpl = Buffer.from((await c.call('printing.label', { orderId: '576462837465738291', language: 'zpl' })).base64, 'base64').toString('latin1');
    expect(zpl).toContain('Lotus Gifts Ltd');
    await c.call('settings.set', { scanner: { prefixes: ['#'], suffixes: [] } });
    expect((await c.call('settings.get', {})).scanner.prefixes).toEqual(['#']);
  });
});
