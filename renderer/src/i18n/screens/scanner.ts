/**
 * The scanner test in Settings, English: the source of its keys. Spread into en.ts; scannerZh
 * must have the same keys.
 */
export const scannerEn = {
  'scanner.title': 'Scanner (this station)',
  'scanner.hint': 'Scan once so Packdesk learns how fast this scanner types and what it ends a code with. Kept on this computer.',
  'scanner.defaults': 'Not tested yet: a scan must end with Enter or Tab, its keys at most {gap} ms apart.',
  'scanner.saved': 'Tested {when}: keys up to {measured} ms apart (allowing {allowed} ms), ends with {suffix}.',
  'scanner.suffix.Enter': 'Enter',
  'scanner.suffix.Tab': 'Tab',
  'scanner.suffix.none': 'nothing (no suffix)',
  'scanner.start': 'Test the scanner',
  'scanner.reset': 'Use the defaults',
  'scanner.prompt': 'Scan this barcode now (any barcode will do).',
  'scanner.cancel': 'Cancel',
  'scanner.result': 'Read {code}. Saved for this station.',
  'scanner.tooSlow':
    'Keys came up to {measured} ms apart: that is typing, or the scanner is set to a slow key delay. Not saved — set the scanner to its fastest speed and test again.',
} as const;

export const scannerZh: Record<keyof typeof scannerEn, string> = {
  'scanner.title': '扫码枪（本工位）',
  'scanner.hint': '扫描一次，让 Packdesk 了解这把扫码枪的输入速度和结尾按键。设置保存在本机。',
  'scanner.defaults': '尚未测试：扫描须以回车或 Tab 结尾，按键间隔不超过 {gap} 毫秒。',
  'scanner.saved': '{when} 已测试：按键间隔最长 {measured} 毫秒（允许 {allowed} 毫秒），结尾为{suffix}。',
  'scanner.suffix.Enter': '回车',
  'scanner.suffix.Tab': 'Tab 键',
  'scanner.suffix.none': '无（不发送结尾键）',
  'scanner.start': '测试扫码枪',
  'scanner.reset': '恢复默认',
  'scanner.prompt': '请现在扫描下面的条码（任何条码都可以）。',
  'scanner.cancel': '取消',
  'scanner.result': '读到 {code}。已为本工位保存。',
  'scanner.tooSlow': '按键间隔长达 {measured} 毫秒：这是手动输入，或扫码枪设置了较慢的按键延迟。未保存 — 请把扫码枪调到最快速度后重新测试。',
};
