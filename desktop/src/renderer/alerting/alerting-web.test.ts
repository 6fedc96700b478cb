import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openContext } from '../e2e/browser.js';
import { buildRenderer } from '../e2e/build-renderer.js';
import { startWebApp, type WebApp } from '../e2e/web-app.js';

// The alerting screen in Chromium against the real app in web mode (core, embedded relay): a
// webhook channel added through the form, with a local HTTP server standing in for the receiver.

const WAIT = 30_000;
const SECRET = 'e2e-signing-secret-0123456789';
let tmp: string;
let web: WebApp;
let browser: Browser;
let page: Page;
let receiver: Server;
let hookUrl = '';
const received: { url: string; signature: string; body: string }[] = [];
const errors: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vantage-alerting-e2e-'));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        signature: String(req.headers['x-vantage-signature'] ?? ''),
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(202, { 'content-type': 'text/plain' }).end('queued by the e2e receiver');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/vantage`;
  const rendererDir = await buildRenderer(join(tmp, 'renderer'));
  web = await startWebApp({ dataDir: join(tmp, 'data'), rendererDir });
  browser = await launchChromium();
  page = await (await openContext(browser)).newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(web.loginUrl);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  receiver?.closeAllConnections();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000);

const signed = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('the alerting screen in web mode, against the real app', () => {
  it('explains channels when there are none', async () => {
    await page.getByRole('link', { name: 'Alerting' }).click();
    await page.getByText('No alert channels yet').waitFor({ timeout: WAIT });
    expect(await page.evaluate(() => location.hash)).toBe('#/alerting/channels');
  });

  it('adds a webhook channel through the form, with errors beside the fields, and sends a test', async () => {
    await page.getByRole('button', { name: 'Add a channel' }).click();
    await page.getByRole('button', { name: /^Webhook / }).click();
    await page.locator('#af-name').fill('Incident bot');
    await page.locator('#af-url').fill('not a url');
    await page.locator('#af-secret').fill('short');
    await page.getByRole('button', { name: 'Add channel' }).click();
    // shared's messages, beside their fields; nothing was sent or saved.
    await page.locator('[data-field="url"] .field-error').waitFor({ timeout: WAIT });
    expect(await page.locator('[data-field="secret"] .field-error').textContent()).toMatch(/at least 16/);
    expect(received).toHaveLength(0);

    await page.locator('#af-url').fill(hookUrl);
    await page.locator('#af-secret').fill(SECRET);
    await page.getByRole('button', { name: 'Send test' }).click();
    const outcome = page.locator('.dialog .test-outcome[data-ok="true"]');
    await outcome.waitFor({ timeout: WAIT });
    expect(await outcome.textContent()).toContain('Test delivered');
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('/hooks/vantage');
    expect(received[0]!.signature).toBe(signed(received[0]!.body));

    await page.getByRole('button', { name: 'Add channel' }).click();
    const row = page.locator('.alert-item[data-channel-id="incident-bot"]');
    await row.waitFor({ timeout: WAIT });
    expect(await row.textContent()).toContain('Nothing sent yet');
  }, 90_000);

  it('edits the channel without retyping its secrets, and the saved channel still sends signed tests', async () => {
    const row = page.locator('.alert-item[data-channel-id="incident-bot"]');
    await row.getByRole('button', { name: 'Edit Incident bot' }).click();
    expect(await page.locator('#af-secret').inputValue()).toBe('');
    expect(await page.locator('#af-url').getAttribute('placeholder')).toContain('saved');
    await page.locator('#af-name').fill('Incident bot (ops)');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.alert-item-title', { hasText: 'Incident bot (ops)' }).waitFor({ timeout: WAIT });

    const before = received.length;
    await row.getByRole('button', { name: 'Send test' }).click();
    await row.locator('.test-outcome[data-ok="true"]').waitFor({ timeout: WAIT });
    const hit = received[before]!;
    expect(hit.url).toBe('/hooks/vantage');
    expect(hit.signature).toBe(signed(hit.body));
    expect(JSON.parse(hit.body)).toMatchObject({ notices: [expect.objectContaining({ kind: 'test' })] });
    expect(await page.content()).not.toContain(SECRET);
    expect(errors).toEqual([]);
  }, 60_000);
});
