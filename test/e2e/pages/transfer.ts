import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { setControl } from './controls.js';

/** Import / export: a Seller Center file in with a per-row report, orders out in files. */
export class TransferScreen {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('screen-transfer');
  }

  get report(): Locator {
    return this.page.getByTestId('import-report');
  }

  /** The table of refused rows (row number and code on each `import-error-row`). */
  get errorRows(): Locator {
    return this.page.getByTestId('import-error-row');
  }

  /** Why a file imported nothing (amber; data-code FILE_EMPTY, FILE_HEADER_ONLY …). */
  get warnings(): Locator {
    return this.page.getByTestId('import-warning');
  }

  /** The words for each refused row, as shown (in the screen's language). */
  async errorDetails(): Promise<string[]> {
    return (await this.page.getByTestId('import-error-detail').allTextContents()).map((t) => t.trim());
  }

  /** One count of the import report ("orders", "created", "rows" …) as shown. */
  async fact(id: string): Promise<string> {
    return ((await this.page.getByTestId(`import-report-${id}`).locator('dd').textContent()) ?? '').trim();
  }

  /** Picks the file as the packer would (the file chooser), imports it, and returns the end state. */
  async importFile(file: string, kind: 'orders' | 'catalogue' = 'orders'): Promise<'done' | 'failed'> {
    await setControl(this.page.getByTestId('import-kind'), kind);
    await this.page.getByTestId('import-file').setInputFiles(file);
    await this.page.getByTestId('import-submit').click();
    // The state line names the file (in either language), so the end of an earlier import never counts.
    const end = this.page
      .locator('[data-testid="import-state"][data-state="done"], [data-testid="import-state"][data-state="failed"]')
      .filter({ hasText: path.basename(file) });
    await end.waitFor({ timeout: 20_000 });
    return (await end.getAttribute('data-state')) as 'done' | 'failed';
  }

  /** Asks for an export into a folder the core must refuse; returns the failure as the screen says it. */
  async exportRefused(dir: string): Promise<string> {
    await this.page.getByTestId('export-dir').fill(dir);
    await this.page.getByTestId('export-submit').click();
    const failure = this.page.locator('[data-testid="export-state"][data-state="failed"]');
    await failure.waitFor({ timeout: 20_000 });
    return ((await this.page.getByTestId('export-failure').textContent()) ?? '').trim();
  }

  /**
   * Exports into a folder on the station computer and returns the file names the screen lists.
   * The days (YYYY-MM-DD, inclusive) default on screen to the last 90; '' leaves the core's default.
   */
  async exportTo(dir: string, days: { from: string; to: string }): Promise<string[]> {
    await this.page.getByTestId('export-dir').fill(dir);
    await this.page.getByTestId('export-from').fill(days.from);
    await this.page.getByTestId('export-to').fill(days.to);
    await this.page.getByTestId('export-submit').click();
    const end = this.page.locator('[data-testid="export-state"][data-state="done"], [data-testid="export-state"][data-state="failed"]');
    await end.waitFor({ timeout: 20_000 });
    if ((await end.getAttribute('data-state')) === 'failed') throw new Error(`export failed: ${await this.page.getByTestId('export-failure').textContent()}`);
    return (await this.page.getByTestId('export-file').allTextContents()).map((t) => t.trim());
  }
}
