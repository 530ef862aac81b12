// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShopSettings } from '../../core/api/views.js';
import { en } from '../../renderer/src/i18n/en.js';
import { SettingsScreen } from '../../renderer/src/screens/SettingsScreen.js';
import { formatOffset } from '../../renderer/src/screens/settings/timezone.js';
import { FakeApi, FakeApiError } from './helpers/fake-api.js';
import { renderWithCore } from './helpers/render.js';

const stored = (): ShopSettings => ({
  sender: {
    name: 'Red Mug Shop',
    phone: '+44 20 7946 0000',
    address: '2 Dock Rd',
    district: '',
    city: 'London',
    state: '',
    postcode: 'E16 1AA',
    country: 'GB',
  },
  timeZoneOffsetMinutes: 0,
  scanner: { prefixes: [']C1'], suffixes: [] },
  packing: { autoPrint: true, autoShip: false },
});

/** A fake core that keeps what settings.set sends, as the real one does. */
function core() {
  let settings = stored();
  return new FakeApi()
    .handle('settings.get', () => settings)
    .handle('settings.set', (input) => {
      settings = {
        sender: input.sender ? { ...settings.sender, ...input.sender } : settings.sender,
        timeZoneOffsetMinutes: input.timeZoneOffsetMinutes ?? settings.timeZoneOffsetMinutes,
        scanner: input.scanner ?? settings.scanner,
        packing: { ...settings.packing, ...input.packing },
      };
      return settings;
    });
}

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement;

afterEach(cleanup);

describe('Settings: shop settings', () => {
  it('loads the return address, time zone and scanner affixes from the core', async () => {
    renderWithCore(<SettingsScreen />, core());
    await waitFor(() => expect(field('settings-sender-name').value).toBe('Red Mug Shop'));
    expect(field('settings-sender-phone').value).toBe('+44 20 7946 0000');
    expect(field('settings-sender-address').value).toBe('2 Dock Rd');
    expect(field('settings-sender-city').value).toBe('London');
    expect(field('settings-sender-postcode').value).toBe('E16 1AA');
    expect(field('settings-sender-country').value).toBe('GB');
    expect((screen.getByTestId('settings-timezone') as HTMLSelectElement).value).toBe('0');
    expect((screen.getByTestId('settings-scanner-prefixes') as HTMLTextAreaElement).value).toBe(']C1');
  });

  it('saves them with settings.set and shows what the core kept', async () => {
    const api = core();
    renderWithCore(<SettingsScreen />, api);
    await waitFor(() => expect(field('settings-sender-name').value).toBe('Red Mug Shop'));
    fireEvent.change(field('settings-sender-name'), { target: { value: 'Blue Mug Ltd' } });
    fireEvent.change(field('settings-sender-state'), { target: { value: 'Greater London' } });
    fireEvent.change(screen.getByTestId('settings-timezone'), { target: { value: '480' } });
    fireEvent.change(screen.getByTestId('settings-scanner-prefixes'), { target: { value: ']C1\n\n  ]E0 \n' } });
    fireEvent.change(screen.getByTestId('settings-scanner-suffixes'), { target: { value: '#' } });
    fireEvent.click(screen.getByTestId('settings-shop-save'));
    await screen.findByTestId('settings-shop-saved');
    expect(api.callsTo('settings.set')).toEqual([
      {
        sender: {
          name: 'Blue Mug Ltd',
          phone: '+44 20 7946 0000',
          address: '2 Dock Rd',
          district: '',
          city: 'London',
          state: 'Greater London',
          postcode: 'E16 1AA',
          country: 'GB',
        },
        timeZoneOffsetMinutes: 480,
        scanner: { prefixes: [']C1', ']E0'], suffixes: ['#'] },
        packing: { autoPrint: true, autoShip: false },
      },
    ]);
    expect(field('settings-sender-name').value).toBe('Blue Mug Ltd');
    expect((screen.getByTestId('settings-scanner-prefixes') as HTMLTextAreaElement).value).toBe(']C1\n]E0');
    expect(screen.getByRole('option', { selected: true, name: formatOffset(480) })).toBeTruthy();
    // The next edit takes "Saved." away: it no longer describes the form.
    fireEvent.change(field('settings-sender-phone'), { target: { value: '' } });
    expect(screen.queryByTestId('settings-shop-saved')).toBeNull();
  });

  it('changes what happens when an order is complete for the whole shop: the rule goes to the core, not this browser', async () => {
    const api = core();
    const { store } = renderWithCore(<SettingsScreen />, api);
    await waitFor(() => expect(field('settings-auto-print').checked).toBe(true));
    expect(field('settings-auto-ship').checked).toBe(false);
    fireEvent.click(field('settings-auto-ship'));
    fireEvent.click(screen.getByTestId('settings-shop-save'));
    await screen.findByTestId('settings-shop-saved');
    expect(api.callsTo('settings.set')[0]?.packing).toEqual({ autoPrint: true, autoShip: true });
    expect(field('settings-auto-ship').checked).toBe(true);
    expect(store.getState().shop.settings?.packing).toEqual({ autoPrint: true, autoShip: true });
    expect(JSON.stringify(store.getState().settings)).not.toContain('autoShip');
  });

  it('refuses more affixes than the core keeps without sending, and says when loading failed', async () => {
    const api = core();
    renderWithCore(<SettingsScreen />, api);
    await waitFor(() => expect(field('settings-sender-name').value).toBe('Red Mug Shop'));
    fireEvent.change(screen.getByTestId('settings-scanner-suffixes'), { target: { value: 'x'.repeat(21) } });
    fireEvent.click(screen.getByTestId('settings-shop-save'));
    expect(screen.getByTestId('settings-shop-problem').textContent).toBe(en['shop.scanner.tooLong']);
    expect(api.callsTo('settings.set')).toHaveLength(0);
    cleanup();

    const down = new FakeApi().handle('settings.get', () => {
      throw new FakeApiError('DB_OPEN_FAILED');
    });
    renderWithCore(<SettingsScreen />, down);
    const error = await screen.findByTestId('settings-shop-error');
    expect(error.textContent).toContain(en['shop.loadFailed']);
    expect(error.textContent).toContain(en['error.DB_OPEN_FAILED']);
  });
});
