/**
 * Transport speed goal (issue 3): 500 labels to a loopback TCP printer in ≤ 3 s. Each label is a
 * ~2 KB native ZPL label sent as its own write, over one kept-open connection, timed until the
 * printer holds every byte. Called from test/bench/run.ts.
 */
import { sendLabels } from '../printer/fakes/tcp-printer.js';
import { ms, percentile } from './stats.js';

export type RecordFn = (name: string, goal: string, value: number, limit: number, figure: string) => void;

const LABELS = 500;
const RUNS = 3;

/** A carrier-style native ZPL label of about 2 KB: text blocks, lines, a Code128 and a QR code. */
export function nativeZplLabel(): Uint8Array {
  const lines = ['^XA', '^CI28', '^PW800', '^LL1200', '^LH0,0'];
  lines.push('^FO40,40^GB720,1120,4^FS', '^FO40,300^GB720,0,3^FS', '^FO40,620^GB720,0,3^FS');
  const field = (x: number, y: number, h: number, text: string) => `^FO${x},${y}^A0N,${h},${h}^FH^FD${text}^FS`;
  lines.push(
    field(60, 60, 34, 'SHIP TO'),
    field(60, 110, 48, 'Jane Doe'),
    field(60, 170, 34, '12 Harbour Road, Unit 5'),
    field(60, 215, 34, 'Kowloon Bay, Hong Kong'),
  );
  lines.push(field(560, 60, 90, '999077'));
  lines.push(field(60, 320, 30, 'FROM: Packdesk Demo Shop, 88 Warehouse Lane, Shenzhen 518000'));
  for (let i = 0; i < 20; i++) lines.push(field(60, 340 + i * 13, 12, `Item ${i + 1}: SKU-${1000 + i} Blue cotton tee, size M x1`));
  lines.push('^FO80,650^BY3,3,200^BCN,200,Y,N,N^FH^FD>:TT1234567890CN^FS');
  lines.push('^FO520,900^BQN,2,6^FH^FDMA,https://track.example/TT1234567890CN^FS');
  lines.push(field(60, 920, 28, 'Order 576461413039818441'), field(60, 960, 28, 'Packed 2026-11-26 09:00 bench 2'), field(60, 1000, 28, 'Weight 0.42 kg  1/1'));
  lines.push('^PQ1,0,1,Y', '^XZ');
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

export async function transportBenchmarks(record: RecordFn): Promise<void> {
  const label = nativeZplLabel();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { ms: took, bytesReceived } = await sendLabels(LABELS, label);
    if (bytesReceived !== LABELS * label.length) throw new Error(`loopback printer got ${bytesReceived} bytes, expected ${LABELS * label.length}`);
    runs.push(took);
  }
  const median = percentile(runs, 50);
  record(
    `${LABELS} labels (${label.length} B native ZPL each) to a loopback TCP printer`,
    '≤ 3000 ms',
    median,
    3000,
    `${ms(median)} ms median of ${RUNS}, ${ms(median / LABELS)} ms per label`,
  );
}
