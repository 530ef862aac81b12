import type { Locator, Page } from 'playwright-core';
import { firstNumber } from './controls.js';
import { typeScan } from './pack.js';

/** Handover: open a batch for a carrier, scan parcels into it, close it. */
export class HandoverScreen {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('screen-handover');
  }

  get verdict(): Locator {
    return this.page.getByTestId('handover-verdict');
  }

  /** Parcels in the batch (data-ok="true") or refused (data-ok="false"), by order id. */
  parcels(ok: boolean): Locator {
    return this.page.locator(`[data-testid="handover-parcel"][data-ok="${ok}"]`);
  }

  /** "Arrange shipment now" under a parcel whose shipment was not arranged (Enter does the same). */
  get arrangeButton(): Locator {
    return this.page.getByTestId('handover-arrange');
  }

  async open(method: 'PICKUP' | 'DROP_OFF', carrier: string): Promise<void> {
    await this.page.getByTestId('handover-method').locator(`input[value="${method}"]`).check();
    await this.page.getByTestId('handover-carrier').fill(carrier);
    await this.page.getByTestId('handover-open').click();
    await this.page.getByTestId('handover-count').waitFor();
  }

  async count(): Promise<number> {
    return firstNumber(await this.page.getByTestId('handover-count').textContent());
  }

  /** Scans a parcel's label with the scanner (no field to click first). */
  async scan(code: string): Promise<void> {
    await typeScan(this.page, code);
  }

  /** Closes the batch (with its confirmation) and returns the closed summary's text. */
  async close(): Promise<string> {
    await this.page.getByTestId('handover-close').click();
    await this.page.getByTestId('handover-close-confirm').click();
    const summary = this.page.getByTestId('handover-closed-count');
    await summary.waitFor();
    return (await summary.textContent()) ?? '';
  }
}
