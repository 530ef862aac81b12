// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { binWalkOrder, nextLine } from '../../renderer/src/screens/pack/binWalk.js';
import { PackScreen } from '../../renderer/src/screens/PackScreen.js';
import { FakeApi } from './helpers/fake-api.js';
import { line, orderView } from './helpers/orders.js';
import { recordingSounds, renderWithCore } from './helpers/render.js';

afterEach(cleanup);

const lines = [
  line({ skuId: 'a', sellerSku: 'MUG-10', bin: 'A-10', qty: 1, packedQty: 0 }),
  line({ skuId: 'b', sellerSku: 'MUG-9', bin: 'A-2', qty: 2, packedQty: 2 }),
  line({ skuId: 'c', sellerSku: 'CAP', bin: null, qty: 1, packedQty: 0 }),
  line({ skuId: 'd', sellerSku: 'BAG-2', bin: 'A-2', qty: 3, packedQty: 1 }),
];

describe('the next scan at a glance', () => {
  it('walks the bins in natural order, then by SKU, with lines without a bin last', () => {
    expect(binWalkOrder(lines).map((l) => l.sellerSku)).toEqual(['BAG-2', 'MUG-9', 'MUG-10', 'CAP']);
    expect(nextLine(lines)?.sellerSku).toBe('BAG-2');
    expect(nextLine(lines.map((l) => ({ ...l, packedQty: l.qty })))).toBeNull();
  });

  it('lists the lines in bin-walk order, marks the line to scan next, and shows its card without a made-up picture', async () => {
    const api = new FakeApi().handle('packing.current', () => orderView({ id: 'O-7', lines, unitsOrdered: 7, unitsPacked: 3 }));
    renderWithCore(<PackScreen sounds={recordingSounds()} />, api);
    const card = await screen.findByTestId('next-card');
    expect(card.dataset.sku).toBe('BAG-2');
    expect(screen.getByTestId('next-bin').textContent).toBe('A-2');
    expect(screen.getByTestId('next-left').textContent).toBe('2');
    expect(card.querySelector('img')).toBeNull();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.dataset.sku)).toEqual(['BAG-2', 'MUG-9', 'MUG-10', 'CAP']);
    expect(rows.filter((r) => r.getAttribute('aria-current') === 'step').map((r) => r.dataset.sku)).toEqual(['BAG-2']);
  });

  it('shows no next card once the order is packed', async () => {
    const done = lines.map((l) => ({ ...l, packedQty: l.qty }));
    const api = new FakeApi().handle('packing.current', () => orderView({ id: 'O-8', lines: done, packedAt: 1, unitsOrdered: 7, unitsPacked: 7 }));
    renderWithCore(<PackScreen sounds={recordingSounds()} />, api);
    await screen.findByTestId('pack-order');
    expect(screen.queryByTestId('next-card')).toBeNull();
  });
});
