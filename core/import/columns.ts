/**
 * Maps a file's header row to the fields an importer knows, by name. Exports differ per market and
 * per year (spelling, "#", brackets, Chinese headers), so names are compared after folding case,
 * width (NFKC turns full-width letters into ASCII) and every non-letter, non-digit character away.
 */

export interface ColumnSpec<F extends string> {
  field: F;
  /** Header names in order of preference: when two columns match one field, the earlier alias wins. */
  aliases: readonly string[];
  /** Every matching column is kept, in file order (e.g. several address or barcode columns). */
  multi?: boolean;
}

export interface ColumnMap<F extends string> {
  header: readonly string[];
  /** Column index of each single-valued field found. */
  single: Partial<Record<F, number>>;
  /** Column indexes of each multi-valued field found, in file order. */
  multi: Partial<Record<F, number[]>>;
  /** Header names (as written in the file) of columns no field uses. */
  ignored: string[];
}

/** Longer than any alias: such a name is no column Packdesk knows, and is not folded at all. */
const MAX_NAME_CHARS = 200;

export function headerKey(name: string): string {
  if (name.length > MAX_NAME_CHARS) return '';
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

interface AliasHit<F extends string> {
  spec: ColumnSpec<F>;
  priority: number;
}

/** Built once per spec list; throws on an alias claimed by two fields (a programming error). */
export function aliasIndex<F extends string>(specs: readonly ColumnSpec<F>[]): Map<string, AliasHit<F>> {
  const index = new Map<string, AliasHit<F>>();
  for (const spec of specs) {
    spec.aliases.forEach((alias, priority) => {
      const key = headerKey(alias);
      const prior = index.get(key);
      if (prior && prior.spec.field !== spec.field) {
        throw new Error(`Column alias "${alias}" is claimed by ${prior.spec.field} and ${spec.field}`);
      }
      if (!prior) index.set(key, { spec, priority });
    });
  }
  return index;
}

export function mapColumns<F extends string>(header: readonly string[], index: ReadonlyMap<string, AliasHit<F>>): ColumnMap<F> {
  const map: ColumnMap<F> = { header, single: {}, multi: {}, ignored: [] };
  const best: Partial<Record<F, number>> = {};
  const unused: number[] = [];
  header.forEach((name, col) => {
    const hit = index.get(headerKey(name));
    if (!hit) {
      if (name.trim() !== '') unused.push(col);
      return;
    }
    const field = hit.spec.field;
    if (hit.spec.multi) {
      map.multi[field] = [...(map.multi[field] ?? []), col];
      return;
    }
    const current = map.single[field];
    if (current === undefined || hit.priority < best[field]!) {
      if (current !== undefined) unused.push(current);
      map.single[field] = col;
      best[field] = hit.priority;
    } else {
      unused.push(col);
    }
  });
  // A second column for a field already taken is not read either: say so rather than drop it quietly.
  for (const col of unused.sort((a, b) => a - b)) map.ignored.push(header[col]!.trim());
  return map;
}

/** The header text of a field's column, for error messages; the fallback when it is absent. */
export function columnName<F extends string>(map: ColumnMap<F>, field: F, fallback: string): string {
  const col = map.single[field] ?? map.multi[field]?.[0];
  return col === undefined ? fallback : (map.header[col] ?? fallback).trim();
}
