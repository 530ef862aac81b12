/** Failures, retries and waits: what is tried again, after how long, and what error it ends in. */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { caught, ok, platformServer, refusal, signatureValid, T0, testClient } from './support.js';

const PACKAGE = { package_status: 'PROCESSING' };

describe('retries', () => {
  it('stamps and signs every retry anew', async () => {
    const server = await platformServer((_req, i) =>
      i === 0 ? { status: 503, headers: { 'retry-after': '2' }, json: refusal(36009003, 'internal error') } : { json: ok(PACKAGE) },
    );
    const { client, waits } = testClient(server);
    await client.getPackage('P1');
    const [first, second] = server.requests;
    expect(waits).toEqual([2000]);
    expect(first!.query.get('timestamp')).toBe(String(T0 / 1000));
    expect(second!.query.get('timestamp')).toBe(String(T0 / 1000 + 2));
    expect(second!.query.get('sign')).not.toBe(first!.query.get('sign'));
    expect(signatureValid(first!)).toBe(true);
    expect(signatureValid(second!)).toBe(true);
  });

  it('waits as long as Retry-After says on 429, up to its cap', async () => {
    const answers = [
      { status: 429, headers: { 'retry-after': '3' }, json: refusal(36009002, 'too many requests') },
      { status: 429, headers: { 'retry-after': '86400' }, json: refusal(36009002, 'too many requests') },
      { json: ok(PACKAGE) },
    ];
    const server = await platformServer((_req, i) => answers[i]!);
    const { client, waits } = testClient(server, { runtime: { backoff: { retryAfterCapMs: 20_000 } } });
    await client.getPackage('P1');
    expect(waits).toEqual([3000, 20_000]);
    expect(server.requests.every((r) => signatureValid(r))).toBe(true);
  });

  it('backs off with full jitter, then gives up as PLATFORM_THROTTLED', async () => {
    const server = await platformServer(() => ({ status: 429, raw: 'slow down' }));
    const { client, waits } = testClient(server, { runtime: { random: () => 0.75, backoff: { maxAttempts: 4, baseMs: 1000 } } });
    const err = await caught(() => client.getPackage('P1'));
    expect(err.code).toBe('PLATFORM_THROTTLED');
    expect(err.details).toMatchObject({ attempts: 4, httpStatus: 429 });
    expect(server.requests).toHaveLength(4);
    expect(waits).toEqual([750, 1500, 3000]);
  });

  it('retries 5xx and ends in PLATFORM_UNREACHABLE', async () => {
    const server = await platformServer(() => ({ status: 502, raw: '<html>Bad Gateway</html>' }));
    const { client } = testClient(server, { runtime: { backoff: { maxAttempts: 3 } } });
    const err = await caught(() => client.getPackage('P1'));
    expect(err.code).toBe('PLATFORM_UNREACHABLE');
    expect(server.requests).toHaveLength(3);
  });

  it('retries the platform timeout code 36009007', async () => {
    const server = await platformServer((_req, i) => (i < 2 ? { json: refusal(36009007, 'timeout') } : { json: ok(PACKAGE) }));
    const { client } = testClient(server);
    await client.getPackage('P1');
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [106001, 401, 'PLATFORM_AUTH_NEEDED'],
    [105005, 200, 'PLATFORM_AUTH_NEEDED'],
    [105001, 200, 'PLATFORM_AUTH_NEEDED'],
    [36009004, 200, 'PLATFORM_CLOCK_SKEW'],
    [106013, 200, 'PLATFORM_REJECTED'],
    [21011007, 200, 'PLATFORM_REJECTED'],
  ])('never retries code %i (HTTP %i): %s', async (code, status, expected) => {
    const server = await platformServer(() => ({ status, json: refusal(code, `refused with ${code}`, 'req-42') }));
    const { client, waits } = testClient(server);
    const err = await caught(() => client.getPackage('P1'));
    expect(err.code).toBe(expected);
    expect(err.details).toMatchObject({ platformCode: code, platformMessage: `refused with ${code}`, requestId: 'req-42' });
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('reads code != 0 with HTTP 200 as a failure carrying the platform code, message and request id', async () => {
    const server = await platformServer(() => ({ status: 200, json: refusal(21011007, 'Package item has after-sale request', 'req-77') }));
    const { client } = testClient(server);
    const err = await caught(() => client.shipPackage('P1', { handover_method: 'PICKUP' }));
    expect(err.code).toBe('PLATFORM_REJECTED');
    expect(err.message).toContain('Package item has after-sale request');
    expect(err.details).toMatchObject({ platformCode: 21011007, requestId: 'req-77', outcomeUnknown: false });
  });

  it('gives PLATFORM_BAD_RESPONSE for malformed JSON, no envelope, or data of the wrong shape', async () => {
    const answers = [{ raw: '{"code":0,"data":' }, { json: { hello: 'world' } }, { json: ok({ package_status: 42 }) }];
    const server = await platformServer((_req, i) => answers[i]!);
    const { client, waits } = testClient(server);
    for (let i = 0; i < answers.length; i++) {
      const err = await caught(() => client.getPackage('P1'));
      expect(err.code).toBe('PLATFORM_BAD_RESPONSE');
    }
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([]);
  });

  it('times an attempt out and tries again, then ends in PLATFORM_UNREACHABLE', async () => {
    const server = await platformServer(() => ({ hang: true }));
    const { client, waits } = testClient(server, { runtime: { timeoutMs: 100, backoff: { maxAttempts: 2 } } });
    const err = await caught(() => client.getPackage('P1'));
    expect(err.code).toBe('PLATFORM_UNREACHABLE');
    expect(err.message).toContain('no answer in time');
    expect(server.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it('times out an answer whose body stops halfway', async () => {
    // A server that sends headers and part of a body, then nothing.
    const sockets = new Set<net.Socket>();
    const slow = net.createServer((socket) => {
      sockets.add(socket);
      socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"code":0,'));
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const port = (slow.address() as net.AddressInfo).port;
      const { client } = testClient({ url: `http://127.0.0.1:${port}`, requests: [] }, { runtime: { timeoutMs: 100, backoff: { maxAttempts: 1 } } });
      const err = await caught(() => client.getPackage('P1'));
      expect(err.code).toBe('PLATFORM_UNREACHABLE');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('retries a refused connection, and a ship whose request never left', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { client, waits } = testClient({ url: `http://127.0.0.1:${port}`, requests: [] }, { runtime: { backoff: { maxAttempts: 3 } } });
    const err = await caught(() => client.shipPackage('P1', { handover_method: 'DROP_OFF' }));
    expect(err.code).toBe('PLATFORM_UNREACHABLE');
    expect(err.details).toMatchObject({ attempts: 3, outcomeUnknown: false });
    expect(waits).toHaveLength(2);
  });
});

describe('writes the platform might apply twice', () => {
  it('does not resend a ship whose answer was lost, and says the outcome is unknown', async () => {
    const server = await platformServer(() => ({ drop: true }));
    const { client, waits } = testClient(server);
    const err = await caught(() => client.shipPackage('P1', { handover_method: 'PICKUP' }));
    expect(err.code).toBe('PLATFORM_UNREACHABLE');
    expect(err.details).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    expect(err.message).toContain('read it back');
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('does not resend a ship after an internal error, but does after throttling', async () => {
    const internal = await platformServer(() => ({ status: 500, json: refusal(36009003, 'internal') }));
    const a = testClient(internal);
    expect((await caught(() => a.client.shipPackage('P1', { handover_method: 'PICKUP' }))).details).toMatchObject({ outcomeUnknown: true });
    expect(internal.requests).toHaveLength(1);

    const throttled = await platformServer((_req, i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '1' }, json: refusal(36009002, 'slow') } : { json: ok({}) },
    );
    const b = testClient(throttled);
    await b.client.shipPackage('P1', { handover_method: 'PICKUP' });
    expect(throttled.requests).toHaveLength(2);
    expect(b.waits).toEqual([1000]);
  });

  it('retries a lost answer to a cancellation approval, which carries an idempotency key', async () => {
    const server = await platformServer((_req, i) => (i === 0 ? { drop: true } : { json: ok({}) }));
    const { client } = testClient(server);
    await client.approveCancellation('C1', 'outbox-12');
    expect(server.requests.map((r) => r.query.get('idempotency_key'))).toEqual(['outbox-12', 'outbox-12']);
  });

  it('stops waiting to retry when the caller aborts', async () => {
    const server = await platformServer(() => ({ status: 503, raw: 'busy' }));
    const controller = new AbortController();
    const { client } = testClient(server, {
      runtime: {
        sleep: async () => {
          controller.abort();
          throw new Error('aborted');
        },
      },
    });
    const err = await caught(() => client.getPackage('P1', { signal: controller.signal }));
    expect(err.code).toBe('PLATFORM_UNREACHABLE');
    expect(server.requests).toHaveLength(1);
  });
});
