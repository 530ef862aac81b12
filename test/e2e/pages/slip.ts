import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The A4 packing slip over the app: the core's page in a frame, Print and Close. */
export class SlipPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('slip-page');
  }

  /** The slip itself, inside its frame. */
  get document(): FrameLocator {
    return this.page.frameLocator('[data-testid="slip-page-frame"]');
  }

  /**
   * Counts the frame's print dialogs instead of opening them (headless Chromium has none to show):
   * resolves with a function that reads the count.
   */
  async countPrints(): Promise<() => Promise<number>> {
    const frame = this.page.getByTestId('slip-page-frame');
    await frame.evaluate((el) => {
      const w = (el as unknown as { contentWindow: { print(): void; prints?: number } }).contentWindow;
      w.prints = 0;
      w.print = () => {
        w.prints = (w.prints ?? 0) + 1;
      };
    });
    return () => frame.evaluate((el) => (el as unknown as { contentWindow: { prints?: number } }).contentWindow.prints ?? 0);
  }

  async print(): Promise<void> {
    await this.page.getByTestId('slip-page-print').click();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('slip-page-close').click();
    await this.root.waitFor({ state: 'detached' });
  }
}
