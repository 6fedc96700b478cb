import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { memoryApiProvider } from './testing/memory-api-provider.js';
import { memoryLogger } from './testing/test-logger.js';
import { rawRequest } from './testing/web-client.js';
import { startWebServer, type WebServer } from './web-server.js';

const dir = mkdtempSync(join(tmpdir(), 'vantage-web-access-'));
let server: WebServer;
let host: string;

beforeAll(async () => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Vantage</title><div id="root"></div>');
  server = await startWebServer({
    api: memoryApiProvider(),
    port: 0,
    rendererDir: dir,
    logger: memoryLogger('warn').logger,
  });
  host = `127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

function cookieFrom(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (first ?? '').split(';')[0]!;
}

/** Opens a WebSocket and resolves with the HTTP status it was refused with (or 101 if accepted). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', () => undefined);
  });
}

describe('web server access', () => {
  it('prints a token of 32 random bytes and a sign-in address that carries it', () => {
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
    expect(server.url).toBe(`http://${host}`);
    expect(server.loginUrl).toBe(`http://${host}/?token=${server.token}`);
  });

  it('answers the API 401 with a coded JSON error without a token, or with a wrong one', async () => {
    const none = await rawRequest(`${server.url}/api/v1/monitors`);
    expect(none.status).toBe(401);
    expect(none.json).toEqual({
      error: { code: 'VANTAGE_ERR_UNAUTHENTICATED', message: expect.stringContaining('?token=') },
    });
    const wrong = await rawRequest(`${server.url}/api/v1/monitors`, {
      headers: { authorization: `Bearer ${'x'.repeat(43)}` },
    });
    expect(wrong.status).toBe(401);
    const staleCookie = await rawRequest(`${server.url}/api/v1/monitors`, {
      headers: { cookie: `vantage_token_${server.port}=nope` },
    });
    expect(staleCookie.status).toBe(401);
  });

  it('shows a browser without a token a page saying where the address is printed', async () => {
    const page = await rawRequest(`${server.url}/monitors/api`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('?token=');
    expect(page.text).toContain('npm start');
    expect(page.text).not.toContain(server.token);
    const wrong = await rawRequest(`${server.url}/?token=guess`, { headers: { accept: 'text/html' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('trades the token in the address for an HttpOnly SameSite=Strict cookie, then serves the app', async () => {
    const login = await rawRequest(server.loginUrl);
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/');
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = cookieFrom(login.headers['set-cookie']);
    const page = await rawRequest(`${server.url}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    const api = await rawRequest(`${server.url}/api/v1/monitors`, { headers: { cookie } });
    expect(api.status).toBe(200);
    expect(api.json).toEqual([]);
  });

  it('accepts the token as a bearer header', async () => {
    const api = await rawRequest(`${server.url}/api/v1/monitors`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(api.status).toBe(200);
  });

  it('refuses a request addressed to another host name, even with the token (DNS rebinding)', async () => {
    for (const forged of [`evil.example:${server.port}`, '127.0.0.1:1', 'evil.example']) {
      const answer = await rawRequest(`${server.url}/api/v1/monitors`, {
        headers: { host: forged, authorization: `Bearer ${server.token}` },
      });
      expect(answer.status).toBe(403);
      expect(answer.json).toMatchObject({ error: { code: 'VANTAGE_ERR_FORBIDDEN' } });
    }
    const local = await rawRequest(`${server.url}/api/v1/monitors`, {
      headers: { host: `localhost:${server.port}`, authorization: `Bearer ${server.token}` },
    });
    expect(local.status).toBe(200);
  });

  it('refuses calls from another origin, including another local server', async () => {
    const answer = await rawRequest(`${server.url}/api/v1/monitors`, {
      method: 'POST',
      headers: {
        origin: 'http://127.0.0.1:8080',
        authorization: `Bearer ${server.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ monitor: { id: 'x', name: 'x', type: 'tcp', host: 'a', port: 1 } }),
    });
    expect(answer.status).toBe(403);
    const own = await rawRequest(`${server.url}/api/v1/monitors`, {
      headers: { origin: server.url, authorization: `Bearer ${server.token}` },
    });
    expect(own.status).toBe(200);
  });

  it('refuses WebSocket upgrades from a foreign origin or without a token', async () => {
    const wsUrl = `${server.url.replace('http', 'ws')}/api/ws`;
    const auth = { authorization: `Bearer ${server.token}` };
    expect(await upgradeStatus(wsUrl, { ...auth, origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(wsUrl, {})).toBe(401);
    expect(await upgradeStatus(wsUrl, { ...auth, origin: server.url })).toBe(101);
  });
});
