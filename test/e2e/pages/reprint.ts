import type { Locator, Page } from 'playwright-core';

/** Reprint / search: find an order, reprint its label, see and resend its print jobs. */
export class ReprintScreen {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('screen-reprint');
  }

  async search(text: string): Promise<void> {
    const input = this.page.getByTestId('search-input');
    await input.fill(text);
    await input.press('Enter');
  }

  result(orderId: string): Locator {
    return this.page.locator(`[data-testid="search-result"][data-order-id="${orderId}"]`);
  }

  get results(): Locator {
    return this.page.getByTestId('search-result');
  }

  get reprintButton(): Locator {
    return this.page.getByTestId('reprint-button');
  }

  get preview(): Locator {
    return this.page.getByTestId('label-preview');
  }

  get jobs(): Locator {
    return this.page.getByTestId('job-row');
  }

  /** The honest line under a job of unknown outcome, and its Reprint / Resend button. */
  jobHint(row: Locator): Locator {
    return row.getByTestId('job-hint');
  }

  resendButton(row: Locator): Locator {
    return row.getByTestId('resend-button');
  }

  get slipPageButton(): Locator {
    return this.page.getByTestId('reprint-slip-page');
  }

  jobsIn(state: string): Locator {
    return this.page.locator(`[data-testid="job-row"][data-state="${state}"]`);
  }
}
