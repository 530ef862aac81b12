import { aliasIndex, type ColumnSpec } from './columns.js';

/**
 * Columns of the Seller Center order export ("OrderSKUList"), by the names markets use for them.
 * The first alias of each field is the English Seller Center name, which the exporter writes.
 */
export const ORDER_FIELDS = [
  'orderId',
  'status',
  'substatus',
  'cancelType',
  'skuId',
  'sellerSku',
  'productName',
  'variation',
  'quantity',
  'createdAt',
  'paidAt',
  'rtsAt',
  'shippedAt',
  'deliveredAt',
  'cancelledAt',
  'cancelReason',
  'trackingNumber',
  'packageId',
  'deliveryOption',
  'carrier',
  'buyerMessage',
  'buyerUsername',
  'name',
  'phone',
  'postcode',
  'country',
  'state',
  'city',
  'district',
  'address',
  'weightKg',
  'sellerNote',
  'shipBy',
  'collectBy',
] as const;

export type OrderField = (typeof ORDER_FIELDS)[number];

const A: Record<OrderField, readonly string[]> = {
  orderId: ['Order ID', 'Order Number', 'Order No', '订单号', '订单编号', '订单ID'],
  status: ['Order Status', 'Status', '订单状态'],
  substatus: ['Order Substatus', 'Order Sub Status', 'Substatus', '订单子状态', '子状态'],
  cancelType: [
    'Cancelation/Return Type',
    'Cancellation/Return Type',
    'Cancel/Return Type',
    'Cancellation Type',
    '取消/退货类型',
    '取消/退货退款类型',
    '取消类型',
    '售后类型',
  ],
  skuId: ['SKU ID', 'SKU编号'],
  sellerSku: ['Seller SKU', 'Seller SKU ID', '卖家SKU', '商家SKU', '商家编码'],
  productName: ['Product Name', 'Item Name', 'Product', '商品名称', '产品名称', '商品名'],
  variation: ['Variation', 'Variation Name', 'Variant', '规格', '变体', '商品规格', '规格/变体', 'SKU属性'],
  quantity: ['Quantity', 'Qty', 'SKU Quantity', '数量', '商品数量', '购买数量'],
  createdAt: ['Created Time', 'Create Time', 'Order Created Time', 'Order Create Time', '创建时间', '下单时间', '订单创建时间'],
  paidAt: ['Paid Time', 'Payment Time', 'Order Paid Time', '付款时间', '支付时间'],
  rtsAt: ['RTS Time', 'Ready To Ship Time', 'RTS时间', '备货完成时间'],
  shippedAt: ['Shipped Time', 'Ship Time', '发货时间'],
  deliveredAt: ['Delivered Time', '签收时间', '送达时间'],
  cancelledAt: ['Cancelled Time', 'Canceled Time', 'Cancel Time', 'Cancellation Time', '取消时间'],
  cancelReason: ['Cancel Reason', 'Cancellation Reason', '取消原因'],
  trackingNumber: ['Tracking ID', 'Tracking Number', 'Tracking No', '运单号', '物流单号', '追踪号', '跟踪号'],
  packageId: ['Package ID', '包裹ID', '包裹号', '包裹编号'],
  deliveryOption: ['Delivery Option', 'Shipping Option', '配送方式', '物流方式', '配送选项'],
  carrier: ['Shipping Provider Name', 'Shipping Provider', 'Carrier', 'Logistics Provider', '物流商', '物流服务商', '承运商', '物流公司'],
  buyerMessage: ['Buyer Message', 'Buyer Note', '买家留言', '买家备注'],
  buyerUsername: ['Buyer Username', 'Buyer Nickname', '买家用户名', '买家昵称'],
  name: ['Recipient', 'Recipient Name', 'Receiver', 'Receiver Name', '收件人', '收货人', '收件人姓名', '收货人姓名'],
  phone: ['Phone #', 'Phone', 'Phone Number', 'Recipient Phone', 'Mobile', 'Tel', '电话', '手机号', '手机号码', '联系电话', '收件人电话'],
  postcode: ['Zipcode', 'Zip Code', 'Zip', 'Postcode', 'Postal Code', '邮编', '邮政编码'],
  country: ['Country', 'Country/Region', '国家', '国家/地区'],
  // "Region" is last: where a market has both Region and Province, the province is the useful one.
  state: ['State/Province', 'State', 'Province', 'County', 'Region', '省/州', '省份', '省', '州'],
  city: ['City', 'Town', 'City/Town', '城市', '市'],
  district: ['Districts', 'District', 'Suburb', 'Barangay', '区/县', '区', '县'],
  address: [
    'Detail Address',
    'Detailed Address',
    'Address',
    'Street Address',
    'Street',
    'Street Name',
    'Address Line 1',
    'Address Line 2',
    'Address Line 3',
    'Additional Address Information',
    'House Name/Number',
    'House Name or Number',
    'House Number',
    'House Name',
    '详细地址',
    '地址',
    '街道',
    '街道地址',
    '地址1',
    '地址2',
    '门牌号',
  ],
  weightKg: ['Weight(kg)', 'Weight', 'Package Weight', 'Package Weight(kg)', '重量(kg)', '重量', '包裹重量'],
  sellerNote: ['Seller Note', 'Seller Notes', 'Seller Memo', 'Seller Remark', '卖家备注', '商家备注'],
  shipBy: ['Shipping Due Time', 'Ship By', 'Ship By Date', 'Latest Ship Time', 'Shipping Deadline', '最晚发货时间', '发货截止时间'],
  collectBy: ['Collection Due Time', 'Collect By', 'Latest Collection Time', '揽收截止时间', '最晚揽收时间'],
};

const SPECS: ColumnSpec<OrderField>[] = ORDER_FIELDS.map((field) => ({
  field,
  aliases: A[field],
  // Address parts spread over several columns in some markets; they are joined in file order.
  multi: field === 'address',
}));

export const ORDER_ALIASES = aliasIndex(SPECS);

export function englishColumnName(field: OrderField): string {
  return A[field][0]!;
}

export const DATE_FIELDS = ['createdAt', 'paidAt', 'rtsAt', 'shippedAt', 'deliveredAt', 'cancelledAt', 'shipBy', 'collectBy'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/**
 * Fields that belong to the order, not to one line or package: two rows of one order must agree
 * on them. Tracking, package, carrier, weight and shipping times may differ per package when an
 * order is split, and cancel time and reason per line (a buyer may cancel or return one item),
 * so for those the first value given wins.
 */
export const ORDER_LEVEL_FIELDS = [
  'status',
  'createdAt',
  'paidAt',
  'buyerUsername',
  'buyerMessage',
  'sellerNote',
  'name',
  'phone',
  'postcode',
  'country',
  'state',
  'city',
  'district',
  'address',
] as const satisfies readonly OrderField[];
