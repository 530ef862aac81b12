/**
 * What the documents Packdesk prints are made from. The core fills these from orders and
 * settings; the printer module lays them out. Plain data, so printer/ needs nothing from core/.
 */
export interface Address {
  name: string;
  phone: string;
  /** Street, house number, unit. */
  address: string;
  district: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
}

export interface ShippingLabelData {
  orderId: string;
  /** Empty until the platform assigns one: the label then carries the order id as its barcode. */
  trackingNumber: string;
  packageId: string;
  carrier: string;
  deliveryOption: string;
  recipient: Address;
  /** Sender / return address from the shop's settings. */
  sender: Address;
  contents: { sellerSku: string; name: string; variation: string; qty: number }[];
  weightKg: number | null;
  /** When the label is printed (epoch ms), shown as a date in the shop's time zone. */
  printedAt: number;
  timeZoneOffsetMinutes: number;
  station: string;
}

export interface PickListPrintData {
  title: string;
  printedAt: number;
  timeZoneOffsetMinutes: number;
  station: string;
  rows: { bin: string | null; sellerSku: string; name: string; variation: string; qty: number; orderIds: string[] }[];
}

export interface SkuLabelData {
  sellerSku: string;
  name: string;
  variation: string;
  /** What the barcode encodes: the SKU's barcode, or the seller SKU when it has none. */
  barcode: string;
}

/** What goes in the parcel with the goods: the order, its items with bins, the buyer's message. */
export interface PackingSlipData {
  orderId: string;
  trackingNumber: string;
  /** The shop, from its settings (the sender's name). */
  shopName: string;
  recipientName: string;
  /** City and country, so the packer can tell parcels apart; never the full address. */
  destination: string;
  items: { sellerSku: string; name: string; variation: string; qty: number; bin: string | null }[];
  buyerMessage: string;
  printedAt: number;
  timeZoneOffsetMinutes: number;
  station: string;
}
