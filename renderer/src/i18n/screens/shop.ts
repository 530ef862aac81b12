import type { ShopSettings } from '../../../../core/api/views.js';

/**
 * The shop section of the Settings screen, English: the source of its keys. Spread into en.ts;
 * shopZh must have the same keys.
 */
export const shopEn = {
  'shop.title': 'Shop settings (all stations)',
  'shop.hint': 'Kept at the station and shared by every packing bench. Changes apply when you press Save.',
  'shop.loading': 'Loading the shop settings…',
  'shop.loadFailed': 'The shop settings could not be loaded.',
  'shop.saveFailed': 'The shop settings were not saved.',
  'shop.retry': 'Try again',
  'shop.save': 'Save shop settings',
  'shop.saving': 'Saving…',
  'shop.saved': 'Saved.',

  'shop.sender.title': 'Return address',
  'shop.sender.hint': 'Printed as the sender on every shipping label Packdesk makes.',
  'shop.sender.name': 'Shop or sender name',
  'shop.sender.phone': 'Phone',
  'shop.sender.address': 'Street address',
  'shop.sender.district': 'District',
  'shop.sender.city': 'City',
  'shop.sender.state': 'State / province',
  'shop.sender.postcode': 'Postcode',
  'shop.sender.country': 'Country',

  'shop.packing.title': 'When an order is complete',
  'shop.packing.autoPrint': 'Print its shipping label',
  'shop.packing.autoShip': 'Then arrange shipment',
  'shop.packing.hint': 'Shipment is arranged only once the label has printed: a parcel is never announced to the carrier without its label.',

  'shop.timeZone.title': 'Time zone',
  'shop.timeZone.offset': 'The shop’s time',
  'shop.timeZone.useComputer': 'Use this computer’s ({offset})',
  'shop.timeZone.hint': 'Dates in imported and exported files, and on pick lists, are read and written in this time.',

  'shop.scanner.title': 'Scanner prefixes and suffixes',
  'shop.scanner.hint':
    'Characters your scanners add before or after every code, one per line (up to {count}, each at most {length} characters). They are removed before a code is looked up.',
  'shop.scanner.prefixes': 'Prefixes',
  'shop.scanner.suffixes': 'Suffixes',
  'shop.scanner.tooMany': 'Up to 10 prefixes and 10 suffixes.',
  'shop.scanner.tooLong': 'A prefix or suffix is at most 20 characters.',
} as const;

type Key = keyof typeof shopEn;

/** Every part of the return address has a label. */
type NoneMissing = [Exclude<`shop.sender.${keyof ShopSettings['sender']}`, Key>] extends [never] ? true : never;
export const everySenderFieldHasALabel: NoneMissing = true;

export const shopZh: Record<Key, string> = {
  'shop.title': '店铺设置（所有工位）',
  'shop.hint': '保存在工位上，所有打包台共用。按“保存”后生效。',
  'shop.loading': '正在加载店铺设置…',
  'shop.loadFailed': '无法加载店铺设置。',
  'shop.saveFailed': '店铺设置未能保存。',
  'shop.retry': '重试',
  'shop.save': '保存店铺设置',
  'shop.saving': '保存中…',
  'shop.saved': '已保存。',

  'shop.sender.title': '退货地址',
  'shop.sender.hint': '作为寄件人打印在 Packdesk 生成的每张快递面单上。',
  'shop.sender.name': '店铺或寄件人名称',
  'shop.sender.phone': '电话',
  'shop.sender.address': '街道地址',
  'shop.sender.district': '区',
  'shop.sender.city': '城市',
  'shop.sender.state': '州 / 省',
  'shop.sender.postcode': '邮编',
  'shop.sender.country': '国家',

  'shop.packing.title': '订单装齐后',
  'shop.packing.autoPrint': '打印快递面单',
  'shop.packing.autoShip': '然后安排发货',
  'shop.packing.hint': '只有面单打印成功后才会安排发货：没有面单的包裹绝不会通知物流商。',

  'shop.timeZone.title': '时区',
  'shop.timeZone.offset': '店铺所在时区',
  'shop.timeZone.useComputer': '使用本机时区（{offset}）',
  'shop.timeZone.hint': '导入和导出文件中的日期以及拣货单上的时间，都按此时区读取和书写。',

  'shop.scanner.title': '扫描枪前缀和后缀',
  'shop.scanner.hint': '扫描枪在每个条码前后添加的字符，每行一个（最多 {count} 个，每个不超过 {length} 个字符）。查找条码前会先去掉它们。',
  'shop.scanner.prefixes': '前缀',
  'shop.scanner.suffixes': '后缀',
  'shop.scanner.tooMany': '前缀和后缀各最多 10 个。',
  'shop.scanner.tooLong': '每个前缀或后缀最多 20 个字符。',
};
