import type { HandoverVerdictCode } from '../../../../core/api/views.js';

/**
 * The handover screen's messages (spread into en.ts / zh-CN.ts). Every verdict the core can give
 * a scanned parcel has a sentence (verdict.*) and a short reason for the parcel list (reason.*).
 */
export const handoverEn = {
  'handover.title': 'Handover',
  'handover.setup.title': 'Open a handover batch',
  'handover.method': 'How the parcels leave',
  'handover.method.PICKUP': 'Courier pick-up',
  'handover.method.DROP_OFF': 'Drop-off at the carrier',
  'handover.carrier': 'Carrier',
  'handover.carrier.hint': 'Only parcels of this carrier are accepted. Leave it empty to accept any carrier.',
  'handover.carrier.placeholder': 'e.g. J&T Express',
  'handover.open': 'Open batch',
  'handover.batch': 'Batch {batchId} · {method} · {carrier}',
  'handover.anyCarrier': 'any carrier',
  'handover.count': 'Parcels in this batch',
  'handover.idle': 'Scan each parcel — tracking number, order id or package id.',
  'handover.openFirst': 'Open a batch before scanning parcels.',
  'handover.busy': 'Checking…',
  'handover.keys': 'F2 type a code · F4 close the batch',

  'handover.verdict.PARCEL_ADDED': 'Parcel {orderId} added',
  'handover.verdict.PARCEL_ALREADY_IN_BATCH': 'Parcel {orderId} is already in this batch — it counts once.',
  'handover.verdict.PARCEL_IN_OTHER_BATCH': 'Parcel {orderId} is in another handover batch — set it aside.',
  'handover.verdict.PARCEL_NOT_READY': 'Parcel {orderId} is not ready for collection — keep it back.',
  'handover.verdict.PARCEL_WRONG_CARRIER': 'Parcel {orderId} goes with another carrier — set it aside.',
  'handover.verdict.UNKNOWN_PARCEL': 'Unknown parcel {code} — set it aside.',
  'handover.reason.PARCEL_ADDED': 'In the batch',
  'handover.reason.PARCEL_ALREADY_IN_BATCH': 'Already in this batch',
  'handover.reason.PARCEL_IN_OTHER_BATCH': 'In another batch',
  'handover.reason.PARCEL_NOT_READY': 'Not ready for collection',
  'handover.reason.PARCEL_WRONG_CARRIER': 'Wrong carrier',
  'handover.reason.UNKNOWN_PARCEL': 'Unknown parcel',

  'handover.rejected.title': 'Does not belong — set aside ({count})',
  'handover.parcels.title': 'In this batch',
  'handover.parcels.empty': 'No parcels yet.',
  'handover.parcel.tracking': 'Tracking {trackingNumber}',
  'handover.parcel.carrier': 'Carrier {carrier}',

  'handover.close': 'Close batch…',
  'handover.close.title': 'Close batch {batchId}?',
  'handover.close.body': '{count} parcel(s) leave with the carrier. Parcels whose order changed since they were scanned are taken out and listed.',
  'handover.close.confirm': 'Close batch',
  'handover.close.cancel': 'Keep scanning',
  'handover.closed.title': 'Batch {batchId} closed',
  'handover.closed.count': '{count} parcel(s) handed over',
  'handover.heldBack.title': 'Held back — do not hand these over ({count})',
  'handover.heldBack.reason': 'The order is now: {status}',
  'handover.heldBack.none': 'No parcel was held back.',
  'handover.new': 'Start a new batch',

  'handover.failed.open': 'The batch was not opened.',
  'handover.failed.scan': 'The scan did not reach the station.',
  'handover.failed.close': 'The batch was not closed.',
  'handover.failed.load': 'The batch could not be loaded.',
} as const;

export const handoverZh: Record<keyof typeof handoverEn, string> = {
  'handover.title': '交接',
  'handover.setup.title': '新建交接批次',
  'handover.method': '包裹交接方式',
  'handover.method.PICKUP': '快递上门揽收',
  'handover.method.DROP_OFF': '送到物流网点',
  'handover.carrier': '物流商',
  'handover.carrier.hint': '只接收该物流商的包裹。留空则接收任何物流商的包裹。',
  'handover.carrier.placeholder': '例如 J&T Express',
  'handover.open': '新建批次',
  'handover.batch': '批次 {batchId} · {method} · {carrier}',
  'handover.anyCarrier': '任意物流商',
  'handover.count': '本批次包裹数',
  'handover.idle': '逐个扫描包裹：运单号、订单号或包裹号。',
  'handover.openFirst': '请先新建批次，再扫描包裹。',
  'handover.busy': '校验中…',
  'handover.keys': 'F2 输入条码 · F4 关闭批次',

  'handover.verdict.PARCEL_ADDED': '包裹 {orderId} 已加入',
  'handover.verdict.PARCEL_ALREADY_IN_BATCH': '包裹 {orderId} 已在本批次中 — 只计一次。',
  'handover.verdict.PARCEL_IN_OTHER_BATCH': '包裹 {orderId} 已在其他交接批次中 — 请放到一边。',
  'handover.verdict.PARCEL_NOT_READY': '包裹 {orderId} 尚未到待揽收状态 — 请留下。',
  'handover.verdict.PARCEL_WRONG_CARRIER': '包裹 {orderId} 属于其他物流商 — 请放到一边。',
  'handover.verdict.UNKNOWN_PARCEL': '未知包裹 {code} — 请放到一边。',
  'handover.reason.PARCEL_ADDED': '已在批次中',
  'handover.reason.PARCEL_ALREADY_IN_BATCH': '已在本批次中',
  'handover.reason.PARCEL_IN_OTHER_BATCH': '在其他批次中',
  'handover.reason.PARCEL_NOT_READY': '未到待揽收',
  'handover.reason.PARCEL_WRONG_CARRIER': '物流商不符',
  'handover.reason.UNKNOWN_PARCEL': '未知包裹',

  'handover.rejected.title': '不属于本批次 — 请放到一边（{count}）',
  'handover.parcels.title': '本批次包裹',
  'handover.parcels.empty': '还没有包裹。',
  'handover.parcel.tracking': '运单号 {trackingNumber}',
  'handover.parcel.carrier': '物流商 {carrier}',

  'handover.close': '关闭批次…',
  'handover.close.title': '关闭批次 {batchId}？',
  'handover.close.body': '{count} 个包裹将交给物流商。扫描后订单有变化的包裹会被取出并列出。',
  'handover.close.confirm': '关闭批次',
  'handover.close.cancel': '继续扫描',
  'handover.closed.title': '批次 {batchId} 已关闭',
  'handover.closed.count': '已交接 {count} 个包裹',
  'handover.heldBack.title': '已留下 — 请勿交出以下包裹（{count}）',
  'handover.heldBack.reason': '订单现在的状态：{status}',
  'handover.heldBack.none': '没有留下的包裹。',
  'handover.new': '新建下一个批次',

  'handover.failed.open': '批次未能新建。',
  'handover.failed.scan': '扫描未送达工位。',
  'handover.failed.close': '批次未能关闭。',
  'handover.failed.load': '无法加载批次。',
};

/** If the core adds a handover verdict, this stops compiling until it has its messages. */
type Missing = Exclude<`handover.verdict.${HandoverVerdictCode}` | `handover.reason.${HandoverVerdictCode}`, keyof typeof handoverEn>;
export const everyHandoverVerdictHasAMessage: [Missing] extends [never] ? true : never = true;
