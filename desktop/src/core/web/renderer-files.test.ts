import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheControlFor, IMMUTABLE, REVALIDATE } from './renderer-files.js';
import type { MemoryApiProvider } from './testing/memory-api-provider.js';
import { HASHED_ASSET, startTestWebServer, type TestWebServer } from './testing/test-web-server.js';

let t: TestWebServer<MemoryApiProvider>;
afterEach(() => t.stop());

describe('renderer files', () => {
  it('serves hashed assets as immutable and index.html as no-cache', async () => {
    t = await startTestWebServer();
    const asset = await t.rest('GET', `/${HASHED_ASSET}`);
    expect(asset.status).toBe(200);
    expect(asset.text).toBe('console.log("app")');
    expect(asset.headers['cache-control']).toBe(IMMUTABLE);
    const index = await t.rest('GET', '/');
    expect(index.text).toContain('<div id="root">');
    expect(index.headers['cache-control']).toBe(REVALIDATE);
    expect(index.headers['x-frame-options']).toBe('DENY');
    const icon = await t.rest('GET', '/favicon.svg');
    expect(icon.headers['cache-control']).toBe(REVALIDATE);
  });

  it('answers client-side routes with index.html, and a missing file with 404', async () => {
    t = await startTestWebServer();
    const route = await t.rest('GET', '/monitors/api/checks');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<div id="root">');
    expect(route.headers['cache-control']).toBe(REVALIDATE);
    expect((await t.rest('GET', '/assets/gone-12345678.js')).status).toBe(404);
  });

  it('explains how to build the interface when it is not built, and picks it up once it is', async () => {
    t = await startTestWebServer();
    rmSync(join(t.rendererDir, 'index.html'));
    const page = await t.rest('GET', '/');
    expect(page.status).toBe(503);
    expect(page.text).toContain('electron-vite build');
    expect((await t.rest('GET', '/incidents')).status).toBe(503);
    // The API keeps working meanwhile.
    expect((await t.rest('GET', '/api/v1/monitors')).status).toBe(200);
    writeFileSync(join(t.rendererDir, 'index.html'), '<div id="root">built</div>');
    expect((await t.rest('GET', '/incidents')).text).toContain('built');
  });

  it('starts without a built interface and says how to build it', async () => {
    t = await startTestWebServer({ rendererDir: '/nonexistent/vantage/out/renderer' });
    const page = await t.rest('GET', '/monitors/api');
    expect(page.status).toBe(503);
    expect(page.text).toContain('electron-vite build');
    expect((await t.rest('GET', '/assets/index-B4x9Kq2Z.js')).status).toBe(404);
    expect(t.logs.filter((line) => Number(line.level) >= 40)).toEqual([]);
  });

  it('tells hashed asset names from other files', () => {
    expect(cacheControlFor('assets/index-B4x9Kq2Z.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('assets/vendor-react-Dk_3a-9Q.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('index.html')).toBe(REVALIDATE);
    expect(cacheControlFor('assets/logo.svg')).toBe(REVALIDATE);
    expect(cacheControlFor('favicon-12345678.ico')).toBe(REVALIDATE);
  });
});
