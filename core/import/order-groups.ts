import { cleanText, excerpt } from './cells.js';
import { columnName, type ColumnMap } from './columns.js';
import type { CsvTable } from './csv.js';
import { ORDER_LEVEL_FIELDS, englishColumnName, type OrderField } from './order-columns.js';
import { joinAddress, type ImportedLine, type OrderRow, type OrderValues } from './order-rows.js';
import type { ImportedOrder, RowError } from './types.js';

interface Group {
  orderId: string;
  values: OrderValues;
  cancelRequested: boolean;
  /** By SKU: the same SKU twice in one order is one line with the quantities summed. */
  lines: Map<string, ImportedLine>;
  /** Indexes into the table of this order's rows, in file order. */
  indexes: number[];
  bad: boolean;
}

interface GroupContext {
  table: CsvTable;
  cols: ColumnMap<OrderField>;
  errors: RowError[];
}

/** Package- or line-level values: rows may differ; the first one given is kept. */
const PACKAGE_LEVEL = [
  'cancelledAt',
  'cancelReason',
  'rtsAt',
  'shippedAt',
  'deliveredAt',
  'weightKg',
  'trackingNumber',
  'packageId',
  'carrier',
  'deliveryOption',
] as const satisfies readonly (keyof OrderValues)[];

type Loose = Record<string, string | number | null>;

/** Gathers the rows of each order (in order of first appearance) into one ImportedOrder. */
export class OrderGroups {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly ctx: GroupContext) {}

  add(row: OrderRow, index: number): void {
    let g = this.groups.get(row.orderId);
    if (!g) {
      // Each OrderRow is fresh, so its objects are taken over rather than copied.
      g = { orderId: row.orderId, values: row.values, cancelRequested: false, lines: new Map(), indexes: [], bad: false };
      this.groups.set(row.orderId, g);
    } else {
      this.merge(g, row, index);
    }
    g.indexes.push(index);
    g.bad ||= !row.ok;
    // A request on any line concerns the parcel: the packer must see it.
    g.cancelRequested ||= row.cancelRequested;
    const same = g.lines.get(row.line.skuId);
    if (same) same.quantity += row.line.quantity;
    else g.lines.set(row.line.skuId, row.line);
  }

  /** Orders without any reported problem; an order with one bad row is left out whole. */
  orders(): ImportedOrder[] {
    const out: ImportedOrder[] = [];
    for (const g of this.groups.values()) if (!g.bad) out.push(this.toOrder(g));
    return out;
  }

  private merge(g: Group, row: OrderRow, index: number): void {
    const have = g.values as unknown as Loose;
    const next = row.values as unknown as Loose;
    for (const f of ORDER_LEVEL_FIELDS) {
      const a = have[f];
      const b = next[f];
      if (isEmpty(b) || a === b) continue;
      if (isEmpty(a)) have[f] = b!;
      else this.conflict(g, row, index, f);
    }
    for (const f of PACKAGE_LEVEL) if (isEmpty(have[f])) have[f] = next[f]!;
    // Split packages can carry different deadlines: the earliest is the one to meet.
    g.values.shipBy = earliest(g.values.shipBy, row.values.shipBy);
    g.values.collectBy = earliest(g.values.collectBy, row.values.collectBy);
  }

  private conflict(g: Group, row: OrderRow, index: number, f: OrderField): void {
    g.bad = true;
    const { table, cols, errors } = this.ctx;
    const column = columnName(cols, f, englishColumnName(f));
    const here = this.cellText(table.rows[index]!, f);
    const earlier = g.indexes.find((i) => this.cellText(table.rows[i]!, f) !== '') ?? g.indexes[0]!;
    errors.push({
      row: row.row,
      column,
      code: 'CONFLICTING_ROWS',
      value: excerpt(here),
      message:
        `Row ${row.row}: order ${g.orderId} has ${column} "${excerpt(here)}" here but ` +
        `"${excerpt(this.cellText(table.rows[earlier]!, f))}" on row ${table.rowNumbers[earlier]}. ` +
        'All rows of one order must agree.',
    });
  }

  /** The cell as the seller sees it, for messages. */
  private cellText(cells: readonly string[], f: OrderField): string {
    const { cols } = this.ctx;
    if (f === 'address') return joinAddress(cells, cols.multi.address);
    const col = cols.single[f];
    return col === undefined ? '' : cleanText(cells[col]);
  }

  private toOrder(g: Group): ImportedOrder {
    const v = g.values;
    return {
      id: g.orderId,
      // Every row of a good group has a status (else it would be bad).
      status: v.status!,
      cancelRequested: g.cancelRequested && v.status !== 'CANCELLED',
      lines: [...g.lines.values()],
      recipient: {
        name: v.name,
        phone: v.phone,
        country: v.country,
        state: v.state,
        city: v.city,
        district: v.district,
        address: v.address,
        postcode: v.postcode,
      },
      buyerUsername: v.buyerUsername,
      buyerMessage: v.buyerMessage,
      sellerNote: v.sellerNote,
      trackingNumber: v.trackingNumber,
      packageId: v.packageId,
      carrier: v.carrier,
      deliveryOption: v.deliveryOption,
      weightKg: v.weightKg,
      createdAt: v.createdAt!,
      paidAt: v.paidAt,
      rtsAt: v.rtsAt,
      shippedAt: v.shippedAt,
      deliveredAt: v.deliveredAt,
      cancelledAt: v.cancelledAt,
      cancelReason: v.cancelReason,
      platformDeadlines: { shipBy: v.shipBy, collectBy: v.collectBy },
      rows: g.indexes.map((i) => this.ctx.table.rowNumbers[i]!),
    };
  }
}

function isEmpty(v: string | number | null | undefined): boolean {
  return v === null || v === undefined || v === '';
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
