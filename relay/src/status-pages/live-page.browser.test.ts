import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type PageTestRelay, pageConfig, startPageTestRelay } from './testing/page-test-relay.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let t: PageTestRelay;
let browser: Browser;

beforeAll(async () => {
  t = await startPageTestRelay({ statusPages: { livePollMs: 100 } });
  await t.monitors('api', 'web');
  await t.seed([
    { monitorId: 'api', daysAgo: 0, up: 3, live: true },
    { monitorId: 'web', daysAgo: 0, up: 3, live: true },
  ]);
  expect(
    (
      await t.api(
        'PUT',
        '/status-pages/acme',
        pageConfig('acme', {
          Core: [
            ['api', 'Public API'],
            ['web', 'Website'],
          ],
        }),
      )
    ).status,
  ).toBe(201);
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('an open page shows new written incidents and status changes live, without reloading', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  // The browser's own /favicon.ico probe is not the page's; every other failure counts.
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${t.relay.url}/s/acme`);
  await page.waitForSelector('body[data-live="1"]');
  const api = page.locator('[data-key] .state').first();
  await expect.poll(() => api.textContent()).toBe('Operational');
  expect(await page.locator('#banner').textContent()).toContain('All systems operational');
  await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));

  const incident = await t.api('POST', '/status-pages/acme/incidents', {
    title: 'Elevated <API> errors',
    impact: 'minor',
    monitorIds: ['api'],
    message: 'Looking into it',
  });
  await page.locator('#active-incidents', { hasText: 'Elevated <API> errors' }).waitFor({ timeout: 10_000 });
  expect(await page.locator('#banner').textContent()).toContain('Degraded performance');
  await t.api('POST', `/status-pages/acme/incidents/${incident.body.id}/updates`, {
    status: 'identified',
    message: 'A bad deploy',
  });
  await page.locator('#active-incidents', { hasText: 'A bad deploy' }).waitFor({ timeout: 10_000 });

  await t.seed([{ monitorId: 'api', daysAgo: 0, up: 0, down: 3, live: true }]);
  await expect.poll(() => api.textContent(), { timeout: 15_000 }).toBe('Down');
  expect(await api.getAttribute('class')).toBe('state state--down');
  expect(await page.locator('#banner').textContent()).toContain('Partial outage');

  await t.api('POST', `/status-pages/acme/incidents/${incident.body.id}/updates`, {
    status: 'resolved',
    message: 'Fixed',
  });
  await expect.poll(() => page.locator('#active-incidents').textContent(), { timeout: 10_000 }).toBe('');
  expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);
