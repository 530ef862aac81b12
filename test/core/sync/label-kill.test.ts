/**
 * kill -9 of a real `packdesk sync` process while it pushes shipments, downloads platform labels
 * and prints the ones the bench is waiting for (label wishes). Some kills land on a platform
 * request, some while the label is going to the printer (which reads slowly, so a kill can cut a
 * label in half). Afterwards, with two ordinary runs: every finished parcel has exactly one label
 * job — never none (a lost label) and never two (a double label) — it was sent, or it is marked
 * "outcome unknown" for the packer to look at; no wish is left behind; and the printer holds no
 * more whole labels than there are parcels.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeTcpPrinter } from '../../printer/fakes/tcp-printer.js';
import { syncRig } from './support.js';

const root = path.resolve(import.meta.dirname, '../../..');
const RUNS = 12;
const WHO = { station: 'bench-1', packer: 'pat' } as const;

/** mulberry32: the same seed, the same kill points. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type KillPoint = { atRequest: number; delayMs: number } | { atPrinterBytes: number } | null;

const wholeLabels = (bytes: Buffer): string[] => bytes.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [];

describe('kill -9 of the sync while it prints arrived platform labels', () => {
  it(`prints every waited-for label once at most and loses none, over ${RUNS} runs killed at random points`, async () => {
    const random = seeded(20261204);
    const rig = await syncRig({ sim: { orders: 0, seed: 93 } });
    const printer = await FakeTcpPrinter.start({});
    try {
      // Slow enough that a kill can land in the middle of a label (about 0.4 s for one).
      printer.readAt(25_000);
      await rig.call('printers.save', { name: 'Zebra', uri: printer.uri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
      await rig.connect();
      let requests = 0;
      rig.sim.events.on('request', () => void requests++);

      const runSync = (kill: KillPoint): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> =>
        new Promise((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', 'sync', '--json', '--db', rig.dbPath], {
            cwd: root,
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => {
            stderr += d.toString();
          });
          const startRequests = requests;
          const startBytes = printer.bytesReceived;
          const watch = setInterval(() => {
            if (!kill) return;
            const due = 'atRequest' in kill ? requests - startRequests >= kill.atRequest : printer.bytesReceived - startBytes >= kill.atPrinterBytes;
            if (!due) return;
            clearInterval(watch);
            setTimeout(() => child.kill('SIGKILL'), 'delayMs' in kill ? kill.delayMs : 0);
          }, 2);
          child.on('exit', (code, signal) => {
            clearInterval(watch);
            resolve({ code, signal, stderr });
          });
        });

      const finished: string[] = [];
      let killed = 0;
      for (let run = 0; run < RUNS; run++) {
        // A parcel or two finished at the bench before TikTok has made its label.
        const fresh = Array.from({ length: 1 + Math.floor(random() * 2) }, () =>
          rig.sim.controls.addOrder({ items: [{ sellerSku: 'MUG-01', qty: 1 }], shippingType: 'TIKTOK' }),
        );
        await rig.call('sync.now', {});
        for (const order of fresh) {
          const id = order.id as string;
          const packageId = (order.packages as { id: string }[])[0]!.id;
          expect(await rig.call('packing.scan', { ...WHO, scanId: `${id}-open`, code: packageId })).toMatchObject({ code: 'ORDER_OPENED' });
          expect(await rig.call('packing.scan', { ...WHO, scanId: `${id}-mug`, code: 'MUG-01' })).toMatchObject({ code: 'ORDER_COMPLETE' });
          const finish = await rig.call('packing.finish', { ...WHO, orderId: id, printer: 'Zebra' });
          expect(finish.label.outcome).toBe('WHEN_IT_ARRIVES');
          finished.push(id);
        }
        const kill: KillPoint =
          random() < 0.5
            ? { atRequest: 1 + Math.floor(random() * 8), delayMs: Math.floor(random() * 30) }
            : { atPrinterBytes: 1 + Math.floor(random() * 12_000) };
        const r = await runSync(kill);
        if (r.signal === 'SIGKILL') killed++;
        else expect(r.code, r.stderr).toBe(0);
      }
      expect(killed).toBeGreaterThanOrEqual(RUNS / 2);
      printer.readAt(null);
      for (let i = 0; i < 2; i++) {
        const r = await runSync(null);
        expect(r.code, r.stderr).toBe(0);
      }

      let sent = 0;
      for (const id of finished) {
        const jobs = await rig.call('printing.jobs', { orderId: id, limit: 10 });
        expect(
          jobs.map((j) => j.kind),
          `order ${id}`,
        ).toEqual(['PRINT']);
        expect(['SENT', 'UNKNOWN'], `order ${id}: ${jobs[0]!.state}`).toContain(jobs[0]!.state);
        if (jobs[0]!.state === 'SENT') sent++;
      }
      expect(rig.core.context.db.prepare('SELECT count(*) FROM label_wishes').pluck().get()).toBe(0);
      const labels = wholeLabels(printer.received()).filter((l) => l.includes(':Z64:'));
      expect(labels.length).toBeLessThanOrEqual(finished.length);
      expect(labels.length).toBeGreaterThanOrEqual(sent);
      expect(sent).toBeGreaterThan(finished.length / 2);
    } finally {
      await printer.stop();
    }
  }, 900_000);
});
