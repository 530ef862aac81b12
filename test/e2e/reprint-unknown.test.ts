/**
 * Issue 10 item 3 in Chromium: a label whose sending was cut off (the program sending it died)
 * comes back, after the station starts on the database, as a job of unknown outcome. The Reprint
 * screen says honestly that it may have printed only in part, in English and Chinese, and its
 * "Reprint" button sends that job again (printing.resend): the label reaches the printer.
 */
import os from 'node:os';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from '../../core/api/dispatch.js';
import { createCore } from '../../core/core.js';
import { queueJob, setJobState } from '../../core/store/print-jobs-repo.js';
import { FLOW_ORDER, flowExportText } from './fixtures.js';
import { labelsWith } from './labels.js';
import { openBrowser, screenshot, startBench, type BrowserSession, type StationBench } from './launcher.js';
import { AppShell } from './pages/app.js';
import { ReprintScreen } from './pages/reprint.js';
import { flowSteps } from './steps.js';
import { describeInChromium } from './suite.js';

const PRINTER = 'Loopback';
const EN_HINT = 'This label may have printed only in part. Look at the printer, throw away any half label, then reprint.';
const ZH_HINT = '这张面单可能只打印了一部分。请查看打印机，丢掉不完整的面单，然后重新打印。';

/**
 * The database as a Packdesk program leaves it when it dies mid-send (issue 10's crash cases): its
 * lease, on this computer under a pid no process has, and FLOW_ORDER's label journaled SENDING by
 * it. Written with the store's own journal functions, as that program wrote them.
 */
async function diedWhileSending(dbPath: string, printerUri: string): Promise<void> {
  const earlier = createCore({ dbPath, log: { error: () => {} } });
  try {
    await call(earlier.dispatch, 'import.orders', { upload: { fileName: 'orders-e2e.csv', content: flowExportText() } });
    await call(earlier.dispatch, 'printers.save', { name: PRINTER, uri: printerUri, language: 'zpl', dpi: 203, documents: ['SHIPPING_LABEL'] });
    const db = earlier.context.db;
    const now = Date.now();
    const owner = 'e2e-dead-program';
    // Above any pid Linux hands out: that program is gone.
    db.prepare("INSERT INTO process_leases (owner_id, pid, host, role, started_at, heartbeat_at) VALUES (?, ?, ?, 'app', ?, ?)").run(
      owner,
      2 ** 30,
      os.hostname(),
      now,
      now,
    );
    const jobId = queueJob(
      db,
      {
        batchId: null,
        seq: 0,
        orderId: FLOW_ORDER.id,
        document: 'SHIPPING_LABEL',
        printerName: PRINTER,
        uri: printerUri,
        language: 'zpl',
        kind: 'PRINT',
        resendOf: null,
        station: 'bench-2',
        packer: 'Li',
        ownerId: owner,
      },
      now,
    );
    setJobState(db, jobId, 'SENDING', now, { ownerId: owner, bytes: 4096 });
  } finally {
    earlier.close();
  }
}

describeInChromium('a label cut off mid-send, on the Reprint screen in Chromium', () => {
  let bench: StationBench;
  let browser: BrowserSession;
  let page: Page;
  let app: AppShell;
  let reprint: ReprintScreen;
  const step = flowSteps();

  beforeAll(async () => {
    bench = await startBench({ beforeOpen: (dbPath, printer) => diedWhileSending(dbPath, printer.uri) });
    browser = await openBrowser();
    page = browser.page;
    app = new AppShell(page);
    reprint = new ReprintScreen(page);
    await app.goto(bench.origin);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
  });

  step('the station’s core started up and made the dead program’s label a job of unknown outcome', async () => {
    const jobs = await bench.call('printing.jobs', { orderId: FLOW_ORDER.id, limit: 10 });
    expect(jobs.map((j) => ({ state: j.state, partly: j.mayHavePrintedPartly }))).toEqual([{ state: 'UNKNOWN', partly: true }]);
  });

  step('says the label may have printed only in part and offers "Reprint", in English and in Chinese', async () => {
    expect(await app.open('reprint')).toBe(true);
    await reprint.search(FLOW_ORDER.id);
    await reprint.result(FLOW_ORDER.id).click();
    const row = reprint.jobsIn('UNKNOWN');
    await row.waitFor();
    await expect(reprint.jobHint(row).textContent()).resolves.toBe(EN_HINT);
    await expect(reprint.resendButton(row).textContent()).resolves.toBe('Reprint');
    await screenshot(page, 'reprint-unknown-en');
    await app.switchLanguage('zh-CN');
    try {
      await expect.poll(() => reprint.jobHint(row).textContent()).toBe(ZH_HINT);
      await expect(reprint.resendButton(row).textContent()).resolves.toBe('重新打印');
      await screenshot(page, 'reprint-unknown-zh');
    } finally {
      await app.switchLanguage('en');
    }
  });

  step('"Reprint" sends that job again: the label reaches the printer and the job list shows the resend', async () => {
    const row = reprint.jobsIn('UNKNOWN');
    const from = bench.printer.bytesReceived;
    await reprint.resendButton(row).click();
    await expect.poll(() => labelsWith(bench.printer, from, FLOW_ORDER.tracking).length).toBe(1);
    await expect.poll(() => reprint.jobsIn('SENT').count()).toBe(1);
    // Sent again once: the unknown job offers no second resend.
    await expect.poll(() => reprint.resendButton(row).count()).toBe(0);
    const jobs = await bench.call('printing.jobs', { orderId: FLOW_ORDER.id, limit: 10 });
    const unknown = jobs.find((j) => j.state === 'UNKNOWN')!;
    expect(jobs.find((j) => j.state === 'SENT')).toMatchObject({ resendOf: unknown.id, document: 'SHIPPING_LABEL' });
  });
});
