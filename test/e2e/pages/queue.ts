import type { Locator, Page } from 'playwright-core';
import { setControl } from './controls.js';

export type QueueFilter = 'carrier' | 'single' | 'sku' | 'bin' | 'cancel';

/** The pick queue: filters, rows (virtualised), selection and batch actions. */
export class QueueScreen {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('screen-queue');
  }

  get rows(): Locator {
    return this.page.getByTestId('queue-row');
  }

  row(orderId: string): Locator {
    return this.page.locator(`[data-testid="queue-row"][data-order-id="${orderId}"]`);
  }

  /** Order ids of the rows on screen (a virtualised list renders only those in view). */
  async visibleOrderIds(): Promise<string[]> {
    return this.rows.evaluateAll((els) => els.map((el) => (el as { getAttribute(n: string): string | null }).getAttribute('data-order-id') ?? ''));
  }

  /** How many rows are wholly inside the list's visible box. */
  async fullyVisibleRows(): Promise<number> {
    const box = await this.page.getByTestId('queue-list').boundingBox();
    if (!box) return 0;
    const rows = await this.rows.evaluateAll((els) =>
      els.map((el) => (el as unknown as { getBoundingClientRect(): { top: number; bottom: number } }).getBoundingClientRect()),
    );
    return rows.filter((r) => r.top >= box.y - 0.5 && r.bottom <= box.y + box.height + 0.5).length;
  }

  filter(name: QueueFilter): Locator {
    return this.page.getByTestId(`filter-${name}`);
  }

  /** Unfolds the filters and batch options (they fold away so the list gets the height). */
  async openFilters(): Promise<void> {
    const toggle = this.page.getByTestId('filters-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  /** Sets a filter; a text filter is applied with Enter (typing alone waits for a pause). */
  async setFilter(name: QueueFilter, value: string): Promise<void> {
    await this.openFilters();
    const control = this.filter(name);
    await setControl(control, value);
    if ((await control.evaluate((el) => (el as { tagName: string }).tagName)) === 'INPUT') await control.press('Enter');
  }

  /** Opens an order in Pack from the queue: a double-click on its row. */
  async openInPack(orderId: string): Promise<void> {
    await this.row(orderId).dblclick();
  }

  async selectAll(): Promise<void> {
    await this.page.getByTestId('action-select-all').click();
  }

  /** Clicks a row: it toggles in the selection (shift-click extends it). */
  async toggle(orderId: string): Promise<void> {
    await this.row(orderId).click();
  }

  get selectionCount(): Locator {
    return this.page.getByTestId('selection-count');
  }

  /** The A4 pick list: a print preview over the app (the browser's print dialog opens on it). */
  async openA4PickList(): Promise<Locator> {
    await this.action('print-a4').click();
    const printout = this.page.getByTestId('picklist-print');
    await printout.waitFor();
    return printout;
  }

  action(name: 'print-picklist' | 'print-a4' | 'print-labels' | 'arrange'): Locator {
    return this.page.getByTestId(`action-${name}`);
  }

  get progress(): Locator {
    return this.page.getByTestId('batch-progress');
  }

  get result(): Locator {
    return this.page.getByTestId('batch-result');
  }

  /** Runs a batch action and waits for its result panel; resolves with its class (is-ok / is-error). */
  async run(name: 'print-picklist' | 'print-labels' | 'arrange'): Promise<string> {
    const dismiss = this.page.getByTestId('batch-dismiss');
    if (await dismiss.isVisible()) await dismiss.click();
    await this.result.waitFor({ state: 'detached' });
    await this.action(name).click();
    await this.result.waitFor({ timeout: 15_000 });
    return (await this.result.getAttribute('class')) ?? '';
  }
}
