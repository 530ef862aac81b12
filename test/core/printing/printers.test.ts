import { describe, expect, it } from 'vitest';
import { errorCode } from '../features/support.js';
import { labelsIn, printingBench, WHO } from './support.js';

describe('printers', () => {
  it('lists saved printers with the built-in preview, and says which prints what', async () => {
    const { core, printer } = await printingBench(0);
    const list = await core.call('printers.list', {});
    expect(list.map((p) => [p.name, p.builtIn, p.documents])).toEqual([
      ['Zebra', false, ['SHIPPING_LABEL']],
      ['Preview', true, []],
    ]);
    expect(list[0]).toMatchObject({ uri: printer.uri, language: 'zpl', dpi: 203, stock: { widthMm: 100, heightMm: 150 }, offset: { x: 0, y: 0 } });
  });

  it('saves calibration, and the label moves by the offset', async () => {
    const { core, printer } = await printingBench(0);
    await core.call('printers.save', { name: 'Zebra', uri: printer.uri, language: 'zpl', dpi: 203, offset: { x: 2, y: -1.5 }, darkness: 20 });
    expect((await core.call('printers.list', {}))[0]).toMatchObject({ offset: { x: 2, y: -1.5 }, darkness: 20 });
    await core.call('printers.test', { name: 'Zebra', ...WHO });
    const [label] = labelsIn(printer.received());
    // 2 mm right and 1.5 mm up at 8 dots/mm: ^LH cannot go negative, ^LT moves the label up.
    expect(label).toContain('^LH16,0');
    expect(label).toContain('^LT-12');
    expect(printer.received().toString('latin1')).toContain('~SD20'); // darkness goes ahead of the label
  });

  it('refuses bad printer settings with clear codes', async () => {
    const { core } = await printingBench(0);
    expect(await errorCode(core.call('printers.save', { name: 'X', uri: 'carrier-pigeon://roof', language: 'zpl', dpi: 203 }))).toBe('INVALID_INPUT');
    expect(await errorCode(core.call('printers.save', { name: 'X', uri: 'tcp://printer', language: 'pcl' as 'zpl', dpi: 203 }))).toBe('INVALID_INPUT');
    expect(await errorCode(core.call('printers.save', { name: 'Preview', uri: 'tcp://printer', language: 'zpl', dpi: 203 }))).toBe('INVALID_INPUT');
    expect(await errorCode(core.call('printers.remove', { name: 'Nope' }))).toBe('PRINTER_NOT_FOUND');
    expect(await errorCode(core.call('printing.print', { orderId: 'O1', printer: 'Nope', ...WHO }))).toBe('ORDER_NOT_FOUND');
  });

  it('reports a printer’s status in the packer’s words', async () => {
    const { core, printer } = await printingBench(0, { headOpen: true });
    const { status } = await core.call('printers.status', { name: 'Zebra' });
    expect(status).toMatchObject({ ready: false, conditions: ['HEAD_OPEN'] });
    printer.state.headOpen = false;
    expect((await core.call('printers.status', { name: 'Zebra' })).status?.ready).toBe(true);
  });

  it('discovers no USB printers on a machine without a USB bus, and says so', async () => {
    const { core } = await printingBench(0);
    const found = await core.call('printers.discover', {});
    expect(found.usb).toEqual([]);
    expect(Array.isArray(found.os)).toBe(true);
  });
});
