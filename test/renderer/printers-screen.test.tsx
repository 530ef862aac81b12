// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiscoveredPrinters } from '../../core/api/views.js';
import type { SavedPrinter } from '../../core/printing/types.js';
import { en } from '../../renderer/src/i18n/en.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { discoveryNote } from '../../renderer/src/screens/printers/DiscoveredList.js';
import { PrintersScreen } from '../../renderer/src/screens/PrintersScreen.js';
import { FakeApi, FakeApiError } from './helpers/fake-api.js';
import { job } from './helpers/orders.js';
import { renderWithCore } from './helpers/render.js';

function printer(over: Partial<SavedPrinter> = {}): SavedPrinter {
  return {
    name: 'Zebra GK420d',
    uri: 'tcp://192.168.1.50:9100',
    language: 'zpl',
    dpi: 203,
    stock: { widthMm: 100, heightMm: 150 },
    offset: { x: 0, y: 0 },
    darkness: null,
    rotation: 0,
    options: {},
    documents: ['SHIPPING_LABEL'],
    builtIn: false,
    ...over,
  };
}

const preview = () => printer({ name: 'Preview', uri: 'preview:/data/label-previews', documents: [], builtIn: true });
const nothingFound: DiscoveredPrinters = { usb: [], os: [], notes: [] };
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';

/** A fake core with the given printers (saved ones replace by name, as printers.save does). */
function coreWith(printers: SavedPrinter[], api = new FakeApi()) {
  let saved = [...printers];
  return api
    .handle('printers.list', () => saved)
    .handle('printers.discover', () => nothingFound)
    .handle('printers.status', ({ name }) => ({ printer: name, status: null }))
    .handle('printing.preview', ({ printer: name }) => ({ png: PNG, widthDots: 800, heightDots: 1200, printer: name ?? 'Preview', source: 'TEST' as const }))
    .handle('printers.save', (input) => {
      const p = printer({
        ...input,
        stock: input.stock ?? { widthMm: 100, heightMm: 150 },
        offset: input.offset ?? { x: 0, y: 0 },
        documents: input.documents ?? [],
      } as Partial<SavedPrinter>);
      saved = [...saved.filter((x) => x.name !== p.name), p];
      return p;
    });
}

const row = (name: string) => screen.getAllByTestId('printer-row').find((r) => r.dataset.name === name)!;

afterEach(cleanup);

describe('PrintersScreen', () => {
  it('lists the saved printers with their status in words from the catalogue, and follows printer.status events', async () => {
    const api = coreWith([printer(), preview()]).handle('printers.status', ({ name }) => ({
      printer: name,
      status: name === 'Zebra GK420d' ? { ready: false, conditions: ['PAPER_OUT', 'HEAD_OPEN'], raw: '' } : null,
    }));
    renderWithCore(<PrintersScreen />, api);
    expect(screen.getByTestId('screen-printers')).toBeTruthy();
    await waitFor(() => expect(within(row('Zebra GK420d')).getByTestId('printer-status').textContent).toContain('Not ready: paper out, head open'));
    const zebra = within(row('Zebra GK420d')).getByTestId('printer-status');
    expect(zebra.textContent).toContain(en['printers.condition.PAPER_OUT']);
    expect(zebra.textContent).toContain(en['printers.condition.HEAD_OPEN']);
    expect(zebra.dataset.tone).toBe('error');
    expect(within(row('Preview')).getByTestId('printer-status').textContent).toBe(en['printers.status.silent']);
    expect(within(row('Zebra GK420d')).getByText(/Shipping labels/)).toBeTruthy();

    await act(async () => api.emit('printer.status', { printer: 'Zebra GK420d', status: { ready: true, conditions: [], raw: '' } }));
    expect(within(row('Zebra GK420d')).getByTestId('printer-status').textContent).toBe(en['printers.status.ready']);
  });

  it('asks the printer again on Refresh, and says in words when it cannot be reached', async () => {
    let offline = false;
    const api = coreWith([printer()]).handle('printers.status', ({ name }) => {
      if (offline) throw new FakeApiError('PRINTER_OFFLINE');
      return { printer: name, status: { ready: true, conditions: [], raw: '' } };
    });
    renderWithCore(<PrintersScreen />, api);
    await waitFor(() => expect(within(row('Zebra GK420d')).getByTestId('printer-status').textContent).toBe('Ready'));
    offline = true;
    fireEvent.click(within(row('Zebra GK420d')).getByTestId('printer-refresh'));
    await waitFor(() => expect(within(row('Zebra GK420d')).getByTestId('printer-status').textContent).toContain(en['printers.status.failed']));
    expect(within(row('Zebra GK420d')).getByTestId('printer-status').textContent).toContain(en['error.PRINTER_OFFLINE']);
    expect(api.callsTo('printers.status')).toHaveLength(2);
  });

  it('adds a network printer by host with the raw port 9100 when none is given', async () => {
    const api = coreWith([preview()]);
    renderWithCore(<PrintersScreen />, api);
    await screen.findByTestId('printer-row');
    fireEvent.change(screen.getByTestId('printer-add-name'), { target: { value: 'Bench TSC' } });
    fireEvent.change(screen.getByTestId('printer-add-address'), { target: { value: ' 192.168.1.77 ' } });
    fireEvent.change(screen.getByTestId('printer-add-language'), { target: { value: 'tspl' } });
    fireEvent.change(screen.getByTestId('printer-add-dpi'), { target: { value: '300' } });
    fireEvent.click(screen.getByTestId('printer-add-submit'));
    await waitFor(() => expect(api.callsTo('printers.save')).toHaveLength(1));
    expect(api.callsTo('printers.save')[0]).toEqual({
      name: 'Bench TSC',
      uri: 'tcp://192.168.1.77:9100',
      language: 'tspl',
      dpi: 300,
      stock: { widthMm: 100, heightMm: 150 },
      // The first real printer takes every document nobody prints yet.
      documents: ['SHIPPING_LABEL', 'PICK_LIST', 'SKU_LABEL'],
    });
    await waitFor(() => expect(row('Bench TSC')).toBeTruthy());
    expect(screen.getByTestId('printers-notice').textContent).toContain('Bench TSC saved.');
  });

  it('keeps a port that is given, and refuses what is not an address without calling the core', async () => {
    const api = coreWith([printer()]);
    renderWithCore(<PrintersScreen />, api);
    await screen.findAllByTestId('printer-row');
    fireEvent.change(screen.getByTestId('printer-add-name'), { target: { value: 'Pack 2' } });
    fireEvent.change(screen.getByTestId('printer-add-address'), { target: { value: 'http://printer/' } });
    fireEvent.click(screen.getByTestId('printer-add-submit'));
    expect(screen.getByTestId('printer-add-problem').textContent).toBe(en['printers.add.badAddress']);
    expect(api.callsTo('printers.save')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('printer-add-address'), { target: { value: 'zebra-2.local:6101' } });
    fireEvent.click(screen.getByTestId('printer-add-submit'));
    await waitFor(() => expect(api.callsTo('printers.save')).toHaveLength(1));
    expect(api.callsTo('printers.save')[0]).toMatchObject({
      uri: 'tcp://zebra-2.local:6101',
      language: 'zpl',
      dpi: 203,
      documents: ['PICK_LIST', 'SKU_LABEL'],
    });
  });

  it('saves the calibration: offsets in half-millimetre steps or typed, darkness and rotation, keeping the rest of the printer', async () => {
    const api = coreWith([printer({ offset: { x: 0.5, y: 0 }, documents: ['SHIPPING_LABEL', 'PICK_LIST'] }), preview()]);
    renderWithCore(<PrintersScreen />, api);
    await screen.findByTestId('printer-calibration');
    expect((screen.getByTestId('printer-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('printer-offset-x-plus'));
    fireEvent.click(screen.getByTestId('printer-offset-x-plus'));
    expect((screen.getByTestId('printer-offset-x') as HTMLInputElement).value).toBe('1.5');
    fireEvent.change(screen.getByTestId('printer-offset-y'), { target: { value: '-2.25' } });
    fireEvent.click(screen.getByTestId('printer-offset-y-minus'));
    expect((screen.getByTestId('printer-offset-y') as HTMLInputElement).value).toBe('-2.75');
    fireEvent.change(screen.getByTestId('printer-darkness'), { target: { value: '22' } });
    fireEvent.click(screen.getByTestId('printer-rotation-180'));
    fireEvent.click(screen.getByTestId('printer-save'));
    await waitFor(() => expect(api.callsTo('printers.save')).toHaveLength(1));
    expect(api.callsTo('printers.save')[0]).toEqual({
      name: 'Zebra GK420d',
      uri: 'tcp://192.168.1.50:9100',
      language: 'zpl',
      dpi: 203,
      stock: { widthMm: 100, heightMm: 150 },
      offset: { x: 1.5, y: -2.75 },
      darkness: 22,
      rotation: 180,
      options: {},
      documents: ['SHIPPING_LABEL', 'PICK_LIST'],
    });
  });

  it('shows the label that will print as a PNG: the test label, then an order’s', async () => {
    const api = coreWith([printer()]);
    renderWithCore(<PrintersScreen />, api);
    const img = (await screen.findByTestId('label-preview-image')) as HTMLImageElement;
    expect(img.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(img.alt).toBe('Test label as Zebra GK420d will print it');
    expect(api.callsTo('printing.preview')[0]).toEqual({ printer: 'Zebra GK420d', station: 'bench-3' });

    fireEvent.change(screen.getByTestId('label-preview-order'), { target: { value: '576461234567890001' } });
    fireEvent.click(screen.getByTestId('label-preview-show-order'));
    await waitFor(() =>
      expect(screen.getByTestId('label-preview-image').getAttribute('alt')).toBe('Label of order 576461234567890001 as Zebra GK420d will print it'),
    );
    expect(api.callsTo('printing.preview')[1]).toEqual({ printer: 'Zebra GK420d', station: 'bench-3', orderId: '576461234567890001' });
    expect(screen.getByText(/800 × 1200 dots/)).toBeTruthy();
  });

  it('sends a test print as this station and packer, and says when it failed', async () => {
    const api = coreWith([printer()]).handle('printers.test', (input) =>
      job({ printerName: input.name, kind: 'TEST', state: 'FAILED', errorCode: 'PAPER_OUT' }),
    );
    renderWithCore(<PrintersScreen />, api);
    fireEvent.click(within(await screen.findByTestId('printer-row')).getByTestId('printer-test'));
    await waitFor(() => expect(screen.getByTestId('printers-notice').dataset.kind).toBe('failed'));
    expect(api.callsTo('printers.test')).toEqual([{ name: 'Zebra GK420d', station: 'bench-3', packer: 'amy' }]);
    expect(screen.getByTestId('printers-notice').textContent).toContain('The test label did not print on Zebra GK420d.');
    expect(screen.getByTestId('printers-notice').textContent).toContain(en['error.PAPER_OUT']);
  });

  it('moves a document to another printer with one choice', async () => {
    const api = coreWith([printer(), printer({ name: 'Office laser', uri: 'spool:Office', documents: [] })]);
    renderWithCore(<PrintersScreen />, api);
    await screen.findAllByTestId('printer-row');
    const pickList = screen.getByTestId('printer-document-PICK_LIST') as HTMLSelectElement;
    expect((screen.getByTestId('printer-document-SHIPPING_LABEL') as HTMLSelectElement).value).toBe('Zebra GK420d');
    fireEvent.change(pickList, { target: { value: 'Office laser' } });
    await waitFor(() => expect(api.callsTo('printers.save')).toHaveLength(1));
    expect(api.callsTo('printers.save')[0]).toMatchObject({ name: 'Office laser', uri: 'spool:Office', documents: ['PICK_LIST'] });
  });

  it('fills the add form from a discovered USB printer with the language it reported', async () => {
    const api = coreWith([preview()]).handle('printers.discover', () => ({
      usb: [{ uri: 'usb:0a5f:0164', maker: 'Zebra', model: 'ZD421', language: 'zpl' as const }],
      os: [{ uri: 'spool:Office_Laser', name: 'Office Laser' }],
      notes: [],
    }));
    renderWithCore(<PrintersScreen />, api);
    const found = await screen.findAllByTestId('discovered-row');
    expect(found).toHaveLength(2);
    expect(found[0]!.textContent).toContain('speaks ZPL (Zebra)');
    fireEvent.click(within(found[0]!).getByTestId('discovered-use'));
    expect((screen.getByTestId('printer-add-name') as HTMLInputElement).value).toBe('Zebra ZD421');
    expect((screen.getByTestId('printer-add-address') as HTMLInputElement).value).toBe('usb:0a5f:0164');
    expect((screen.getByTestId('printer-add-language') as HTMLSelectElement).value).toBe('zpl');
    expect(document.activeElement).toBe(screen.getByTestId('printer-add-name'));
    fireEvent.click(screen.getByTestId('printer-add-submit'));
    await waitFor(() => expect(api.callsTo('printers.save')[0]).toMatchObject({ name: 'Zebra ZD421', uri: 'usb:0a5f:0164' }));
  });
});

describe('PrintersScreen in Chinese', () => {
  it('names the built-in Preview printer in the station’s language, while its API name stays "Preview"', async () => {
    const api = coreWith([preview()]);
    const { store } = renderWithCore(<PrintersScreen />, api);
    await screen.findAllByTestId('printer-row');
    expect(within(row('Preview')).getByTestId('printer-select').textContent).toContain(en['printers.previewName']);
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    expect(within(row('Preview')).getByTestId('printer-select').textContent).toContain(zhCN['printers.previewName']);
    expect(within(row('Preview')).getByTestId('printer-select').textContent).not.toContain('Preview');
    fireEvent.click(within(row('Preview')).getByTestId('printer-test'));
    await waitFor(() => expect(api.callsTo('printers.test')[0]).toMatchObject({ name: 'Preview' }));
  });

  it('says the USB discovery notes in Chinese by their code, with the count', () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate('zh-CN', key, vars);
    expect(discoveryNote(t, { code: 'USB_UNAVAILABLE', message: 'USB devices cannot be listed on this computer (LIBUSB_ERROR_ACCESS).' })).toBe(
      zhCN['printers.discovered.usbUnavailable'],
    );
    expect(discoveryNote(t, { code: 'USB_NO_PERMISSION', count: 2, message: 'English' })).toMatch(/^有 2 个 USB 设备无法读取/);
    // A code newer than this screen: the core's words rather than nothing.
    expect(discoveryNote(t, { code: 'USB_SOMETHING_NEW', message: 'New note' } as never)).toBe('New note');
    expect(translate('en', 'printers.discovered.usbNoPermission', { count: 1 })).toMatch(/^1 USB device could not/);
  });
});

describe('PrintersScreen: receipt printers', () => {
  it('adds a 58 mm Star receipt printer as ESC/POS, for pick lists and packing slips', async () => {
    const api = coreWith([preview()]);
    renderWithCore(<PrintersScreen />, api);
    await screen.findAllByTestId('printer-row');
    fireEvent.change(screen.getByTestId('printer-add-name'), { target: { value: 'Receipt 58' } });
    fireEvent.change(screen.getByTestId('printer-add-address'), { target: { value: '192.168.1.77' } });
    fireEvent.change(screen.getByTestId('printer-add-kind'), { target: { value: 'receipt-58' } });
    // A receipt printer has no language, dpi or label size to choose.
    expect(screen.queryByTestId('printer-add-language')).toBeNull();
    fireEvent.change(screen.getByTestId('printer-add-dialect'), { target: { value: 'star' } });
    expect((screen.getByTestId('printer-add-document-PICK_LIST') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('printer-add-document-SHIPPING_LABEL') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByTestId('printer-add-submit'));
    await waitFor(() => expect(api.callsTo('printers.save')).toHaveLength(1));
    expect(api.callsTo('printers.save')[0]).toEqual({
      name: 'Receipt 58',
      uri: 'tcp://192.168.1.77:9100',
      language: 'escpos',
      dpi: 203,
      stock: { widthMm: 58, heightMm: 300 },
      options: { receipt: { widthMm: 58, dialect: 'star' } },
      documents: ['PICK_LIST'],
    });
  });

  it('lists a saved receipt printer by its paper and commands, in Chinese too', async () => {
    const receipt = {
      ...preview(),
      name: 'R80',
      uri: 'tcp://10.0.0.9:9100',
      builtIn: false,
      language: 'escpos' as const,
      options: { receipt: { widthMm: 80 as const, dialect: 'epson' as const } },
    };
    const { store } = renderWithCore(<PrintersScreen />, coreWith([preview(), receipt]));
    await screen.findAllByTestId('printer-row');
    expect(within(row('R80')).getByTestId('printer-receipt').textContent).toBe('Receipt printer 80 mm · Epson (ESC/POS)');
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    expect(within(row('R80')).getByTestId('printer-receipt').textContent).toBe('小票打印机 80 毫米 · 爱普生 Epson（ESC/POS）');
  });
});
