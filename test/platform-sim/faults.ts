/**
 * Faults on demand. A list is comma-separated rules, each
 *   KIND[=ARG][@[METHOD:]PATH][+SKIP][#COUNT|%PERCENT]
 * e.g. `429=2@/order/202309/orders/search#3` (three throttles, Retry-After 2 s),
 * `lost@POST:/fulfillment/202309/packages/ship#1` (a batch ship applied, its answer lost), `500%20`,
 * `skew=-600`.
 * PATH is a glob: `*` is one path segment, `**` any rest. A rule without #COUNT or %PERCENT fires
 * on every match; +SKIP lets that many matching calls through first.
 */
import type { Random } from './random.js';

export const FAULT_KINDS = {
  '429': 'HTTP 429, code 36009002, Retry-After ARG seconds (default: settings.retryAfterSeconds)',
  '500': 'HTTP ARG (default 500), code 36009003 internal error; nothing applied',
  internal: 'HTTP 200, code 36009003; nothing applied',
  hang: 'never answers (until the client gives up or the simulator closes); nothing applied',
  delay: 'applies the call, answers after ARG seconds',
  lost: 'applies the call, then destroys the socket: the answer is lost',
  reset: 'destroys the socket before applying anything (a dropped connection)',
  generating: 'HTTP 200, code 11034037 (label still generating)',
  'expired-token': 'HTTP 401, code 105002 (access token expired)',
  malformed: 'HTTP 200 with a truncated JSON body; nothing applied',
  code: 'HTTP 200 with code ARG (!= 0) and no data; nothing applied',
  skew: 'not a rule: sets the server clock ARG seconds off for the timestamp check',
} as const;

export type FaultKind = Exclude<keyof typeof FAULT_KINDS, 'skew'>;

export interface FaultRule {
  kind: FaultKind;
  arg?: number;
  method?: string;
  path?: string;
  skip: number;
  count?: number;
  percent?: number;
  /** Matching calls seen and faults fired so far. */
  seen: number;
  fired: number;
}

export interface ParsedFaults {
  rules: FaultRule[];
  skewSeconds?: number;
}

export class FaultSyntaxError extends Error {}

const RULE = /^([a-z0-9-]+)(?:=(-?\d+(?:\.\d+)?))?(?:@(?:([A-Z]+):)?(\/[^+#%]*))?(?:\+(\d+))?(?:#(\d+)|%(\d+(?:\.\d+)?))?$/;

export function parseFaults(list: string): ParsedFaults {
  const parsed: ParsedFaults = { rules: [] };
  for (const text of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = RULE.exec(text);
    if (!m || !(m[1]! in FAULT_KINDS))
      throw new FaultSyntaxError(
        `Fault "${text}" is not KIND[=ARG][@[METHOD:]PATH][+SKIP][#COUNT|%PERCENT] with KIND one of ${Object.keys(FAULT_KINDS).join(', ')}.`,
      );
    const arg = m[2] === undefined ? undefined : Number(m[2]);
    if (m[1] === 'skew') {
      parsed.skewSeconds = arg ?? 0;
      continue;
    }
    if ((m[1] === 'code' && !arg) || (m[1] === 'delay' && arg === undefined)) throw new FaultSyntaxError(`Fault "${text}" needs =ARG.`);
    parsed.rules.push({
      kind: m[1] as FaultKind,
      arg,
      method: m[3],
      path: m[4],
      skip: Number(m[5] ?? 0),
      count: m[6] === undefined ? undefined : Number(m[6]),
      percent: m[7] === undefined ? undefined : Number(m[7]),
      seen: 0,
      fired: 0,
    });
  }
  return parsed;
}

function globMatches(glob: string, path: string): boolean {
  const pattern = glob
    .split('/')
    .map((part) =>
      part === '**'
        ? '.*'
        : part
            .split('*')
            .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*'),
    )
    .join('/');
  return new RegExp(`^${pattern}$`).test(path);
}

export class FaultPlan {
  private rules: FaultRule[] = [];

  constructor(private readonly random: Random) {}

  add(rules: FaultRule[]): void {
    this.rules.push(...rules);
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The fault this call meets, if any; every matching rule counts the call. */
  pick(method: string, path: string): FaultRule | undefined {
    let chosen: FaultRule | undefined;
    for (const rule of this.rules) {
      if ((rule.method && rule.method !== method) || (rule.path && !globMatches(rule.path, path))) continue;
      rule.seen++;
      if (chosen || rule.seen <= rule.skip || (rule.count !== undefined && rule.fired >= rule.count)) continue;
      if (rule.percent !== undefined && this.random.next() * 100 >= rule.percent) continue;
      rule.fired++;
      chosen = rule;
    }
    return chosen;
  }
}
