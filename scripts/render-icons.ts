/**
 * Renders desktop/build/icon.svg to the PNGs electron-builder packages: build/icon.png
 * (1024×1024, from which it derives the macOS .icns and the Windows .ico) and
 * build/icons/<size>x<size>.png (the Linux icon set). The PNGs are committed; rerun after
 * changing the SVG: `npx tsx scripts/render-icons.ts` (needs Chromium at /usr/bin/chromium or
 * CHROMIUM_PATH).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const buildDir = fileURLToPath(new URL('../desktop/build/', import.meta.url));
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const MASTER_SIZE = 1024;

const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  // Chromium rasterises the vector at each target size, so small icons stay sharp rather than
  // being downscaled from the 1024 master.
  const render = async (size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        `<img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };

  writeFileSync(join(buildDir, 'icon.png'), await render(MASTER_SIZE));
  console.log(`icon.png ${MASTER_SIZE}x${MASTER_SIZE}`);
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), await render(size));
    console.log(`icons/${size}x${size}.png`);
  }
} finally {
  await browser.close();
}
