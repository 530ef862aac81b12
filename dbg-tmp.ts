import { receiptBytes } from './printer/receipts/receipt.js';
for (const dialect of ['epson', 'star'] as const) {
const b = await receiptBytes({ lines: [{ kind: 'text', text: 'PACKING SLIP', bold: true, center: true, large: true }, { kind: 'pair', left: '2 x CASE-CLR-15', right: 'A-01' }, { kind: 'text', text: '蓝牙耳机 白色' }, { kind: 'qr', value: '576461413038785752' }, { kind: 'rule' }] }, { widthMm: 80, dialect });
console.log(dialect, b.length, Buffer.from(b.subarray(0, 12)).toString('hex'), Buffer.from(b.subarray(-12)).toString('hex'));
}
