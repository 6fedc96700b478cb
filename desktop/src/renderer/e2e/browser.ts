import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (what CI installs), unless CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium with nothing that reaches beyond this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** A fresh browser profile with a desktop-sized window in the given colour scheme. */
export function openContext(
  browser: Browser,
  colorScheme: 'light' | 'dark' = 'light',
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext> {
  return browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
}
