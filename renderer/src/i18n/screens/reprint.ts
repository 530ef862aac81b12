import type { Result } from '../../../../core/api/contract.js';
import type { OrderStatus } from '../../../../core/api/views.js';
import type { DocumentKind, JobKind, JobState } from '../../../../core/printing/types.js';

type PreviewSource = Result<'printing.preview'>['source'];

/**
 * The reprint / search screen's messages (spread into en.ts / zh-CN.ts), and the order statuses
 * it and the handover screen name. Every job state, kind and document has a message.
 */
export const reprintEn = {
  'reprint.title': 'Reprint / search',
  'reprint.search.label': 'Find an order',
  'reprint.search.placeholder': 'Order id, tracking number, recipient or SKU — or scan it',
  'reprint.search.submit': 'Search',
  'reprint.search.searching': 'Searching…',
  'reprint.search.none': 'No order matches “{text}”.',
  'reprint.search.count#one': '{count} order matches “{text}”',
  'reprint.search.count': '{count} orders match “{text}”',
  'reprint.search.more': 'The first {count} orders matching “{text}” — type more to narrow the search.',
  'reprint.search.idle': 'Scan a label or type, then Enter.',
  'reprint.results.label': 'Orders found',
  'reprint.keys': 'F2 search · ↓ ↑ choose · Enter or F8 reprint',

  'reprint.order.none': 'Choose an order to see its label and its print jobs.',
  'reprint.order.title': 'Order {orderId}',
  'reprint.order.recipient': 'Recipient',
  'reprint.order.tracking': 'Tracking number',
  'reprint.order.carrier': 'Carrier',
  'reprint.order.status': 'Status',
  'reprint.order.package': 'Package',
  'reprint.order.items': 'Items',
  'reprint.order.none.value': '—',
  'reprint.order.units': '{packed} of {total} packed',

  'reprint.reprint': 'Reprint label',
  'reprint.printing': 'Printing…',

  'reprint.preview.title': 'Label preview',
  'reprint.preview.alt': 'The label of order {orderId} as it prints on {printer}',
  'reprint.preview.loading': 'Drawing the label…',
  'reprint.preview.failed': 'No preview: {message}',
  'reprint.preview.caption': '{source} · {printer}',
  'reprint.preview.source.PACKDESK': 'Packdesk label',
  'reprint.preview.source.PLATFORM': 'TikTok label',
  'reprint.preview.source.TEST': 'Test label',

  'reprint.jobs.title': 'Print jobs',
  'reprint.jobs.empty': 'Nothing printed for this order yet.',
  'reprint.jobs.when': 'When',
  'reprint.jobs.what': 'What',
  'reprint.jobs.printer': 'Printer',
  'reprint.jobs.state': 'Outcome',
  'reprint.jobs.by': 'By',
  'reprint.job.id': 'Job {jobId}',
  'reprint.job.who': '{packer} · {station}',
  'reprint.job.resend': 'Resend',
  'reprint.job.resendFor': 'Resend job {jobId}',
  'reprint.job.resentAs': 'Resent as job {jobId}',
  'reprint.job.unknownHint': 'Look at the printer: resend only if this label did not come out.',
  'reprint.job.state.QUEUED': 'Queued',
  'reprint.job.state.SENDING': 'Sending…',
  'reprint.job.state.SENT': 'Sent',
  'reprint.job.state.FAILED': 'Failed',
  'reprint.job.state.UNKNOWN': 'Outcome unknown',
  'reprint.job.kind.PRINT': 'Print',
  'reprint.job.kind.REPRINT': 'Reprint',
  'reprint.job.kind.RESEND': 'Resend',
  'reprint.job.kind.TEST': 'Test print',
  'reprint.job.document.SHIPPING_LABEL': 'Shipping label',
  'reprint.job.document.PICK_LIST': 'Pick list',
  'reprint.job.document.SKU_LABEL': 'SKU label',

  'reprint.notice.reprint.ok': 'Label of order {orderId} sent to {printer}.',
  'reprint.notice.reprint.failed': 'The label was not reprinted.',
  'reprint.notice.resend.ok': 'Job {jobId} sent again to {printer}.',
  'reprint.notice.resend.failed': 'The job was not resent.',
  'reprint.notice.search.failed': 'The search did not reach the station.',
  'reprint.notice.load.failed': 'The order could not be loaded.',

  'orderStatus.UNPAID': 'Unpaid',
  'orderStatus.ON_HOLD': 'On hold',
  'orderStatus.AWAITING_SHIPMENT': 'Awaiting shipment',
  'orderStatus.PARTIALLY_SHIPPING': 'Partly shipping',
  'orderStatus.AWAITING_COLLECTION': 'Awaiting collection',
  'orderStatus.IN_TRANSIT': 'In transit',
  'orderStatus.DELIVERY_FAILED': 'Delivery failed',
  'orderStatus.DELIVERED': 'Delivered',
  'orderStatus.COMPLETED': 'Completed',
  'orderStatus.CANCELLED': 'Cancelled',
} as const;

export const reprintZh: Record<keyof typeof reprintEn, string> = {
  'reprint.title': '补打 / 查找',
  'reprint.search.label': '查找订单',
  'reprint.search.placeholder': '订单号、运单号、收件人或 SKU — 也可直接扫描',
  'reprint.search.submit': '查找',
  'reprint.search.searching': '查找中…',
  'reprint.search.none': '没有与“{text}”匹配的订单。',
  'reprint.search.count#one': '{count} 个订单与“{text}”匹配',
  'reprint.search.count': '{count} 个订单与“{text}”匹配',
  'reprint.search.more': '与“{text}”匹配的前 {count} 个订单 — 请输入更多内容缩小范围。',
  'reprint.search.idle': '扫描面单或输入内容，然后按回车。',
  'reprint.results.label': '查找结果',
  'reprint.keys': 'F2 查找 · ↓ ↑ 选择 · 回车或 F8 补打',

  'reprint.order.none': '选择一个订单，查看面单和打印记录。',
  'reprint.order.title': '订单 {orderId}',
  'reprint.order.recipient': '收件人',
  'reprint.order.tracking': '运单号',
  'reprint.order.carrier': '物流商',
  'reprint.order.status': '状态',
  'reprint.order.package': '包裹',
  'reprint.order.items': '商品',
  'reprint.order.none.value': '—',
  'reprint.order.units': '已装 {packed} / {total}',

  'reprint.reprint': '补打面单',
  'reprint.printing': '打印中…',

  'reprint.preview.title': '面单预览',
  'reprint.preview.alt': '订单 {orderId} 在 {printer} 上打印出的面单',
  'reprint.preview.loading': '正在生成面单…',
  'reprint.preview.failed': '无法预览：{message}',
  'reprint.preview.caption': '{source} · {printer}',
  'reprint.preview.source.PACKDESK': 'Packdesk 面单',
  'reprint.preview.source.PLATFORM': 'TikTok 面单',
  'reprint.preview.source.TEST': '测试面单',

  'reprint.jobs.title': '打印记录',
  'reprint.jobs.empty': '该订单还没有打印过。',
  'reprint.jobs.when': '时间',
  'reprint.jobs.what': '内容',
  'reprint.jobs.printer': '打印机',
  'reprint.jobs.state': '结果',
  'reprint.jobs.by': '操作人',
  'reprint.job.id': '任务 {jobId}',
  'reprint.job.who': '{packer} · {station}',
  'reprint.job.resend': '重新发送',
  'reprint.job.resendFor': '重新发送任务 {jobId}',
  'reprint.job.resentAs': '已重新发送为任务 {jobId}',
  'reprint.job.unknownHint': '请先查看打印机：只有这张面单没有打出来时才重新发送。',
  'reprint.job.state.QUEUED': '排队中',
  'reprint.job.state.SENDING': '发送中…',
  'reprint.job.state.SENT': '已发送',
  'reprint.job.state.FAILED': '失败',
  'reprint.job.state.UNKNOWN': '结果未知',
  'reprint.job.kind.PRINT': '打印',
  'reprint.job.kind.REPRINT': '补打',
  'reprint.job.kind.RESEND': '重新发送',
  'reprint.job.kind.TEST': '测试打印',
  'reprint.job.document.SHIPPING_LABEL': '快递面单',
  'reprint.job.document.PICK_LIST': '拣货单',
  'reprint.job.document.SKU_LABEL': 'SKU 标签',

  'reprint.notice.reprint.ok': '订单 {orderId} 的面单已发送到 {printer}。',
  'reprint.notice.reprint.failed': '面单未能补打。',
  'reprint.notice.resend.ok': '任务 {jobId} 已重新发送到 {printer}。',
  'reprint.notice.resend.failed': '任务未能重新发送。',
  'reprint.notice.search.failed': '查找请求未送达工位。',
  'reprint.notice.load.failed': '无法加载该订单。',

  'orderStatus.UNPAID': '未付款',
  'orderStatus.ON_HOLD': '暂缓处理',
  'orderStatus.AWAITING_SHIPMENT': '待发货',
  'orderStatus.PARTIALLY_SHIPPING': '部分发货',
  'orderStatus.AWAITING_COLLECTION': '待揽收',
  'orderStatus.IN_TRANSIT': '运输中',
  'orderStatus.DELIVERY_FAILED': '派送失败',
  'orderStatus.DELIVERED': '已签收',
  'orderStatus.COMPLETED': '已完成',
  'orderStatus.CANCELLED': '已取消',
};

/** If the core adds a job state, kind, document or order status, this stops compiling until it has a message. */
type Missing = Exclude<
  | `reprint.job.state.${JobState}`
  | `reprint.job.kind.${JobKind}`
  | `reprint.job.document.${DocumentKind}`
  | `reprint.preview.source.${PreviewSource}`
  | `orderStatus.${OrderStatus}`,
  keyof typeof reprintEn
>;
export const everyJobStateHasAMessage: [Missing] extends [never] ? true : never = true;
