// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chipsOf } from '../../renderer/src/components/StatusChips.js';
import { QueueScreen } from '../../renderer/src/screens/QueueScreen.js';
import { ResultList } from '../../renderer/src/screens/reprint/ResultList.js';
import { FakeApi } from './helpers/fake-api.js';
import { orderView } from './helpers/orders.js';
import { queueRow, serveQueue } from './helpers/queue-rows.js';
import { renderWithCore } from './helpers/render.js';

afterEach(cleanup);

const rowOf = (orderId: string) => document.querySelector<HTMLElement>(`[data-testid="queue-row"][data-order-id="${orderId}"]`)!;

describe('status chips: packed, label printed, arranged', () => {
  it('come from what the core says happened, in bench order', () => {
    expect(chipsOf({ packedAt: null, labelPrintedAt: null, status: 'AWAITING_SHIPMENT' })).toEqual([]);
    expect(chipsOf({ packedAt: null, labelPrintedAt: 9, status: 'AWAITING_SHIPMENT' })).toEqual(['labelPrinted']);
    expect(chipsOf({ packedAt: 5, labelPrintedAt: 9, status: 'AWAITING_COLLECTION' })).toEqual(['packed', 'labelPrinted', 'arranged']);
  });

  it('show on queue rows, in English and Chinese; a half-packed order still says how far it got', async () => {
    const api = serveQueue(new FakeApi(), [
      queueRow(1, { packedAt: 5, packedBy: 'li', labelPrintedAt: 9, unitsPacked: 1 }),
      queueRow(2, { labelPrintedAt: 9 }),
      queueRow(3, { singleItem: false, unitsOrdered: 3, unitsPacked: 1 }),
    ]);
    const { store } = renderWithCore(<QueueScreen />, api);
    await screen.findAllByTestId('queue-row');
    expect(within(rowOf('O-00001')).getByTestId('status-chips').textContent).toBe('PackedLabel printed');
    expect(within(rowOf('O-00002')).getByTestId('status-chips').dataset.chips).toBe('labelPrinted');
    expect(within(rowOf('O-00003')).queryByTestId('status-chips')).toBeNull();
    expect(rowOf('O-00003').textContent).toContain('1 of 3 packed');
    expect(rowOf('O-00001').textContent).not.toContain('1 of 1 packed');
    act(() => store.getState().updateSettings({ language: 'zh-CN' }));
    expect(within(rowOf('O-00001')).getByTestId('status-chips').textContent).toBe('已打包已打印面单');
  });

  it('show "arranged" where arranged orders are listed: the reprint screen’s results', () => {
    renderWithCore(
      <ResultList
        results={[orderView({ id: 'A-1', status: 'AWAITING_COLLECTION', packedAt: 5, labelPrintedAt: 6 })]}
        selectedId={null}
        onSelect={() => {}}
        onReprint={() => {}}
        onToSearch={() => {}}
      />,
    );
    expect(screen.getByTestId('status-chips').dataset.chips).toBe('packed labelPrinted arranged');
    expect(screen.getByTestId('status-chips').textContent).toContain('Arranged');
  });
});
