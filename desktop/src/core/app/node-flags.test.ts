import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DESKTOP_NODE_FLAGS } from './node-flags.js';

const run = promisify(execFile);
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the desktop app launches Node with its V8 flags', () => {
  it('through the vantage-desktop shebang, which really starts Node with them', async () => {
    const shebang = read('../../cli/vantage-desktop.ts').split('\n')[0]!;
    expect(shebang.startsWith('#!')).toBe(true);
    const [command, ...args] = shebang.slice(2).trim().split(/\s+/);
    const { stdout } = await run(command!, [...args, '-e', 'console.log(JSON.stringify(process.execArgv))']);
    expect(JSON.parse(stdout)).toEqual([...DESKTOP_NODE_FLAGS, '-e', expect.any(String)]);
  });

  it('through npm start, and into the Electron main process as --js-flags', () => {
    const manifest = JSON.parse(read('../../../../package.json')) as { scripts: Record<string, string> };
    expect(manifest.scripts.start).toBe(`node ${DESKTOP_NODE_FLAGS.join(' ')} scripts/start.mjs`);
    const start = read('../../../../scripts/start.mjs');
    expect(start).toMatch(/--js-flags=\$\{DESKTOP_NODE_FLAGS\.join\(' '\)\}/);
    const builder = read('../../../../electron-builder.yml');
    expect(builder).toContain(`executableArgs: ['--js-flags=${DESKTOP_NODE_FLAGS.join(' ')}']`);
  });
});
