import type { Locator, Page } from 'playwright-core';
import { scanKeys, type BurstOptions } from './scanner.js';

/** The bench settings; its switches are found by their (English) labels. */
export class SettingsScreen {
  constructor(readonly page: Page) {}

  private toggle(label: RegExp): Locator {
    return this.page.locator('main').getByRole('switch', { name: label });
  }

  get autoPrint(): Locator {
    return this.toggle(/^Print the label when the order is complete/);
  }

  get autoShip(): Locator {
    return this.toggle(/^Arrange shipment after the label has printed/);
  }

  get sounds(): Locator {
    return this.toggle(/^Sounds/);
  }

  async set(toggle: Locator, on: boolean): Promise<void> {
    await toggle.setChecked(on);
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
