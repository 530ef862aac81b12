/**
 * `shop connect|status|disconnect` and `sync [status]`: the shop connection and one sync cycle
 * from the command line. Nothing printed here carries a secret: the API's results hold none.
 */
import { call } from '../api/dispatch.js';
import { PackdeskError } from '../domain/errors.js';
import { reasonOf } from '../sync/errors.js';
import type { ShopChoice, ShopStatusView, SyncStatusView } from '../sync/views.js';
import { parse } from './args.js';
import type { Command } from './commands.js';

function when(ms: number | null | undefined): string {
  return ms == null ? '-' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function shopText(s: ShopStatusView): string {
  if (!s.connected || !s.shop) return 'Not connected to a shop.';
  const lines = [
    `Connected to ${s.shop.name ?? s.shop.id} (${s.shop.region ?? '?'}, shop ${s.shop.id}) as app ${s.appKey}.`,
    `Token valid until ${when(s.accessTokenExpiresAt)}; sign-in valid until ${when(s.refreshTokenExpiresAt)}.`,
    `API ${s.apiBase}, auth ${s.authBase}.`,
  ];
  if (s.credentials) lines.push(`Secrets kept in: ${s.credentials.backend}.`);
  if (s.credentials?.warning) lines.push(`warning ${s.credentials.warning.code}: ${s.credentials.warning.message}`);
  return lines.join('\n');
}

function statusText(s: SyncStatusView): string {
  const lines = [s.text];
  if (s.shop) lines.push(`Shop: ${s.shop.name ?? s.shop.id}; token valid until ${when(s.tokenValidUntil)}.`);
  lines.push(`Last pull ${when(s.lastPullAt)}, last push ${when(s.lastPushAt)}; ${s.pending} pending, ${s.refused} refused, ${s.conflicts} conflict(s).`);
  if (s.lastError) lines.push(`Last error ${s.lastError.code}: ${s.lastError.message}`);
  return lines.join('\n');
}

function shopChoices(err: unknown): ShopChoice[] {
  if (reasonOf(err) !== 'shop-choice') return [];
  return (err as PackdeskError & { details: { shops?: ShopChoice[] } }).details.shops ?? [];
}

export const SYNC_COMMANDS: Record<string, Command> = {
  shop: {
    usage:
      'shop connect --app-key K --app-secret S (--auth-code C | --access-token T --refresh-token R) [--shop-cipher C] [--api-base URL] [--auth-base URL] | shop status | shop disconnect',
    async run(argv, dispatch) {
      const { values, positionals } = parse(argv, {
        'app-key': { type: 'string' },
        'app-secret': { type: 'string' },
        'auth-code': { type: 'string' },
        'access-token': { type: 'string' },
        'refresh-token': { type: 'string' },
        'shop-cipher': { type: 'string' },
        'api-base': { type: 'string' },
        'auth-base': { type: 'string' },
      });
      const [sub] = positionals;
      if (sub === 'status') {
        const s = await call(dispatch, 'shop.status', {});
        return { json: s, text: shopText(s) };
      }
      if (sub === 'disconnect') {
        const s = await call(dispatch, 'shop.disconnect', {});
        return { json: s, text: "Disconnected: the shop's secrets are removed from this computer." };
      }
      if (sub !== 'connect') throw new PackdeskError('INVALID_INPUT', 'Usage: shop connect … | shop status | shop disconnect');
      if (!values['app-key'] || !values['app-secret']) throw new PackdeskError('INVALID_INPUT', 'shop connect needs --app-key and --app-secret.');
      try {
        const s = await call(dispatch, 'shop.connect', {
          appKey: values['app-key'],
          appSecret: values['app-secret'],
          authCode: values['auth-code'],
          accessToken: values['access-token'],
          refreshToken: values['refresh-token'],
          shopCipher: values['shop-cipher'],
          apiBase: values['api-base'],
          authBase: values['auth-base'],
        });
        return { json: s, text: shopText(s) };
      } catch (err) {
        const shops = shopChoices(err);
        if (shops.length > 0 && !values.json) {
          const lines = shops.map((s) => `  ${s.cipher}  ${s.name} (${s.region ?? '?'}, shop ${s.id})`);
          process.stdout.write(`Shops this authorisation covers (connect again with --shop-cipher):\n${lines.join('\n')}\n`);
        }
        throw err;
      }
    },
  },
  sync: {
    usage: 'sync [--json]   one full cycle: token, push, pull orders and cancellations, missing labels | sync status [--json]',
    async run(argv, dispatch) {
      const { positionals } = parse(argv, {});
      if (positionals[0] === 'status') {
        const s = await call(dispatch, 'sync.status', {});
        return { json: s, text: statusText(s) };
      }
      if (positionals.length > 0) throw new PackdeskError('INVALID_INPUT', 'Usage: sync [--json] | sync status [--json]');
      const r = await call(dispatch, 'sync.now', {});
      const refused = r.refusedEntries.map(
        (e) =>
          `  refused #${e.id} ${e.kind} ${e.orderId ?? ''}: ${e.refusal?.code ?? ''} ${e.refusal?.message ?? ''}${e.refusal?.link ? ` (${e.refusal.link})` : ''}`,
      );
      const text = [
        `Synced: ${r.pulled} order(s) pulled (${r.changed} new or changed), ${r.pushed} entr${r.pushed === 1 ? 'y' : 'ies'} pushed, ${r.labels} label(s) downloaded.`,
        `${r.pending} pending, ${r.refused} refused, ${r.conflicts} open conflict(s).`,
        ...refused,
      ].join('\n');
      return { json: r, text };
    },
  },
};
