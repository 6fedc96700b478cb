import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggedResult } from '@vantage/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../core/app/create-desktop-core.js';
import { openDesktopStore } from '../../core/store/index.js';
import { launchChromium, openContext } from '../e2e/browser.js';
import { buildRenderer } from '../e2e/build-renderer.js';
import { startWebApp, type WebApp } from '../e2e/web-app.js';

// The Reports screen in a real browser against the real app in web mode, on a store seeded with a
// day of checks: one 10-minute outage (with its incident), and a second monitor without checks.

const WAIT = 30_000;
const MIN = 60_000;
let tmp: string;
let web: WebApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];

function seed(dataDir: string, now: number): void {
  mkdirSync(dataDir, { recursive: true });
  const store = openDesktopStore(join(dataDir, DATABASE_FILE));
  try {
    for (const [id, name] of [
      ['api', 'Checkout API'],
      ['web', 'Web, "main"'],
    ]) {
      const saved = store.monitors.save({
        id,
        name,
        type: 'http',
        url: `https://${id}.example.com`,
        paused: true,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    }
    // A check a minute for the last day; down from 5 h ago for 10 minutes.
    const start = Math.floor((now - 24 * 60 * MIN) / MIN) * MIN;
    const outageStart = Math.floor((now - 5 * 60 * MIN) / MIN) * MIN;
    const results: LoggedResult[] = [];
    for (let i = 0; start + i * MIN < now - 2 * MIN; i++) {
      const ts = start + i * MIN;
      const down = ts >= outageStart && ts < outageStart + 10 * MIN;
      results.push({
        cursor: i + 1,
        probeId: 'seed-eu',
        seq: i + 1,
        monitorId: 'api',
        region: 'eu-west',
        ts,
        state: down ? 'down' : 'up',
        latencyMs: down ? 10_000 : 120,
        phases: { dnsMs: 4, connectMs: 20, tlsMs: 30, ttfbMs: 60, transferMs: 6 },
        message: down ? 'status was 503' : '',
        attempts: 1,
        probeHealthy: true,
        revision: 1,
      });
    }
    store.ingestResults(results, { relay: 'seed' });
    store.incidents.upsert({
      id: 'api:1',
      monitorId: 'api',
      openedAt: outageStart + 2 * MIN,
      resolvedAt: outageStart + 10 * MIN,
      cause: 'status was 503',
      regions: ['eu-west'],
      timeline: [],
    });
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vantage-analytics-e2e-'));
  seed(join(tmp, 'data'), Date.now());
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
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000);

const goTo = (hash: string) =>
  page.evaluate((h) => {
    window.location.hash = h;
  }, hash);

describe('the Reports screen in web mode', () => {
  it('lists every monitor with its uptime, downtime and incidents', async () => {
    await goTo('#/analytics');
    await page.locator('.sla-row').nth(1).waitFor({ timeout: WAIT });
    const rows = await page.locator('.sla-row').allInnerTexts();
    expect(rows[0]).toMatch(/Checkout API\s+99\.9\d\d%\s+10 min\s+1\s+10 min/);
    expect(rows[1]).toMatch(/Web, "main"\s+—\s+0 s/);
    expect(await page.getByRole('link', { name: 'Reports' }).getAttribute('aria-current')).toBe('page');
  });

  it('downloads the SLA CSV with a header and a row per monitor', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: WAIT }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vantage-sla-\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'monitor_id,monitor,type,from,to,uptime_percent,downtime_s,outages,incidents,mttr_s,p95_ms,checks',
    );
    expect(lines[1]).toMatch(/^api,Checkout API,http,[^,]+,[^,]+,99\.9\d+,600,1,1,600,120(\.\d)?,14\d\d$/);
    expect(lines[2]).toMatch(/^web,"Web, ""main""",http,/);
  });

  it("opens a monitor's report with its figures, outage, phases and regions", async () => {
    await page.getByRole('link', { name: 'Checkout API' }).click();
    await page.locator('[data-testid="outages"]').waitFor({ timeout: WAIT });
    expect(await page.locator('.page-title').innerText()).toBe('Checkout API');
    expect(await page.locator('.page-subtitle').innerText()).toMatch(/^SLA report · /);
    expect(await page.getByTestId('stat-downtime').innerText()).toContain('10 min');
    expect(await page.getByTestId('stat-mttr').innerText()).toContain('10 min');
    expect(await page.getByTestId('outages').innerText()).toContain('status was 503');
    expect(await page.getByTestId('region-comparison').innerText()).toMatch(/eu-west\s+99\.9\d\d%/);
    expect(await page.locator('.phase-legend').innerText()).toMatch(/Connect\s+20 ms[\s\S]*60 ms/);
    // 30 days ending now touch 31 UTC days: one bar each, the first and last partial.
    expect(await page.locator('.uptime-bar-slot').count()).toBe(31);
  });

  it('switches the range and prints without the sidebar and controls', async () => {
    await page.getByRole('radio', { name: '24 h' }).click();
    await page.locator('.uptime-bar-slot').nth(23).waitFor({ timeout: WAIT });
    expect(await page.getByTestId('stat-uptime').innerText()).toMatch(/99\.30\d%/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print report' }).isVisible()).toBe(false);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    // Paper is light even when the screen is dark.
    const surface = () =>
      page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--surface').trim());
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    expect(await surface()).toMatch(/^#fff(fff)?$/i); // the build may shorten colours
    await page.emulateMedia({ media: 'screen' });
    expect(await surface()).not.toMatch(/^#fff(fff)?$/i);
    expect(errors).toEqual([]);
  });
});
