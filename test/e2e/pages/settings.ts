import type { Locator, Page } from 'playwright-core';

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
}
