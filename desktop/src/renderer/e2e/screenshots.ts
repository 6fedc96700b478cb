/**
 * Regenerates docs/screenshots/<screen>-<theme>.png from the real app in web mode: a fresh install
 * for the welcome screen, then a relay with three regional probes watching local demo sites (a
 * week of earlier history is written first, the rest is live), shot in light and dark.
 *
 * Run: `npm run screenshots -w desktop` (needs Chromium at /usr/bin/chromium or CHROMIUM_PATH;
 * SCREENSHOTS_DIR writes elsewhere).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, openContext } from './browser.js';
import { buildRenderer } from './build-renderer.js';
import { demoAlerting, startDemoReceiver } from './demo-alerting.js';
import { DEMO_PROFILES, demoMonitors, startDemoTargets } from './demo-fleet.js';
import { writeDemoHistory } from './demo-history.js';
import { startDemoNetwork } from './demo-network.js';
import { seedDemoStatusPages } from '../status-pages/demo-status-pages.js';
import { seedDemoHeartbeatRuns } from '../heartbeats/demo-heartbeats.js';
import { startWebApp, type WebApp } from './web-app.js';

const OUT_DIR =
  process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL('../../../../docs/screenshots', import.meta.url));
const THEMES = ['light', 'dark'] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// The script's progress goes to stdout; the app's own logs go to stderr.
const say = (line: string) => process.stdout.write(`${line}\n`);

/** One screen to shoot: where it lives, what shows it is ready, and what to do first. */
interface Shot {
  name: string;
  hash: string;
  ready: string;
  prepare?: (page: import('playwright-core').Page) => Promise<void>;
}

async function shoot(browser: Browser, web: WebApp, shots: readonly Shot[]): Promise<void> {
  for (const theme of THEMES) {
    const context = await openContext(browser, theme);
    const page = await context.newPage();
    await page.goto(web.loginUrl);
    for (const shot of shots) {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, shot.hash);
      await page.locator(shot.ready).first().waitFor({ state: 'attached', timeout: 30_000 });
      await shot.prepare?.(page);
      // Let charts lay out and the shared clock tick once.
      await sleep(1200);
      const file = join(OUT_DIR, `${shot.name}-${theme}.png`);
      await page.screenshot({ path: file });
      say(`wrote ${file}`);
    }
    await context.close();
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1000);
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'vantage-shots-'));
  let browser: Browser | undefined;
  const stops: (() => Promise<void>)[] = [];
  try {
    say('building the renderer…');
    const rendererDir = await buildRenderer(join(tmp, 'renderer'));
    browser = await launchChromium();

    say('first run…');
    const fresh = await startWebApp({ dataDir: join(tmp, 'fresh'), rendererDir });
    await shoot(browser, fresh, [{ name: 'welcome', hash: '#/', ready: '.welcome' }]);
    await fresh.stop();

    say('starting the demo network…');
    const targets = await startDemoTargets();
    stops.push(() => targets.close());
    const network = await startDemoNetwork(join(tmp, 'network'));
    stops.push(() => network.stop());
    const dataDir = join(tmp, 'desktop');
    say(`wrote ${writeDemoHistory(dataDir, DEMO_PROFILES)} checks of history`);
    const web = await startWebApp({
      dataDir,
      rendererDir,
      relay: { url: network.relay.wsUrl, token: network.desktopToken },
    });
    stops.push(() => web.stop());
    for (const monitor of demoMonitors(targets)) await web.api('POST', '/monitors', { monitor });
    const receiver = await startDemoReceiver();
    stops.push(() => receiver.close());
    for (const doc of demoAlerting(receiver.url, Date.now())) await web.api('PUT', doc.path, doc.body);

    await seedDemoStatusPages((method, path, body) => web.api(method, path, body));
    await seedDemoHeartbeatRuns((method, path, body) => web.api(method, path, body));

    // Auth flaps once, so the incidents page has a resolved incident with a whole timeline.
    await sleep(8000);
    targets.auth.status = 500;
    await waitFor('the auth incident', async () => {
      const open = (await web.api('GET', '/incidents?state=open')) as { monitorId: string }[];
      return open.some((incident) => incident.monitorId === 'auth');
    });
    await sleep(4000);
    targets.auth.status = 200;
    await waitFor('the auth incident to resolve', async () => {
      const resolved = (await web.api('GET', '/incidents?state=resolved')) as { monitorId: string }[];
      return resolved.some((incident) => incident.monitorId === 'auth');
    });
    await sleep(10_000);
    // Alerts about the flap wait out the relay's 60 s grouping window; the delivery log should show them.
    await waitFor(
      'the grouped alerts',
      async () => ((await web.api('GET', '/alerting/deliveries')) as unknown[]).length >= 5,
    );

    await shoot(browser, web, [
      { name: 'dashboard', hash: '#/', ready: '.monitor-row' },
      { name: 'monitor', hash: '#/monitors/public-api', ready: '.latency-chart .recharts-line' },
      {
        name: 'editor',
        hash: '#/monitors/search/edit',
        ready: '#field-url',
        prepare: async (page) => {
          await page.getByRole('button', { name: 'Test now' }).click();
          await page.locator('.test-result .one-off').waitFor({ timeout: 30_000 });
        },
      },
      {
        name: 'incidents',
        hash: '#/incidents',
        ready: '.incident',
        prepare: async (page) => {
          await page.getByRole('radio', { name: 'All' }).click();
          await page.locator('.incident.resolved button[aria-expanded="false"]').first().click();
        },
      },
      { name: 'probes', hash: '#/probes', ready: '.region-card' },
      { name: 'analytics-overview', hash: '#/analytics', ready: '.sla-row' },
      { name: 'analytics-report', hash: '#/analytics/payments', ready: '[data-testid="outages"]' },
      {
        name: 'heartbeat',
        hash: '#/monitors/nightly-backup',
        ready: '.heartbeat-runs',
        prepare: async (page) => {
          await page
            .getByRole('button', { name: /^Show log/ })
            .nth(1)
            .click();
        },
      },
      { name: 'settings', hash: '#/settings', ready: '.connection-state' },
      { name: 'status-pages', hash: '#/status-pages', ready: '.status-page-row' },
      { name: 'status-page-editor', hash: '#/status-pages/acme', ready: '#badges-title' },
      {
        name: 'status-page-incidents',
        hash: '#/status-pages/acme',
        ready: '#badges-title',
        prepare: async (page) => {
          await page.getByRole('radio', { name: /^Incidents/ }).click();
          await page.locator('.written-incident').waitFor({ timeout: 30_000 });
        },
      },
      { name: 'alerting-channels', hash: '#/alerting/channels', ready: '.alert-item[data-channel-id]' },
      { name: 'alerting-rules', hash: '#/alerting/rules', ready: '.alert-item[data-rule-id]' },
      { name: 'alerting-maintenance', hash: '#/alerting/maintenance', ready: '.alert-item[data-window-id]' },
      {
        name: 'alerting-deliveries',
        hash: '#/alerting/deliveries',
        ready: '.delivery-row',
        prepare: async (page) => {
          // Open a message with retries, so the shot shows attempts and the provider's answers.
          const rows = page.locator('.delivery-row');
          const attempts = await rows.locator('td.num').allTextContents();
          const row = rows.nth(
            Math.max(
              0,
              attempts.findIndex((n) => Number(n) > 1),
            ),
          );
          await row.getByRole('button', { name: 'Show attempts' }).click();
        },
      },
    ]);
  } finally {
    await browser?.close();
    for (const stop of stops.reverse()) await stop().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
