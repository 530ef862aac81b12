/** The secret and the tokens never appear in an error or a log line the client produces. */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../../core/platform/client.js';
import type { PlatformLogEntry } from '../../../core/platform/runtime.js';
import { ACCESS_TOKEN, APP_KEY, APP_SECRET, caught, ok, platformServer, REFRESH_TOKEN, refusal, T0, testClient, testRuntime, tokens } from './support.js';

const AUTH_CODE = 'AUTHCODE-secret-777';
const NEW_ACCESS = 'ROW_access_token_NEW_555';
const NEW_REFRESH = 'ROW_refresh_token_NEW_666';
const SECRETS = [APP_SECRET, ACCESS_TOKEN, REFRESH_TOKEN, AUTH_CODE, NEW_ACCESS, NEW_REFRESH];
/** An answer that echoes credentials back, as a careless server might; a client can only hide those it holds. */
const echo = (...secrets: string[]) => `echo: ${secrets.join(' ')} (${secrets.map(encodeURIComponent).join(' ')})`;
const ECHO = echo(APP_SECRET, ACCESS_TOKEN, REFRESH_TOKEN);

function everythingWritten(errors: unknown[], logs: PlatformLogEntry[]): string {
  const parts = errors.map((e) => {
    const err = e as Error & { details?: unknown };
    return [String(err), err.message, err.stack ?? '', JSON.stringify(err.details ?? null)].join('\n');
  });
  return [...parts, ...logs.map((l) => JSON.stringify(l))].join('\n');
}

function expectNoSecrets(text: string): void {
  for (const secret of SECRETS) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

describe('secrets in errors and logs', () => {
  it('redacts what the platform echoes back in refusals, retries and per-package errors', async () => {
    const answers = [
      { status: 429, json: refusal(36009002, ECHO) },
      { json: refusal(21011007, ECHO, ECHO) },
      { json: refusal(106001, ECHO) },
      { json: ok({ errors: [{ code: 1, message: ECHO, detail: { package_id: 'PK1' } }] }) },
      { json: ok({ package_status: { echo: ECHO } }) },
      { status: 500, raw: ECHO },
    ];
    const server = await platformServer((_req, i) => answers[i] ?? { status: 500, raw: ECHO });
    const { client, logs } = testClient(server, { runtime: { backoff: { maxAttempts: 1 } } });
    const errors = [await caught(() => client.getPackage('P1')), await caught(() => client.getPackage('P1')), await caught(() => client.getPackage('P1'))];
    const batch = await client.batchShip([{ id: 'PK1', handover_method: 'PICKUP' }]);
    errors.push(await caught(() => client.getPackage('P1')), await caught(() => client.getPackage('P1')));
    expect(errors.map((e) => e.code)).toEqual([
      'PLATFORM_THROTTLED',
      'PLATFORM_REJECTED',
      'PLATFORM_AUTH_NEEDED',
      'PLATFORM_BAD_RESPONSE',
      'PLATFORM_UNREACHABLE',
    ]);
    expect(errors[1]!.message).toContain('[redacted]');
    const written = everythingWritten(errors, logs) + JSON.stringify(batch);
    expect(logs.length).toBeGreaterThan(0);
    expectNoSecrets(written);
  });

  it('redacts the token endpoints: refused and unreachable refresh, refused auth code, a failed save', async () => {
    const server = await platformServer((req) => {
      if (req.path === '/api/v2/token/refresh') return { json: refusal(36004005, ECHO) };
      if (req.path === '/api/v2/token/get') return { json: refusal(36004004, echo(APP_SECRET, AUTH_CODE)) };
      return { json: refusal(105002, ECHO) };
    });
    const a = testClient(server);
    const errors: unknown[] = [await caught(() => a.client.getPackage('P1'))];

    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const b = testClient(server, { authBase: `http://127.0.0.1:${port}`, runtime: { backoff: { maxAttempts: 2 } } });
    errors.push(await caught(() => b.client.getPackage('P1')));

    const env = testRuntime();
    errors.push(await caught(() => signIn({ appKey: APP_KEY, appSecret: APP_SECRET, authBase: server.url, authCode: AUTH_CODE, runtime: env.runtime })));

    const refreshing = await platformServer((req) =>
      req.path === '/api/v2/token/refresh'
        ? {
            json: ok({
              access_token: NEW_ACCESS,
              access_token_expire_in: T0 / 1000 + 86400,
              refresh_token: NEW_REFRESH,
              refresh_token_expire_in: T0 / 1000 + 9 * 86400,
            }),
          }
        : { json: ok({ package_status: 'PROCESSING' }) },
    );
    const c = testClient(refreshing, {
      tokens: tokens({ accessTokenExpiresAt: T0 + 1000 }),
      saveTokens: (t) => {
        throw new Error(`could not store ${t.accessToken} ${t.refreshToken}`);
      },
    });
    errors.push(await caught(() => c.client.getPackage('P1')));

    expect(errors.map((e) => (e as { code: string }).code)).toEqual([
      'PLATFORM_AUTH_NEEDED',
      'PLATFORM_UNREACHABLE',
      'PLATFORM_AUTH_NEEDED',
      'CREDENTIALS_UNAVAILABLE',
    ]);
    expect((errors[0] as Error).message).toContain('signed in again');
    expectNoSecrets(everythingWritten(errors, [...a.logs, ...b.logs, ...env.logs, ...c.logs]));
  });

  it('redacts a timed-out call', async () => {
    const server = await platformServer(() => ({ hang: true }));
    const { client, logs } = testClient(server, { runtime: { timeoutMs: 50, backoff: { maxAttempts: 2 } } });
    const err = await caught(() => client.getPackage('P1'));
    expect(err.code).toBe('PLATFORM_UNREACHABLE');
    expectNoSecrets(everythingWritten([err], logs));
  });
});
