/** The token host (/api/v2/token/get and /refresh, unsigned) and the authorised shops list. */
import { refuse } from '../codes.js';
import { route, type CallContext, type Route } from './route.js';

function checkApp(ctx: CallContext, grantType: string): void {
  const q = ctx.query;
  if (q.get('app_key') !== ctx.platform.appKey || q.get('app_secret') !== ctx.platform.appSecret) refuse('appInvalid');
  if (q.get('grant_type') !== grantType) refuse('invalidParam', `grant_type must be ${grantType}.`);
}

export const authRoutes: Route[] = [
  route('GET', '/api/v2/token/get', {
    kind: 'auth',
    shop: false,
    handle(ctx) {
      checkApp(ctx, 'authorized_code');
      const answer = ctx.platform.tokens.exchange(ctx.query.get('auth_code') ?? '');
      ctx.platform.observer.counters.tokenExchanges++;
      return answer;
    },
  }),
  route('GET', '/api/v2/token/refresh', {
    kind: 'auth',
    shop: false,
    handle(ctx) {
      checkApp(ctx, 'refresh_token');
      const answer = ctx.platform.tokens.refreshWith(ctx.query.get('refresh_token') ?? '');
      ctx.platform.observer.counters.tokenRefreshes++;
      return answer;
    },
  }),
  route('GET', '/authorization/202309/shops', {
    scope: 'seller.authorization.info',
    shop: false,
    handle(ctx) {
      return {
        shops: ctx.platform.store.shops.map((s) => ({ id: s.id, name: s.name, region: s.region, seller_type: 'CROSS_BORDER', cipher: s.cipher, code: s.code })),
      };
    },
  }),
];
