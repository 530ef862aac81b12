import type { Locator, Page } from 'playwright-core';
import type { PageGlobals } from './browser.js';
import { scanKeys, type BurstOptions } from './scanner.js';

/** A keyboard-wedge scanner: keys 5 ms apart by their timestamps, then Enter (see scanner.ts). */
export async function typeScan(page: Page, code: string, options: BurstOptions = {}): Promise<void> {
  await scanKeys(page, code, options);
}

/** How many performance marks of this name the page has made. */
export function markCount(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => (globalThis as unknown as PageGlobals).performance.getEntriesByName(n, 'mark').length, name);
}

/** Waits until the page has made more than `count` marks of this name. */
export async function waitForMarks(page: Page, name: string, count: number, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    ({ n, c }) => (globalThis as unknown as PageGlobals).performance.getEntriesByName(n, 'mark').length > c,
    { n: name, c: count },
    { timeout },
  );
}

/** Scan-to-pack: the order on the bench, its lines, the verdict and the packer's actions. */
export class PackScreen {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('screen-pack');
  }

  get verdict(): Locator {
    return this.page.getByTestId('verdict');
  }

  get order(): Locator {
    return this.page.getByTestId('pack-order');
  }

  get notice(): Locator {
    return this.page.getByTestId('pack-notice');
  }

  get banner(): Locator {
    return this.page.getByTestId('pack-banner');
  }

  /** The red "Station not answering" / kept scans line (data-state, data-kept); absent when all is well. */
  get link(): Locator {
    return this.page.getByTestId('pack-link');
  }

  /** "Checking…" under the verdict, while a scan waits for the station. */
  get checking(): Locator {
    return this.verdict.locator('.verdict__busy');
  }

  get reprintButton(): Locator {
    return this.page.getByTestId('pack-reprint');
  }

  /** "Scan the next order" with the finished order's label (data-testid done-label). */
  get doneCard(): Locator {
    return this.page.getByTestId('done-card');
  }

  get doneLabel(): Locator {
    return this.page.getByTestId('done-label');
  }

  get slipButton(): Locator {
    return this.page.getByTestId('pack-slip');
  }

  get slipPageButton(): Locator {
    return this.page.getByTestId('pack-slip-page');
  }

  get undoButton(): Locator {
    return this.page.getByTestId('pack-undo');
  }

  line(sellerSku: string): Locator {
    return this.page.getByTestId(`line-${sellerSku}`);
  }

  /**
   * Scans without clicking anywhere first, as at the bench, and resolves with the verdict code
   * once the verdict is on screen. Fails when the capture did not take the burst as a scan.
   */
  async scan(code: string, options: BurstOptions = {}): Promise<string> {
    const received = await markCount(this.page, 'scan-received');
    const incomplete = await markCount(this.page, 'scan-incomplete');
    const painted = await markCount(this.page, 'verdict-painted');
    await typeScan(this.page, code, options);
    try {
      await waitForMarks(this.page, 'scan-received', received);
    } catch (err) {
      const cutShort = (await markCount(this.page, 'scan-incomplete')) > incomplete;
      throw new Error(`the scanner capture did not take "${code}" as a scan${cutShort ? ' (it said the scan was cut short)' : ''}`, { cause: err });
    }
    await waitForMarks(this.page, 'verdict-painted', painted);
    return (await this.verdict.getAttribute('data-code')) ?? '';
  }

  /**
   * A burst that ends without its suffix, as when the scanner is pulled away mid-code; resolves
   * once the screen has said so (its verdict code is then SCAN_INCOMPLETE).
   */
  async scanCutShort(code: string, options: Omit<BurstOptions, 'suffix'> = {}): Promise<string> {
    const incomplete = await markCount(this.page, 'scan-incomplete');
    await typeScan(this.page, code, { ...options, suffix: null });
    await waitForMarks(this.page, 'scan-incomplete', incomplete);
    await this.page.locator('[data-testid="verdict"][data-code="SCAN_INCOMPLETE"]').waitFor();
    return (await this.verdict.getAttribute('data-code')) ?? '';
  }

  /** "packed / ordered" of a line, as shown. */
  async lineCount(sellerSku: string): Promise<{ packed: number; qty: number; done: boolean }> {
    const line = this.line(sellerSku);
    const packed = Number(await line.locator('.line__packed').textContent());
    const qty = Number(await line.locator('.line__qty').textContent());
    const done = ((await line.getAttribute('class')) ?? '').split(' ').includes('is-done');
    return { packed, qty, done };
  }

  /**
   * The notice for an action, once it has arrived (data-kind done / failed). "finish" is what came
   * of a complete order's label and shipment (data-label, data-shipment: the core's outcomes).
   */
  noticeFor(action: 'finish' | 'reprint' | 'undo' | 'shortPack' | 'scan' | 'packingSlip'): Locator {
    return this.page.locator(`[data-testid="pack-notice"][data-action="${action}"]`);
  }

  async dismissNotice(): Promise<void> {
    await this.notice.getByRole('button').click();
    await this.notice.waitFor({ state: 'detached' });
  }
}
