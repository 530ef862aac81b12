import type { Sku } from '../domain/types.js';
import type { Rng } from './rng.js';

const PRODUCTS: [string, string, string[]][] = [
  ['EB', 'Wireless Earbuds Pro', ['Black', 'White']],
  ['PB', 'Power Bank 10000mAh', ['Black', 'Pink']],
  ['PC', 'Phone Case MagSafe', ['iPhone 15 / Clear', 'iPhone 15 Pro / Clear', 'iPhone 16 / Black']],
  ['LL', 'LED Strip Lights 5m', ['RGB', 'Warm White']],
  ['YM', 'Yoga Mat 6mm', ['Purple', 'Grey']],
  ['WB', 'Insulated Water Bottle 750ml', ['Sage', 'Navy', 'Sand']],
  ['HC', 'Hair Claw Clips (4 pcs)', ['Tortoise', 'Matte Black']],
  ['SC', 'Silk Scrunchies (6 pcs)', ['Pastel', 'Neutral']],
  ['LB', 'Lip Balm Set 护唇膏', ['Berry', 'Honey']],
  ['MK', 'Mechanical Keyboard 68 Keys', ['Red Switch', 'Brown Switch']],
  ['MP', 'Mouse Pad XL 800×300', ['Black']],
  ['TS', 'Oversized Cotton T-Shirt', ['S / White', 'M / White', 'L / Black', 'XL / Black']],
  ['SK', 'Crew Socks (5 pairs) 中筒袜', ['EU 36-40', 'EU 41-45']],
  ['PL', 'Mini Projector 1080p', ['White']],
  ['RL', 'Ring Light 10"', ['with Tripod']],
  ['ST', 'Phone Stand Aluminium', ['Silver', 'Space Grey']],
];

function ean13(rng: Rng): string {
  const body = `69${String(rng.int(0, 9_999_999_999)).padStart(10, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

/** Forty SKUs with bins along three aisles, EAN-13 barcodes, and two still without a bin. */
export function demoCatalogue(rng: Rng): Sku[] {
  const skus: Sku[] = [];
  for (const [prefix, name, variations] of PRODUCTS) {
    variations.forEach((variation, v) => {
      const n = skus.length;
      const sellerSku = `${prefix}-${variation
        .replace(/[^A-Za-z0-9]+/g, '')
        .toUpperCase()
        .slice(0, 8)}-${v + 1}`;
      skus.push({
        id: String(1729000000000000000n + BigInt(n * 7919 + 13)),
        sellerSku,
        name,
        variation,
        bin: `${'ABC'[n % 3]}-${Math.floor(n / 3) + 1}-${String(((n * 7) % 12) + 1).padStart(2, '0')}`,
        stockOnHand: rng.int(0, 240),
        safetyStock: rng.int(2, 10),
        barcodes: [ean13(rng)],
      });
    });
  }
  while (skus.length < 40) {
    const n = skus.length;
    skus.push({
      id: String(1729000000000000000n + BigInt(n * 7919 + 13)),
      sellerSku: `GIFT-${n}`,
      name: n % 2 ? 'Gift Wrap Bag' : 'Thank-you Card 感谢卡',
      variation: n % 2 ? 'Small' : 'Standard',
      bin: n >= 38 ? null : `D-${n - 33}`,
      stockOnHand: rng.int(20, 500),
      safetyStock: 5,
      barcodes: n >= 38 ? [] : [ean13(rng)],
    });
  }
  return skus;
}
