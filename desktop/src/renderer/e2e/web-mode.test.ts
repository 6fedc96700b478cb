import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openContext } from './browser.js';
import { buildRenderer } from './build-renderer.js';
import { type DemoTarget, startDemoTarget } from './demo-targets.js';
import { startWebApp, type WebApp } from './web-app.js';

// The renderer in a real browser against the real app in web mode: the production build served by
// the headless app (core, embedded relay, local probe) checking a local HTTP target.

const WAIT = 30_000;
let tmp: string;
let target: DemoTarget;
let web: WebApp;
let browser: Browser;
let page: Page;
let monitorId = '';
const errors: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vantage-e2e-'));
  const rendererDir = await buildRenderer(join(tmp, 'renderer'));
  target = await startDemoTarget({ delayMs: [5, 60] });
  web = await startWebApp({ dataDir: join(tmp, 'data'), rendererDir });
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

function monitorRow(id: string) {
  return page.locator(`.monitor-row[data-monitor-id="${id}"]`);
}

async function chartShape(): Promise<string> {
  return page.evaluate(() => {
    const lines = [
      ...document.querySelectorAll('.latency-chart .recharts-line path, .latency-chart .recharts-line-dot'),
    ];
    const cells = [...document.querySelectorAll('.availability-strip .avail')].map((cell) => cell.className);
    return JSON.stringify([lines.map((line) => line.getAttribute('d') ?? line.getAttribute('cy')), cells]);
  });
}

describe('the renderer in web mode, against the real app', () => {
  it('welcomes a first run instead of showing an empty list', async () => {
    await page.getByText('Know the moment your site breaks').waitFor({ timeout: WAIT });
    expect(await page.getByRole('button', { name: /Start monitoring/ }).isVisible()).toBe(true);
  });

  it('adds a monitor through the form, with validation next to the fields, and watches it come up', async () => {
    await page.getByRole('button', { name: 'New monitor' }).first().click();
    await page.locator('#field-name').fill('Checkout API');
    await page.locator('#field-url').fill('not a url');
    await page.locator('#field-interval').fill('1');
    await page.locator('#field-conditions').fill('status === 200');
    await page.getByRole('button', { name: 'Create monitor' }).click();
    // shared's validation messages, shown where they belong; nothing was saved.
    await page.locator('[data-field="url"] .field-error').waitFor({ timeout: WAIT });
    expect(await page.locator('.condition-lines .bad').textContent()).toMatch(/at \d+: expected/);

    await page.locator('#field-url').fill(`${target.url}/health`);
    await page.locator('#field-conditions').fill('status == 200\njson $.ok == true');
    await page.getByRole('button', { name: 'Test now' }).click();
    await page.locator('.test-result .one-off[data-state="up"]').waitFor({ timeout: WAIT });
    expect(await page.locator('.test-result .verdicts .fail').count()).toBe(0);
    expect(await page.locator('.test-result .verdicts .pass').allTextContents()).toContain(
      'json $.ok == true',
    );

    await page.getByRole('button', { name: 'Create monitor' }).click();
    await page.waitForFunction(() => /^#\/monitors\/[^/]+$/.test(location.hash), undefined, {
      timeout: WAIT,
    });
    monitorId = decodeURIComponent((await page.evaluate(() => location.hash)).split('/')[2]!);
    await page.locator('.page-title .badge[data-status="up"]').waitFor({ timeout: WAIT });

    await page.getByRole('link', { name: 'Monitors' }).click();
    await monitorRow(monitorId).locator('.badge[data-status="up"]').waitFor({ timeout: WAIT });
    expect(await monitorRow(monitorId).textContent()).toContain('Checkout API');
  }, 90_000);

  it('updates the response-time chart live as checks arrive', async () => {
    await monitorRow(monitorId).click();
    await page.getByRole('radio', { name: '1h' }).click();
    await page.locator('.latency-chart .recharts-line').first().waitFor({ state: 'attached', timeout: WAIT });
    const rowsBefore = await page.locator('.checks-table tbody tr').count();
    const before = await chartShape();
    await page.waitForFunction(
      (shape) => {
        const lines = [
          ...document.querySelectorAll(
            '.latency-chart .recharts-line path, .latency-chart .recharts-line-dot',
          ),
        ];
        const cells = [...document.querySelectorAll('.availability-strip .avail')].map(
          (cell) => cell.className,
        );
        return (
          JSON.stringify([lines.map((line) => line.getAttribute('d') ?? line.getAttribute('cy')), cells]) !==
          shape
        );
      },
      before,
      { timeout: WAIT },
    );
    await page.waitForFunction(
      (count) => document.querySelectorAll('.checks-table tbody tr').length > count,
      Math.min(rowsBefore, 19),
      { timeout: WAIT },
    );
  }, 60_000);

  it('shows the incident and an in-app notification when the target breaks, and acknowledges it', async () => {
    target.status = 503;
    await page.getByRole('link', { name: 'Incidents' }).click();
    const toast = page.locator('.toast', { hasText: 'Checkout API is down' });
    await toast.waitFor({ timeout: WAIT });
    const card = page.locator(`.incident[data-incident-id^="${monitorId}:"]`);
    await card.waitFor({ timeout: WAIT });
    expect(await card.textContent()).toContain('503');

    // The notification opens its monitor, which now shows down with the open incident.
    await toast.locator('.toast-content').click();
    await page.waitForFunction((id) => location.hash === `#/monitors/${id}`, monitorId, { timeout: WAIT });
    await page.locator('.page-title .badge[data-status="down"]').waitFor({ timeout: WAIT });
    const incident = page.locator('.incident.open');
    await incident.getByRole('button', { name: 'Acknowledge' }).click();
    await incident.getByText('Acknowledged', { exact: true }).waitFor({ timeout: WAIT });
    expect(await incident.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.locator('.incident.open', { hasText: 'acknowledged by' }).waitFor({ timeout: WAIT });
    expect(errors).toEqual([]);
  }, 90_000);
});
