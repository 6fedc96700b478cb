import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openContext } from '../e2e/browser.js';
import { buildRenderer } from '../e2e/build-renderer.js';
import { type DemoTarget, startDemoTarget } from '../e2e/demo-targets.js';
import { startWebApp, type WebApp } from '../e2e/web-app.js';

// Designing and publishing a status page through the UI in Chromium, against the real app in web
// mode (core, embedded relay, local probe); the page is then read from the relay as visitors do.

const WAIT = 30_000;
/** The smallest valid PNG (1×1, transparent). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
let tmp: string;
let target: DemoTarget;
let web: WebApp;
let browser: Browser;
let page: Page;
let relayUrl = '';
const errors: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vantage-pages-e2e-'));
  const rendererDir = await buildRenderer(join(tmp, 'renderer'));
  target = await startDemoTarget();
  web = await startWebApp({ dataDir: join(tmp, 'data'), rendererDir });
  await web.api('POST', '/monitors', {
    monitor: {
      id: 'checkout',
      name: 'checkout-svc (prod)',
      type: 'http',
      url: `${target.url}/pay`,
      interval: 5,
    },
  });
  relayUrl = ((await web.api('GET', '/app')) as { embedded: { relayUrl: string } }).embedded.relayUrl;
  browser = await launchChromium();
  page = await (await openContext(browser)).newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(web.loginUrl);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await target?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000);

const visit = (slug: string) => fetch(`${relayUrl}/s/${slug}`);

describe('status pages in the browser, against the real app', () => {
  it('explains status pages when there are none, and opens a new design', async () => {
    await page.getByRole('link', { name: 'Status pages', exact: true }).click();
    await page.getByText('No status pages yet').waitFor({ timeout: WAIT });
    await page.getByRole('button', { name: 'New status page' }).click();
    await page.locator('#page-title').waitFor({ timeout: WAIT });
  });

  it('derives the address from the title and refuses to publish a page without monitors', async () => {
    await page.locator('#page-title').fill('Acme Status');
    expect(await page.locator('#page-slug').inputValue()).toBe('acme-status');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('a section needs at least one monitor').waitFor({ timeout: WAIT });
    expect(await web.api('GET', '/status-pages')).toEqual([]);
  });

  it('checks the logo file size before taking it', async () => {
    await page.locator('#page-logo').setInputFiles({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(300 * 1024, 1),
    });
    await page.getByText('at most 256 KB fits on a page').waitFor({ timeout: WAIT });
    await page.locator('#page-logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('img.logo-preview').waitFor({ timeout: WAIT });
  });

  it('publishes the page with a public label, and the relay serves it', async () => {
    await page.getByLabel('Add a monitor to section 1').selectOption('checkout');
    const label = page.getByLabel('Public name of checkout-svc (prod)');
    expect(await label.inputValue()).toBe('checkout-svc (prod)');
    await label.fill('Checkout');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForFunction(() => location.hash === '#/status-pages/acme-status', undefined, {
      timeout: WAIT,
    });
    await page.locator('.toast', { hasText: 'Published Acme Status' }).waitFor({ timeout: WAIT });

    const response = await visit('acme-status');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Acme Status');
    expect(html).toContain('Checkout');
    expect(html).not.toContain('checkout-svc');
    expect((await fetch(`${relayUrl}/s/acme-status/logo`)).status).toBe(200);

    await page.locator('#badges-title').waitFor({ timeout: WAIT });
    expect(await page.locator('.badge-list .copy-text').first().textContent()).toMatch(
      /^\[!\[Checkout status\]\(http:\/\/127\.0\.0\.1:\d+\/.+\)\]\(http:\/\/127\.0\.0\.1:\d+\/s\/acme-status\)$/,
    );
  }, 60_000);

  it('writes an incident and moves it to identified; visitors see it', async () => {
    await page.getByRole('radio', { name: 'Incidents' }).click();
    await page.locator('#incident-title').fill('Card payments failing');
    await page.getByRole('button', { name: 'Checkout', exact: true }).click();
    await page.locator('#incident-message').fill('We are looking into failed card payments.');
    await page.getByRole('button', { name: 'Post incident' }).click();
    const card = page.locator('.written-incident', { hasText: 'Card payments failing' });
    await card.waitFor({ timeout: WAIT });
    expect(await card.locator('.timeline li').count()).toBe(1);

    // The next stage is preselected.
    expect(await card.getByRole('radio', { name: 'Identified' }).getAttribute('aria-checked')).toBe('true');
    await card
      .getByLabel('Update to Card payments failing')
      .fill('An expired certificate at the card processor.');
    await card.getByRole('button', { name: 'Post update' }).click();
    await card.locator('.timeline li', { hasText: 'Identified' }).waitFor({ timeout: WAIT });
    expect(await card.locator('.timeline li').count()).toBe(2);
    expect(await (await visit('acme-status')).text()).toContain('Card payments failing');
  }, 60_000);

  it('adds a webhook subscriber and shows its signing secret once', async () => {
    await page.getByRole('radio', { name: /^Subscribers/ }).click();
    await page.getByRole('radio', { name: 'Webhook' }).click();
    await page.getByLabel('Webhook URL').fill('https://hooks.acme.example/status');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page
      .locator('tr', { hasText: 'hooks.acme.example' })
      .getByText('Confirmed')
      .waitFor({ timeout: WAIT });
    await page.getByText('signing secret, shown this once').waitFor({ timeout: WAIT });
  });

  it('lists the page with its counts, and unpublishing takes it offline', async () => {
    await page.getByRole('link', { name: 'Status pages', exact: true }).click();
    const row = page.locator('.status-page-row[data-slug="acme-status"]');
    await row.waitFor({ timeout: WAIT });
    expect(await row.locator('.badge').textContent()).toBe('Published');
    expect(await row.locator('.status-page-stats').textContent()).toMatch(
      /Monitors1Subscribers1Open incidents1/,
    );

    await row.getByRole('link', { name: 'Edit' }).click();
    // Unsaved edits survive a look at another tab.
    await page.locator('#page-description').fill('Payments and checkout');
    await page.getByText('Unsaved changes').waitFor({ timeout: WAIT });
    await page.getByRole('radio', { name: /^Subscribers/ }).click();
    await page.getByRole('radio', { name: 'Design' }).click();
    expect(await page.locator('#page-description').inputValue()).toBe('Payments and checkout');
    await page.getByRole('button', { name: 'Back to status pages' }).click();
    await page.getByRole('dialog', { name: 'Discard your changes?' }).waitFor({ timeout: WAIT });
    await page.getByRole('button', { name: 'Keep editing' }).click();
    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).waitFor({ timeout: WAIT });
    const stored = (await web.api('GET', '/status-pages/acme-status')) as { summary: { published: boolean } };
    expect(stored.summary.published).toBe(false);
    expect((await visit('acme-status')).status).toBe(404);
    expect(errors).toEqual([]);
  }, 60_000);
});
