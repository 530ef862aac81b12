import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PackdeskError } from '../domain/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** Parses a command's arguments; a wrong flag is INVALID_INPUT, not a stack trace. */
export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, allowNegative: true, strict: true });
  } catch (err) {
    throw new PackdeskError('INVALID_INPUT', (err as Error).message);
  }
}

export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new PackdeskError('INVALID_INPUT', `--${name} takes a whole number, not ${JSON.stringify(value)}.`);
  return n;
}

/** Accepts "2026-11-01" or "2026-11-01T08:00" (UTC) or epoch milliseconds. */
export function dateOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(/T/.test(value) ? `${value}Z` : `${value}T00:00:00Z`);
  if (!Number.isFinite(t)) throw new PackdeskError('INVALID_INPUT', `--${name} takes a date like 2026-11-01, not ${JSON.stringify(value)}.`);
  return t;
}

export function listOption(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

/** --db is read before the command's own options (it decides which store to open). */
export function dbOption(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new PackdeskError('INVALID_INPUT', '--db needs a path.');
      return v;
    }
    if (a.startsWith('--db=')) return a.slice(5);
  }
  return undefined;
}
