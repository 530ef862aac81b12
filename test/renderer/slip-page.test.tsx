// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SlipPageDialog } from '../../renderer/src/components/SlipPageDialog.js';
import { FakeApi, FakeApiError } from './helpers/fake-api.js';
import { renderWithCore } from './helpers/render.js';

afterEach(cleanup);

describe('the A4 packing slip over the app', () => {
  it('shows the core’s page in a frame that runs no script, and closes with Escape', async () => {
    const html = '<!doctype html><html><body><h1>Packing slip</h1><p>Order O-1</p></body></html>';
    const api = new FakeApi().handle('printing.packingSlipPage', (input) => ({ orderId: input.orderId, html }));
    const { store } = renderWithCore(<SlipPageDialog />, api);
    expect(screen.queryByTestId('slip-page')).toBeNull();
    await act(() => store.getState().openSlipPage('O-1'));
    const frame = screen.getByTestId('slip-page-frame') as HTMLIFrameElement;
    expect(frame.getAttribute('srcdoc')).toBe(html);
    // No allow-scripts: the page is the core's and is only shown and printed.
    expect(frame.getAttribute('sandbox')?.split(' ').sort()).toEqual(['allow-modals', 'allow-same-origin']);
    expect(screen.getByTestId('slip-page').getAttribute('aria-label')).toBe('Packing slip for order O-1');
    fireEvent.keyDown(screen.getByTestId('slip-page'), { key: 'Escape' });
    expect(screen.queryByTestId('slip-page')).toBeNull();
  });

  it('says why there is no slip', async () => {
    const api = new FakeApi().handle('printing.packingSlipPage', () => Promise.reject(new FakeApiError('ORDER_NOT_FOUND')));
    const { store } = renderWithCore(<SlipPageDialog />, api);
    await act(() => store.getState().openSlipPage('O-404'));
    expect(screen.getByRole('alert').textContent).toBe('The packing slip could not be made. No such order.');
    expect((screen.getByTestId('slip-page-print') as HTMLButtonElement).disabled).toBe(true);
  });
});
