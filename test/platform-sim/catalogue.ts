/** The simulated shop's products and buyers: fixed data, so ids and names repeat across runs. */
import type { Address, Sku } from './model.js';

const sku = (n: number, sellerSku: string, productName: string, skuName: string, price: string): Sku => ({
  skuId: `17296543210${String(n).padStart(8, '0')}`,
  productId: `17296500000${String(Math.ceil(n / 2)).padStart(8, '0')}`,
  sellerSku,
  productName,
  skuName,
  price,
});

const CASE_CLR_15 = sku(1, 'CASE-CLR-15', 'Clear Phone Case iPhone 15', 'Clear, iPhone 15', '7.99');
const SCRN_15_2PK = sku(10, 'SCRN-15-2PK', 'Tempered Glass Screen Protector', 'iPhone 15, 2 pack', '6.49');

export const CATALOGUE: readonly Sku[] = [
  CASE_CLR_15,
  sku(2, 'CASE-CLR-15P', 'Clear Phone Case iPhone 15', 'Clear, iPhone 15 Pro', '7.99'),
  sku(3, 'CASE-BLK-15', 'Matte Phone Case iPhone 15', 'Black, iPhone 15', '8.49'),
  sku(4, 'STRAP-BLK', 'Silicone Watch Strap 41mm', 'Black', '5.99'),
  sku(5, 'STRAP-PNK', 'Silicone Watch Strap 41mm', 'Pink', '5.99'),
  sku(6, 'CHG-20W-UK', '20W USB-C Charger', 'UK plug', '12.99'),
  sku(7, 'CHG-20W-EU', '20W USB-C Charger', 'EU plug', '12.99'),
  sku(8, 'CBL-C2C-1M', 'USB-C to USB-C Cable', '1 m, white', '4.99'),
  sku(9, 'CBL-C2C-2M', 'USB-C to USB-C Cable', '2 m, white', '5.99'),
  SCRN_15_2PK,
  sku(11, 'RING-LED-10', 'LED Ring Light 10 inch', 'With tripod', '19.99'),
  sku(12, 'WCHG-15W', '无线充电器 Wireless Charger 15W', '白色 White', '14.99'),
  sku(13, 'EAR-TWS-W', 'Wireless Earbuds', 'White', '24.99'),
  sku(14, 'EAR-TWS-B', 'Wireless Earbuds', 'Black', '24.99'),
  sku(15, 'STND-ALU', 'Aluminium Phone Stand', 'Silver', '9.99'),
  sku(16, 'GRIP-POP-M', 'Phone Grip', 'Marble', '3.99'),
  sku(17, 'CAM-LENS-15', 'Camera Lens Protector', 'iPhone 15', '4.49'),
  sku(18, 'BAG-CROSS-B', 'Crossbody Phone Bag', 'Black', '15.99'),
  {
    ...sku(19, 'BNDL-CASE-SCRN', 'iPhone 15 Protection Bundle', 'Case + 2 screen protectors', '12.99'),
    bundle: [
      { sku: CASE_CLR_15, count: 1 },
      { sku: SCRN_15_2PK, count: 1 },
    ],
  },
];

export const BUYERS: readonly Address[] = [
  {
    name: 'Jane Doe',
    phone: '447700900123',
    regionCode: 'GB',
    postalCode: 'NW1 6XE',
    state: 'England',
    city: 'London',
    line1: '221B Baker Street',
    line2: 'Flat 2',
  },
  { name: 'Tom Baker', phone: '447700900456', regionCode: 'GB', postalCode: 'M1 1AE', state: 'England', city: 'Manchester', line1: '14 Piccadilly', line2: '' },
  {
    name: 'Aisha Khan',
    phone: '447700900789',
    regionCode: 'GB',
    postalCode: 'B1 1BB',
    state: 'England',
    city: 'Birmingham',
    line1: '3 New Street',
    line2: 'Unit 5',
  },
  {
    name: 'Liam Murphy',
    phone: '447700900321',
    regionCode: 'GB',
    postalCode: 'EH1 1YZ',
    state: 'Scotland',
    city: 'Edinburgh',
    line1: '8 Royal Mile',
    line2: '',
  },
  {
    name: 'Sofia Rossi',
    phone: '447700900654',
    regionCode: 'GB',
    postalCode: 'CF10 1EP',
    state: 'Wales',
    city: 'Cardiff',
    line1: '22 Queen Street',
    line2: '',
  },
  { name: 'Chen Wei', phone: '447700900987', regionCode: 'GB', postalCode: 'LS1 4AP', state: 'England', city: 'Leeds', line1: '5 Park Row', line2: 'Floor 3' },
];

export const BUYER_MESSAGES: readonly string[] = ['', '', '', 'Please pack carefully', 'Gift, no invoice please', '请尽快发货 please ship fast'];

export const SELLER_PROVIDERS = [{ id: '6617675021119438849', name: 'Royal Mail' }] as const;
export const TIKTOK_PROVIDER = { id: '7117858858072016686', name: 'J&T Express' } as const;
