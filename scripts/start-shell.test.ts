import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the scripts folder, which has no type declarations
import { chooseShell, electronBinary, isStale } from './start-shell.mjs';

const dir = mkdtempSync(join(tmpdir(), 'vantage-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start: which shell', () => {
  const electron = '/opt/electron/electron';
  it.each([
    ['Linux with X11', { headless: false, platform: 'linux', env: { DISPLAY: ':0' }, electron }, 'electron'],
    [
      'Linux with Wayland',
      { headless: false, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, electron },
      'electron',
    ],
    ['macOS', { headless: false, platform: 'darwin', env: {}, electron }, 'electron'],
    ['Windows', { headless: false, platform: 'win32', env: {}, electron }, 'electron'],
    [
      'Linux without a display',
      { headless: false, platform: 'linux', env: { DISPLAY: '' }, electron },
      'no display',
    ],
    [
      'no Electron runtime',
      { headless: false, platform: 'darwin', env: {}, electron: null },
      'not installed',
    ],
    ['--headless', { headless: true, platform: 'linux', env: { DISPLAY: ':0' }, electron }, '--headless'],
  ])('%s', (_name, facts, expected) => {
    const choice = chooseShell(facts);
    if (expected === 'electron') expect(choice).toEqual({ shell: 'electron', binary: electron });
    else expect(choice).toMatchObject({ shell: 'headless', reason: expect.stringContaining(expected) });
  });

  it('finds no Electron binary where the runtime was never downloaded', () => {
    expect(electronBinary(dir)).toBeNull();
  });
});

describe('npm start: is the bundle stale', () => {
  it('rebuilds when an output is missing or a source is newer than the oldest output, not otherwise', () => {
    const src = join(dir, 'src');
    mkdirSync(join(src, 'screens'), { recursive: true });
    const source = join(src, 'screens', 'app.tsx');
    const test = join(src, 'screens', 'app.test.ts');
    const out = join(dir, 'index.html');
    writeFileSync(source, 'x');
    writeFileSync(test, 'x');
    expect(isStale([src], [out])).toBe(true);
    writeFileSync(out, 'built');
    const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
    at(source, 1000);
    at(out, 2000);
    at(test, 3000); // tests are not part of the bundle
    expect(isStale([src], [out])).toBe(false);
    at(source, 3000);
    expect(isStale([src], [out])).toBe(true);
  });
});
