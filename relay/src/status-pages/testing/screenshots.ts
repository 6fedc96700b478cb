import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { publishDemoPage } from './demo-page.js';
import { startPageTestRelay } from './page-test-relay.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../docs/screenshots');

/**
 * Writes docs/screenshots/status-page-{light,dark}.png from a real relay serving the demo page,
 * rendered by Chromium. Run: `npx tsx relay/src/status-pages/testing/screenshots.ts`.
 */
async function main(): Promise<void> {
  const t = await startPageTestRelay();
  const browser = await chromium.launch({
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
  try {
    await publishDemoPage(t);
    mkdirSync(OUT, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      await page.goto(`${t.relay.url}/s/acme`);
      await page.waitForSelector('body[data-live="1"]');
      const file = join(OUT, `status-page-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      process.stdout.write(`${file}\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    await t.close();
  }
}

await main();
