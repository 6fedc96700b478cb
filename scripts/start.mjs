#!/usr/bin/env node
/**
 * `npm start`: builds what is needed, then opens Vantage.
 *
 * 1. `tsc -b` (the packages' dist/ folders);
 * 2. `electron-vite build` in desktop/ when desktop/out is missing or older than its sources;
 * 3. the Electron window when its runtime is installed, a display is present and --headless was
 *    not given; otherwise the same app headless (`vantage-desktop`, in this process), which prints
 *    the address of its interface with its token, the API docs, the relay and the data folder.
 *
 * Flags are the app's, passed on unchanged: --headless, --data-dir DIR, --port N (default 7300,
 * 0 = any free), --relay URL --token T (a remote relay), --log-level LEVEL. Exit code: the app's.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseShell, electronBinary, isStale } from './start-shell.mjs';

const root = new URL('..', import.meta.url).pathname;
const desktop = join(root, 'desktop');
const args = process.argv.slice(2);

if (args.includes('-h') || args.includes('--help')) {
  console.log(`usage: npm start -- [--headless] [--data-dir DIR] [--port N] [--relay URL --token T] [--log-level LEVEL]

Opens the Vantage window. Without a display or the Electron runtime, or with --headless, runs the
same app headless and prints the http://127.0.0.1 address of its interface (with its token).
All flags go to the app: see \`node desktop/dist/cli/vantage-desktop.js --help\` once built.`);
  process.exit(0);
}

function run(what, file, argv, cwd) {
  try {
    execFileSync(file, argv, { cwd, stdio: 'inherit' });
    return true;
  } catch {
    console.error(`npm start: ${what} failed (see above)`);
    return false;
  }
}

console.log('Building…');
if (!run('tsc -b', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], root))
  process.exit(1);

const viteConfig = join(desktop, 'electron.vite.config.ts');
const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) =>
  join(desktop, p),
);
const sources = [join(desktop, 'src'), join(root, 'shared/src'), viteConfig, join(desktop, 'package.json')];
if (!existsSync(viteConfig)) {
  console.warn(
    'npm start: desktop/electron.vite.config.ts is missing, so the window and interface cannot be built.',
  );
} else if (isStale(sources, outputs)) {
  console.log('Building the window and interface (electron-vite)…');
  const cli = join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  if (!run('electron-vite build', process.execPath, [cli, 'build'], desktop)) {
    console.warn('npm start: carrying on with the previous build, if any.');
  }
}

const choice = chooseShell({
  headless: args.includes('--headless'),
  platform: process.platform,
  env: process.env,
  electron: electronBinary(desktop),
});

if (choice.shell === 'electron' && existsSync(outputs[0])) {
  console.log(
    'Opening the Vantage window (Electron)…  Run `npm start -- --headless` to use a browser instead.',
  );
  // Electron reads desktop/package.json's "main" (out/main/index.js); the flags follow the app folder.
  // Its main process takes V8 flags only from the command line (see core/app/node-flags.ts).
  const { DESKTOP_NODE_FLAGS } = await import(
    pathToFileURL(join(desktop, 'dist/core/app/node-flags.js')).href
  );
  const child = spawn(choice.binary, [`--js-flags=${DESKTOP_NODE_FLAGS.join(' ')}`, desktop, ...args], {
    stdio: 'inherit',
  });
  // Ctrl+C reaches the child too (same process group); forwarding it again only repeats app.quit().
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`npm start: could not start Electron (${error.message}); run \`npm start -- --headless\``);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const reason = choice.shell === 'headless' ? choice.reason : 'the Electron bundle is not built';
  console.log(`Running without a window: ${reason}.`);
  // The CLI runs in this process, so signals reach it directly; it exits when it is done.
  const { runDesktopCli } = await import(pathToFileURL(join(desktop, 'dist/cli/run-desktop-cli.js')).href);
  await runDesktopCli([process.execPath, 'vantage-desktop', ...args]);
}
