import type { Locator, Page } from 'playwright-core';

export interface ShopCredentials {
  appKey: string;
  appSecret: string;
  authCode: string;
  apiBase: string;
  authBase: string;
}

/** Settings → Shop connection and the sync settings under it. */
export class ShopConnection {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('shop-connection');
  }

  get connected(): Locator {
    return this.page.getByTestId('shop-connected');
  }

  get secret(): Locator {
    return this.page.getByTestId('shop-app-secret');
  }

  /** Fills the form as a seller would (the base URLs under Advanced) and presses Connect. */
  async connect(c: ShopCredentials): Promise<void> {
    await this.page.getByTestId('shop-app-key').fill(c.appKey);
    await this.secret.fill(c.appSecret);
    await this.page.getByTestId('shop-auth-code').fill(c.authCode);
    await this.page.getByTestId('shop-advanced').locator('summary').click();
    await this.page.getByTestId('shop-api-base').fill(c.apiBase);
    await this.page.getByTestId('shop-auth-base').fill(c.authBase);
    await this.page.getByTestId('shop-connect').click();
    await this.connected.or(this.page.getByTestId('shop-connect-error')).first().waitFor();
  }
}

/** The sync panel, opened from the status bar. */
export class SyncPanel {
  constructor(readonly page: Page) {}

  /** The status bar's sync part (data-state: the core's state, SYNCING or CHECKING). */
  get status(): Locator {
    return this.page.getByTestId('status-sync');
  }

  get root(): Locator {
    return this.page.getByTestId('screen-sync');
  }

  get summary(): Locator {
    return this.page.getByTestId('sync-summary');
  }

  async open(): Promise<void> {
    await this.status.click();
    await this.root.waitFor();
  }

  /** Presses Sync now and waits until that press is answered (a summary or an error on screen). */
  async syncNow(): Promise<void> {
    const runs = Number(await this.root.getAttribute('data-runs'));
    await this.page.getByTestId('sync-now').click();
    await this.page.locator(`[data-testid="screen-sync"][data-runs="${runs + 1}"]`).waitFor({ timeout: 30_000 });
  }

  entry(orderId: string, kind = 'order.shipment_arranged'): Locator {
    return this.page.locator(`[data-testid="sync-entry"][data-order-id="${orderId}"][data-kind="${kind}"]`);
  }
}
