import type { Locator, Page } from 'playwright-core';
import { scanKeys, type BurstOptions } from './scanner.js';

/**
 * Settings: this bench's (switches found by their English labels, names committed on leaving the
 * field) and the shop's, kept in the core and changed only by Save.
 */
export class SettingsScreen {
  constructor(readonly page: Page) {}

  private toggle(label: RegExp): Locator {
    return this.page.locator('main').getByRole('switch', { name: label });
  }

  get sounds(): Locator {
    return this.toggle(/^Sounds/);
  }

  /** The shop's packing rule: print the label when an order is complete… */
  get autoPrint(): Locator {
    return this.page.getByTestId('settings-auto-print');
  }

  /** …then arrange shipment. */
  get autoShip(): Locator {
    return this.page.getByTestId('settings-auto-ship');
  }

  async set(toggle: Locator, on: boolean): Promise<void> {
    await toggle.setChecked(on);
  }

  /** Saves the shop's settings and waits until the core has kept them. */
  async saveShop(): Promise<void> {
    await this.page.getByTestId('settings-shop-save').click();
    await this.page.getByTestId('settings-shop-saved').waitFor();
  }

  /** The packer's name on this bench, as typed into its field (committed with Enter). */
  async setPacker(name: string): Promise<void> {
    const field = this.page.locator('main .settings').getByLabel(/^Packer$/);
    await field.fill(name);
    await field.press('Enter');
  }

  /** What the scanner section says about this station's scanner (data-tested: yes / no). */
  get scannerProfile(): Locator {
    return this.page.getByTestId('scanner-profile');
  }

  /** Runs the scanner test with a burst typed as `options` say; resolves with the result's text. */
  async testScanner(code: string, options: BurstOptions = {}): Promise<string> {
    await this.page.getByTestId('scanner-test-start').click();
    await this.page.getByTestId('scanner-test-prompt').waitFor();
    await scanKeys(this.page, code, options);
    const result = this.page.getByTestId('scanner-test-result');
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }
}
