import type { Locator, Page } from 'playwright-core';
import type { DocumentKind } from '../../../core/printing/types.js';
import { setControl } from './controls.js';

export interface NewPrinter {
  name: string;
  /** As a packer types it: "192.168.1.50", "127.0.0.1:9101" or a full printer address. */
  address: string;
  language: 'zpl' | 'escpos' | 'tspl';
  dpi: 203 | 300;
  documents: DocumentKind[];
}

const DOCUMENTS: DocumentKind[] = ['SHIPPING_LABEL', 'PICK_LIST', 'SKU_LABEL'];

/** Printers: saved and discovered printers, adding one, test print, status and label preview. */
export class PrintersScreen {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('screen-printers');
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="printer-row"][data-name="${name}"]`);
  }

  async add(p: NewPrinter): Promise<void> {
    await setControl(this.page.getByTestId('printer-add-name'), p.name);
    await setControl(this.page.getByTestId('printer-add-address'), p.address);
    await setControl(this.page.getByTestId('printer-add-language'), p.language);
    await setControl(this.page.getByTestId('printer-add-dpi'), String(p.dpi));
    for (const d of DOCUMENTS) await setControl(this.page.getByTestId(`printer-add-document-${d}`), p.documents.includes(d));
    await this.page.getByTestId('printer-add-submit').click();
    await this.row(p.name).waitFor();
  }

  testButton(name: string): Locator {
    return this.row(name).getByTestId('printer-test');
  }

  refreshButton(name: string): Locator {
    return this.row(name).getByTestId('printer-refresh');
  }

  status(name: string): Locator {
    return this.row(name).getByTestId('printer-status');
  }

  /** Opens the printer's calibration and label preview. */
  async select(name: string): Promise<void> {
    await this.row(name).getByTestId('printer-select').click();
  }

  get notice(): Locator {
    return this.page.getByTestId('printers-notice');
  }

  get previewImage(): Locator {
    return this.page.getByTestId('label-preview-image');
  }

  /** Shows the label an order would print on the selected printer. */
  async previewOrder(orderId: string): Promise<void> {
    await this.page.getByTestId('label-preview-order').fill(orderId);
    await this.page.getByTestId('label-preview-show-order').click();
    await this.previewImage.waitFor();
  }
}
