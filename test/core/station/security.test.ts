import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { accessPolicy, refusal } from '../../../core/station/origin.js';
import { apiUrl, connect, handshake, startTestStation } from './support.js';

function tcpConnects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('who may open the station API', () => {
  it('accepts the station’s own page, by 127.0.0.1 and by localhost', async () => {
    const s = await startTestStation();
    const p = s.station.port;
    expect(await handshake(p, { Origin: `http://127.0.0.1:${p}`, Host: `127.0.0.1:${p}` })).toMatchObject({ status: 101 });
    expect(await handshake(p, { Origin: `http://localhost:${p}`, Host: `localhost:${p}` })).toMatchObject({ status: 101 });
    const c = await connect(apiUrl(s), { origin: s.origin });
    expect(await c.call('sync.status', {})).toMatchObject({ ok: true });
  });

  it('refuses a page from another origin with 403 before upgrading', async () => {
    const s = await startTestStation();
    const p = s.station.port;
    const res = await handshake(p, { Origin: 'http://evil.example', Host: `127.0.0.1:${p}` });
    expect(res.status).toBe(403);
    // Same host, other port (another local web app) and other scheme are other origins too.
    expect((await handshake(p, { Origin: `http://127.0.0.1:${p + 1}`, Host: `127.0.0.1:${p}` })).status).toBe(403);
    expect((await handshake(p, { Origin: `https://127.0.0.1:${p}`, Host: `127.0.0.1:${p}` })).status).toBe(403);
    expect((await handshake(p, { Origin: 'null', Host: `127.0.0.1:${p}` })).status).toBe(403);
    await expect(connect(apiUrl(s), { origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('refuses a wrong Host even with a matching-looking Origin (DNS rebinding)', async () => {
    const s = await startTestStation();
    const p = s.station.port;
    // After rebinding, evil.example resolves to 127.0.0.1 and its page is "same origin" with itself.
    expect((await handshake(p, { Origin: `http://evil.example:${p}`, Host: `evil.example:${p}` })).status).toBe(403);
    expect((await handshake(p, { Origin: `http://127.0.0.1:${p}`, Host: `evil.example:${p}` })).status).toBe(403);
    expect((await handshake(p, { Origin: `http://127.0.0.1:${p}`, Host: `127.0.0.1:${p + 1}` })).status).toBe(403);
    await expect(connect(apiUrl(s), { origin: s.origin, host: `evil.example:${p}` })).rejects.toThrow(/403/);
  });

  it('refuses a handshake without Origin: programs other than a browser use the CLI', async () => {
    const s = await startTestStation();
    const p = s.station.port;
    expect((await handshake(p, { Host: `127.0.0.1:${p}` })).status).toBe(403);
    await expect(connect(apiUrl(s))).rejects.toThrow(/403/);
  });

  it('accepts an origin listed in allowedOrigins, and only that one', async () => {
    const s = await startTestStation({ allowedOrigins: ['http://localhost:5173/'] });
    const p = s.station.port;
    expect((await handshake(p, { Origin: 'http://localhost:5173', Host: `127.0.0.1:${p}` })).status).toBe(101);
    expect((await handshake(p, { Origin: 'http://localhost:5174', Host: `127.0.0.1:${p}` })).status).toBe(403);
  });

  it('upgrades only /api', async () => {
    const s = await startTestStation();
    const p = s.station.port;
    const headers = { Origin: s.origin, Host: `127.0.0.1:${p}` };
    expect((await handshake(p, headers, '/')).status).toBe(404);
    expect((await handshake(p, headers, '/api/../other')).status).toBe(404);
    expect((await handshake(p, headers, '/api?x=1')).status).toBe(101);
  });

  it('listens on 127.0.0.1 only by default', async () => {
    const s = await startTestStation();
    expect(s.station.url).toBe(`http://127.0.0.1:${s.station.port}/`);
    expect(await tcpConnects('127.0.0.1', s.station.port)).toBe(true);
    // Bound to one address, not to all: another loopback address (Linux routes all of 127/8
    // locally) and IPv6 loopback find nothing there.
    expect(await tcpConnects('127.0.0.2', s.station.port)).toBe(false);
    expect(await tcpConnects('::1', s.station.port)).toBe(false);
  });
});

describe('access policy', () => {
  it('accepts the listen address when told to listen on one, but no wildcard as a Host', () => {
    const lan = accessPolicy(5170, '192.168.1.20');
    expect(refusal({ headers: { host: '192.168.1.20:5170', origin: 'http://192.168.1.20:5170' } }, lan)).toBeNull();
    const any = accessPolicy(5170, '0.0.0.0');
    expect(refusal({ headers: { host: '0.0.0.0:5170', origin: 'http://0.0.0.0:5170' } }, any)).not.toBeNull();
    expect(refusal({ headers: { host: '127.0.0.1:5170', origin: 'http://127.0.0.1:5170' } }, any)).toBeNull();
  });

  it('compares hosts and origins without regard to case, and ignores unusable listed origins', () => {
    const policy = accessPolicy(5170, '127.0.0.1', ['not a url', 'file:///x', 'HTTP://Tools.Local:8080']);
    expect(refusal({ headers: { host: 'LOCALHOST:5170', origin: 'http://LocalHost:5170' } }, policy)).toBeNull();
    expect(refusal({ headers: { host: '127.0.0.1:5170', origin: 'http://tools.local:8080' } }, policy)).toBeNull();
    expect(refusal({ headers: { host: '127.0.0.1:5170', origin: 'file:///x' } }, policy)).not.toBeNull();
  });
});
