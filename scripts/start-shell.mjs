/**
 * The decisions `npm start` makes, kept apart from start.mjs so they can be tested: which shell
 * to run (the Electron window or the headless web mode) and whether the Electron/renderer bundle
 * is older than its sources.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The Electron binary's path when the runtime was downloaded, else null. The `electron` package
 * installs without it when its download is blocked (as on CI machines); `require('electron')`
 * then throws, or names a file that is not there.
 * @param {string} fromDir a folder whose node_modules holds electron
 * @returns {string | null}
 */
export function electronBinary(fromDir) {
  try {
    const path = createRequire(join(fromDir, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Electron when asked for and possible; otherwise headless, with the reason in words.
 * @param {{ headless: boolean, platform: string, env: Record<string, string | undefined>, electron: string | null }} facts
 * @returns {{ shell: 'electron', binary: string } | { shell: 'headless', reason: string }}
 */
export function chooseShell({ headless, platform, env, electron }) {
  if (headless) return { shell: 'headless', reason: '--headless was given' };
  if (electron === null) return { shell: 'headless', reason: 'the Electron runtime is not installed' };
  const hasDisplay =
    platform === 'darwin' || platform === 'win32' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  if (!hasDisplay)
    return { shell: 'headless', reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  return { shell: 'electron', binary: electron };
}

/**
 * The newest modification time (ms) of the files under `paths`, skipping tests; 0 when none exist.
 * @param {string[]} paths files or folders
 * @returns {number}
 */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name === 'node_modules' || name === 'e2e' || name.endsWith('.test.ts')) continue;
        visit(join(path, name));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of paths) visit(path);
  return newest;
}

/**
 * Whether a bundle must be rebuilt: one of its `outputs` is missing, or a source is newer than the
 * oldest of them.
 * @param {string[]} sources files or folders the bundle is built from
 * @param {string[]} outputs files the build writes
 * @returns {boolean}
 */
export function isStale(sources, outputs) {
  let oldest = Infinity;
  for (const output of outputs) {
    try {
      oldest = Math.min(oldest, statSync(output).mtimeMs);
    } catch {
      return true;
    }
  }
  return newestMtime(sources) > oldest;
}
