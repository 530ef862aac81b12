// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport, ShopSettings } from '../../core/api/views.js';
import { ApiError } from '../../renderer/src/api/transport.js';
import { en } from '../../renderer/src/i18n/en.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { TransferScreen } from '../../renderer/src/screens/TransferScreen.js';
import { FakeApi } from './helpers/fake-api.js';
import { renderWithCore } from './helpers/render.js';

const CSV = 'Order ID,Order Status,Seller SKU\n576461234567890001,AWAITING_SHIPMENT,MUG-RED\n';

function shop(over: Partial<ShopSettings> = {}): ShopSettings {
  return {
    sender: { name: 'Red Mug Shop', phone: '', address: '', district: '', city: '', state: '', postcode: '', country: 'GB' },
    timeZoneOffsetMinutes: 480,
    scanner: { prefixes: [], suffixes: [] },
    packing: { autoPrint: true, autoShip: false },
    ...over,
  };
}

function report(over: Partial<ImportReport> = {}): ImportReport {
  return {
    file: 'orders.csv',
    rows: 120,
    orders: 100,
    created: 60,
    updated: 30,
    unchanged: 8,
    keptLocal: 2,
    skusCreated: 5,
    dateOrder: 'DMY',
    ignoredColumns: ['Buyer Note', 'Weight (kg)'],
    errors: [],
    warnings: [],
    ...over,
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function chooseFile(text = CSV, name = 'orders.csv') {
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([text], name, { type: 'text/csv' })] } });
}

afterEach(cleanup);

describe('TransferScreen: import', () => {
  it('reads the chosen file and sends it to import.orders as an upload in the shop’s time zone, then shows the report', async () => {
    const api = new FakeApi().handle('settings.get', () => shop()).handle('import.orders', () => report());
    renderWithCore(<TransferScreen />, api);
    expect(screen.getByTestId('screen-transfer')).toBeTruthy();
    expect((screen.getByTestId('import-submit') as HTMLButtonElement).disabled).toBe(true);
    chooseFile();
    fireEvent.click(screen.getByTestId('import-submit'));
    const shown = await screen.findByTestId('import-report');
    expect(api.callsTo('import.orders')).toEqual([{ upload: { fileName: 'orders.csv', content: CSV }, timeZoneOffsetMinutes: 480 }]);
    const fact = (id: string) => within(shown).getByTestId(`import-report-${id}`).querySelector('dd')!.textContent;
    expect(fact('rows')).toBe('120');
    expect(fact('orders')).toBe('100');
    expect(fact('created')).toBe('60');
    expect(fact('updated')).toBe('30');
    expect(fact('unchanged')).toBe('8');
    expect(fact('kept-local')).toBe('2');
    expect(fact('skus-created')).toBe('5');
    expect(fact('date-order')).toBe('day/month/year');
    expect(within(shown).getByTestId('import-report-ignored').textContent).toBe('Columns not used: Buyer Note, Weight (kg)');
    expect(screen.getByTestId('import-state').textContent).toBe('orders.csv imported.');
  });

  it('on IMPORT_INVALID lists every bad row, in words made from its code, and says nothing was imported', async () => {
    const errors = [
      { row: 7, column: 'Quantity', code: 'BAD_NUMBER', value: 'two', message: 'core English that the screen does not show' },
      { row: 3, column: 'Created Time', code: 'BAD_DATE', message: 'Created Time "31/31/2025" is not a date.' },
      { row: 9, code: 'MALFORMED_CSV', message: 'A quoted value is never closed.' },
    ];
    const api = new FakeApi()
      .handle('settings.get', () => shop())
      .handle('import.orders', () => {
        throw new ApiError({ code: 'IMPORT_INVALID', message: '3 problem(s) in orders.csv, nothing imported.', details: { errors, total: 1203 } });
      });
    renderWithCore(<TransferScreen />, api);
    chooseFile();
    fireEvent.click(screen.getByTestId('import-submit'));
    const failure = await screen.findByTestId('import-failure');
    expect(failure.textContent).toContain('Nothing was imported: 1203 problems in orders.csv.');
    expect(failure.textContent).toContain('… and 1200 more problems not shown.');
    const rows = within(screen.getByTestId('import-errors')).getAllByTestId('import-error-row');
    expect(rows.map((r) => r.dataset.row)).toEqual(['3', '7', '9']);
    expect(rows[0]!.textContent).toContain('Created Time');
    expect(rows[0]!.textContent).toContain(en['transfer.rowError.BAD_DATE']);
    expect(rows[1]!.textContent).toContain('“two” is not a number.');
    expect(rows[1]!.textContent).not.toContain('core English');
    expect(rows[2]!.textContent).toContain('—');
    expect(screen.queryByTestId('import-report')).toBeNull();
  });

  it('imports a catalogue through import.catalogue, and names other failures in words', async () => {
    const api = new FakeApi()
      .handle('settings.get', () => shop())
      .handle('import.catalogue', () => ({ file: 'skus.csv', rows: 40, created: 12, updated: 28, errors: [], warnings: [] }));
    renderWithCore(<TransferScreen />, api);
    fireEvent.change(screen.getByTestId('import-kind'), { target: { value: 'catalogue' } });
    expect(screen.queryByTestId('import-date-order')).toBeNull();
    chooseFile('Seller SKU,Bin\nMUG-RED,A-01\n', 'skus.csv');
    fireEvent.click(screen.getByTestId('import-submit'));
    const shown = await screen.findByTestId('import-report');
    expect(api.callsTo('import.catalogue')).toEqual([{ upload: { fileName: 'skus.csv', content: 'Seller SKU,Bin\nMUG-RED,A-01\n' } }]);
    expect(shown.dataset.kind).toBe('catalogue');
    expect(within(shown).getByTestId('import-report-created').textContent).toContain('12');

    api.handle('import.catalogue', () => {
      throw new ApiError({ code: 'FILE_UNREADABLE', message: 'Not UTF-8.' });
    });
    fireEvent.click(screen.getByTestId('import-submit'));
    const failure = await screen.findByTestId('import-failure');
    expect(failure.textContent).toContain(en['transfer.import.failed']);
    expect(failure.textContent).toContain(en['error.FILE_UNREADABLE']);
    expect(screen.queryByTestId('import-errors')).toBeNull();
  });

  it('shows progress while the core imports, from its progress events', async () => {
    const answer = deferred<ImportReport>();
    const api = new FakeApi().handle('settings.get', () => shop()).handle('import.orders', () => answer.promise);
    renderWithCore(<TransferScreen />, api);
    chooseFile();
    fireEvent.change(screen.getByTestId('import-date-order'), { target: { value: 'MDY' } });
    fireEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(screen.getByTestId('import-state').dataset.state).toBe('running'));
    expect(screen.getByTestId('import-progress')).toBeTruthy();
    expect((screen.getByTestId('import-submit') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => api.emit('progress', { task: 'import', done: 40, total: 100 }));
    expect(screen.getByTestId('import-progress').textContent).toBe('40 of 100');
    await act(async () => answer.resolve(report()));
    await screen.findByTestId('import-report');
    expect(api.callsTo('import.orders')[0]).toMatchObject({ dateOrder: 'MDY' });
  });
});

describe('TransferScreen: export', () => {
  it('exports the last 90 days by default to the folder given, and shows the files written', async () => {
    const api = new FakeApi()
      .handle('settings.get', () => shop({ timeZoneOffsetMinutes: 0 }))
      .handle('export.orders', (input) => ({
        files: [`${input.dir}/packdesk-orders-1.csv`, `${input.dir}/packdesk-orders-2.csv`],
        rows: 15_200,
        orders: 9_000,
      }));
    renderWithCore(<TransferScreen />, api);
    const from = (screen.getByTestId('export-from') as HTMLInputElement).value;
    const to = (screen.getByTestId('export-to') as HTMLInputElement).value;
    expect(Date.parse(to) - Date.parse(from)).toBe(90 * 86_400_000);

    fireEvent.click(screen.getByTestId('export-submit'));
    expect(screen.getByTestId('export-problem').textContent).toBe(en['transfer.export.needDir']);
    expect(api.callsTo('export.orders')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('export-dir'), { target: { value: '/srv/exports' } });
    fireEvent.click(screen.getByTestId('export-status-AWAITING_SHIPMENT'));
    fireEvent.click(screen.getByTestId('export-submit'));
    const files = await screen.findByTestId('export-files');
    expect(
      within(files)
        .getAllByTestId('export-file')
        .map((f) => f.textContent),
    ).toEqual(['/srv/exports/packdesk-orders-1.csv', '/srv/exports/packdesk-orders-2.csv']);
    expect(screen.getByTestId('export-result').textContent).toContain('Orders: 9000 · rows: 15200 · files: 2');
    expect(api.callsTo('export.orders')[0]).toEqual({
      dir: '/srv/exports',
      status: ['AWAITING_SHIPMENT'],
      from: Date.parse(from),
      to: Date.parse(to) + 86_400_000,
      timeZoneOffsetMinutes: 0,
    });
  });

  it('says why nothing was written when the core refuses', async () => {
    const api = new FakeApi()
      .handle('settings.get', () => shop())
      .handle('export.orders', () => {
        throw new ApiError({ code: 'FILE_UNREADABLE', message: 'Cannot write to /root/x: EACCES' });
      });
    renderWithCore(<TransferScreen />, api);
    fireEvent.change(screen.getByTestId('export-dir'), { target: { value: '/root/x' } });
    fireEvent.click(screen.getByTestId('export-submit'));
    const failure = await screen.findByTestId('export-failure');
    expect(failure.textContent).toContain(`No files were written to /root/x. ${en['transfer.export.cannotWrite']}`);
    // The station's own words are kept, folded under a summary in the station's language.
    expect(failure.querySelector('details')?.textContent).toContain('Cannot write to /root/x: EACCES');
    expect(screen.queryByTestId('export-files')).toBeNull();
  });

  it('says it all in Chinese, the file chooser included, with the station’s English folded away', async () => {
    const api = new FakeApi()
      .handle('settings.get', () => shop())
      .handle('export.orders', () => {
        throw new ApiError({ code: 'FILE_UNREADABLE', message: 'Cannot write to /root/x: EACCES' });
      });
    const { store } = renderWithCore(<TransferScreen />, api);
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    expect(screen.getByText(zhCN['transfer.import.choose'])).toBeTruthy();
    expect(screen.getByTestId('import-file-name').textContent).toBe(zhCN['transfer.import.noFile']);
    fireEvent.change(screen.getByTestId('export-dir'), { target: { value: '/root/x' } });
    fireEvent.click(screen.getByTestId('export-submit'));
    const failure = await screen.findByTestId('export-failure');
    const visible = failure.querySelector('.transfer-failure__title')!.textContent!;
    expect(visible).toBe(`没有文件写入 /root/x。 ${zhCN['transfer.export.cannotWrite']}`);
    expect(failure.querySelector('summary')?.textContent).toBe(zhCN['transfer.coreDetails']);
  });
});

describe('TransferScreen: files that import nothing, in the chosen language', () => {
  it('shows row errors in Chinese by their code: “这一行有 28 个单元格，表头有 31 个”', async () => {
    const errors = [
      { row: 12, code: 'ROW_TOO_SHORT', found: 28, expected: 31, message: 'Row 12: has 28 cells but the header has 31' },
      { row: 14, column: 'Order ID', code: 'BAD_ORDER_ID', value: 'ABC-1', message: 'x' },
      { row: 15, column: 'Buyer Message', code: 'CELL_TOO_LONG', value: 'aaaa', found: 40000, limit: 32767, message: 'x' },
    ];
    const api = new FakeApi()
      .handle('settings.get', () => shop())
      .handle('import.orders', () => {
        throw new ApiError({ code: 'IMPORT_INVALID', message: 'English', details: { errors, total: 3 } });
      });
    const { store } = renderWithCore(<TransferScreen />, api);
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    chooseFile();
    fireEvent.click(screen.getByTestId('import-submit'));
    await screen.findByTestId('import-failure');
    const details = screen.getAllByTestId('import-error-detail').map((d) => d.textContent);
    expect(details).toEqual([
      zhCN['transfer.rowDetail.ROW_TOO_SHORT'].replace('{found}', '28').replace('{expected}', '31'),
      '“ABC-1”不是平台订单号（只能是数字）。',
      '共 40000 个字符；一个单元格最多 32767 个。',
    ]);
    expect(details[0]).toContain('这一行有 28 个单元格，表头有 31 个');
    expect(screen.getByTestId('import-errors').textContent).not.toMatch(/Row|cells|header/);
  });

  it('warns in amber, not green, for a file with a header and no orders', async () => {
    const api = new FakeApi()
      .handle('settings.get', () => shop())
      .handle('import.orders', () => ({
        ...report(),
        rows: 0,
        orders: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        keptLocal: 0,
        skusCreated: 0,
        warnings: [{ code: 'FILE_HEADER_ONLY' as const, message: 'English' }],
      }));
    const { store } = renderWithCore(<TransferScreen />, api);
    chooseFile();
    fireEvent.click(screen.getByTestId('import-submit'));
    const warning = await screen.findByTestId('import-warning');
    expect(warning.textContent).toBe(en['transfer.warning.FILE_HEADER_ONLY.orders']);
    expect(screen.getByTestId('import-report').className).toContain('import-report--warning');
    const state = screen.getByTestId('import-state');
    expect(state.className).toContain('transfer-state--warning');
    expect(state.className).not.toContain('transfer-state--done');
    expect(state.textContent).toBe('orders.csv: nothing imported.');
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    expect(screen.getByTestId('import-warning').textContent).toBe('文件只有表头，没有订单：未导入任何内容。');
  });

  it('says what a refused file is, from the details the core sends: UTF-16 text, or the other kind of file', async () => {
    const api = new FakeApi()
      .handle('settings.get', () => shop())
      .handle('import.orders', () => {
        throw new ApiError({ code: 'FILE_NOT_TEXT', message: 'x', details: { reason: 'UTF16' } });
      });
    renderWithCore(<TransferScreen />, api);
    chooseFile();
    fireEvent.click(screen.getByTestId('import-submit'));
    expect((await screen.findByTestId('import-failure')).textContent).toContain(en['error.FILE_NOT_TEXT.UTF16']);
    api.handle('import.orders', () => {
      throw new ApiError({ code: 'IMPORT_WRONG_KIND', message: 'x', details: { looksLike: 'catalogue' } });
    });
    fireEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(screen.getByTestId('import-failure').textContent).toContain(en['error.IMPORT_WRONG_KIND.catalogue']));
  });
});
