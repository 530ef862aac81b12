import type { Locator, Page } from 'playwright-core';

export const SCREENS = ['pack', 'queue', 'handover', 'reprint', 'printers', 'transfer', 'settings'] as const;
export type ScreenName = (typeof SCREENS)[number];

/**
 * The shell around every screen: the navigation, the language switch and the status bar.
 * Screens still being built show a placeholder (class "placeholder"); `open` says which it found,
 * so a flow can use the screen when it is there and the API when it is not.
 */
export class AppShell {
  constructor(readonly page: Page) {}

  async goto(origin: string): Promise<void> {
    await this.page.goto(`${origin}/`);
    await this.nav('pack').waitFor();
    await this.waitConnected();
  }

  nav(screen: ScreenName): Locator {
    return this.page.getByTestId(`nav-${screen}`);
  }

  /** Shows a screen; true when it is built, false when the placeholder stands in for it. */
  async open(screen: ScreenName): Promise<boolean> {
    await this.nav(screen).click();
    // The settings screen has no test id of its own (its file is not the pack screen's to edit).
    const built = screen === 'settings' ? this.page.locator('main .settings') : this.page.getByTestId(`screen-${screen}`);
    const placeholder = this.page.locator('main .placeholder');
    await built.or(placeholder).first().waitFor();
    return built.first().isVisible();
  }

  /** The EN / 中文 switch in the top bar (the settings screen has a second one). */
  languageButton(lang: 'en' | 'zh-CN'): Locator {
    return this.page.getByRole('banner').getByTestId('lang-switch').locator(`button[lang="${lang}"]`);
  }

  async switchLanguage(lang: 'en' | 'zh-CN'): Promise<void> {
    await this.languageButton(lang).click();
    await this.page.waitForFunction(
      (l) => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === l,
      lang,
    );
  }

  /** The link to the station in the status bar (data-state: answering, not-answering, disconnected). */
  get stationLink(): Locator {
    return this.page.getByTestId('status-link');
  }

  get printerStatus(): Locator {
    return this.page.getByTestId('status-printer');
  }

  /** The station has answered over the socket: the status bar knows the sync backlog. */
  async waitConnected(): Promise<void> {
    await this.page.locator('[data-testid="status-sync"][data-pending]').waitFor();
  }
}
