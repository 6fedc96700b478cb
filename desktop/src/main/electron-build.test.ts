import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The Electron-only glue (main, preload, packaging config) cannot run here without the Electron
// binary, so these tests check what packaging consumes: the three electron-vite bundles and
// electron-builder.yml with the icons it points at.

const desktopDir = fileURLToPath(new URL('../../', import.meta.url));
const repoDir = resolve(desktopDir, '..');
const electronVite = join(repoDir, 'node_modules/electron-vite/bin/electron-vite.js');
const run = promisify(execFile);

const manifest = JSON.parse(readFileSync(join(desktopDir, 'package.json'), 'utf8')) as { main: string };

describe('electron-vite build of the three targets', () => {
  let outDir = '';

  beforeAll(async () => {
    // A temporary out dir, never desktop/out, which the developer's own build and other tests use.
    outDir = join(mkdtempSync(join(tmpdir(), 'vantage-electron-build-')), 'out');
    await run(process.execPath, [electronVite, 'build', '--outDir', outDir, '--logLevel', 'error'], {
      cwd: desktopDir,
      maxBuffer: 16 * 1024 * 1024,
    });
  }, 120_000);

  afterAll(() => {
    if (outDir) rmSync(resolve(outDir, '..'), { recursive: true, force: true });
  });

  it('builds the main process as an ES module that imports electron and native deps at run time', () => {
    // package.json's "main" is what Electron starts in the packaged app.
    expect(manifest.main).toBe('./out/main/index.js');
    const main = readFileSync(join(outDir, 'main/index.js'), 'utf8');
    expect(main).toMatch(/^import \{[^}]*\bBrowserWindow\b[^}]*\} from "electron";$/m);
    // better-sqlite3 stays external so electron-builder can rebuild it for Electron's ABI.
    expect(main).toMatch(/^import \w+ from "better-sqlite3";$/m);
    expect(main).not.toContain('require("electron")');
  });

  it('builds the preload as CommonJS that exposes the API as window.vantage', () => {
    const preload = readFileSync(join(outDir, 'preload/index.cjs'), 'utf8');
    expect(preload).toContain('require("electron")');
    expect(preload).toMatch(/contextBridge\.exposeInMainWorld\("vantage",/);
    // A sandboxed preload can require only electron: everything else must be bundled in.
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^import /m);
  });

  it('builds the renderer page with relative, content-hashed assets that exist', () => {
    const html = readFileSync(join(outDir, 'renderer/index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => /^assets\/index-[\w-]{8,}\.js$/.test(a))).toBe(true);
    expect(assets.some((a) => /^assets\/index-[\w-]{8,}\.css$/.test(a))).toBe(true);
    for (const asset of assets) expect(existsSync(join(outDir, 'renderer', asset)), asset).toBe(true);
  });
});

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { app?: string; buildResources?: string };
  files?: string[];
  linux?: { target?: string[]; icon?: string };
  mac?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  expect(png.toString('latin1', 1, 4)).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  const config = parse(readFileSync(join(repoDir, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
  const buildResources = join(repoDir, config.directories?.buildResources ?? 'missing');

  it('names the app and packages AppImage and deb, dmg, and nsis', () => {
    expect(config.appId).toBe('dev.vantage.desktop');
    expect(config.productName).toBe('Vantage');
    expect(config.directories?.app).toBe('desktop');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('packages every electron-vite output and the manifest', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']),
    );
  });

  it('points macOS and Windows at a 1024×1024 icon and Linux at a full icon set', () => {
    for (const icon of [config.mac?.icon, config.win?.icon]) {
      expect(icon).toBeDefined();
      expect(pngSize(join(buildResources, icon!))).toEqual([1024, 1024]);
    }
    const linuxIcons = join(buildResources, config.linux?.icon ?? 'missing');
    expect(statSync(linuxIcons).isDirectory()).toBe(true);
    const sizes = readdirSync(linuxIcons).map((file) => {
      const side = Number(/^(\d+)x\1\.png$/.exec(file)?.[1]);
      expect(pngSize(join(linuxIcons, file))).toEqual([side, side]);
      return side;
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
  });
});
