import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROBE_SETTINGS } from '../config/probe-settings.js';
import { closedPort } from '../test-targets/tcp-target.js';
import { spawnProbe } from '../testing/probe-process.js';

const dir = mkdtempSync(join(tmpdir(), 'vantage-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const valid = ['--relay', 'ws://127.0.0.1:9', '--token', 'tok', '--region', 'eu-west'];

describe('vantage-probe command line', () => {
  it('documents every flag and its environment variable in --help', async () => {
    const probe = spawnProbe(['--help']);
    expect(await probe.exited).toBe(0);
    for (const setting of Object.values(PROBE_SETTINGS)) {
      expect(probe.stdout()).toContain(setting.flag.split(' ')[0]);
      expect(probe.stdout()).toContain(setting.env);
    }
    expect(probe.stdout()).toContain('--config');
  });

  it.each([
    [
      ['--relay', 'ws://127.0.0.1:9', '--region', 'eu-west'],
      {},
      'missing token: pass --token, set VANTAGE_TOKEN',
    ],
    [[...valid, '--bogus'], {}, "unknown option '--bogus'"],
    [
      ['--relay', 'http://127.0.0.1:9', '--token', 't', '--region', 'eu-west'],
      {},
      'invalid --relay: must be a ws:// or wss:// URL',
    ],
    [valid, { VANTAGE_PER_HOST: 'lots' }, 'invalid VANTAGE_PER_HOST'],
    [
      [...valid, '--config', '/nonexistent/probe.yaml'],
      {},
      'cannot read config file /nonexistent/probe.yaml: no such file',
    ],
  ] as [string[], Record<string, string>, string][])(
    'exits 2 with one line naming the problem (%#)',
    async (args, env, message) => {
      const probe = spawnProbe(args, env);
      expect(await probe.exited).toBe(2);
      expect(probe.stderr().trim().split('\n')).toHaveLength(1);
      expect(probe.stderr()).toContain(`vantage-probe: ${message}`);
      expect(probe.stdout()).toBe('');
    },
  );

  it('reads settings from a config file and lets flags override them', async () => {
    const file = join(dir, 'probe.yaml');
    writeFileSync(
      file,
      `relay: ws://127.0.0.1:9\ntoken: from-file\nregion: eu-west\nconcurrency: 0\ndataDir: ${join(dir, 'file-data')}\n`,
    );
    const bad = spawnProbe(['--config', file]);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain(`invalid "concurrency" in ${file}`);

    const fixed = spawnProbe(['--config', file, '--concurrency', '3'], { VANTAGE_REGION: 'us-east' });
    await fixed.waitForLog((line) => line.msg === 'starting probe', 'the start line');
    fixed.child.kill('SIGTERM');
    expect(await fixed.exited).toBe(0);
    const start = fixed.logs().find((line) => line.msg === 'starting probe') as {
      config: Record<string, unknown>;
    };
    expect(start.config).toMatchObject({
      concurrency: 3,
      region: 'us-east',
      relay: 'ws://127.0.0.1:9/ws',
      token: '[redacted]',
    });
  }, 30_000);

  it('keeps retrying an unreachable relay with a log line per attempt, never logs the token, and exits 0 on SIGTERM', async () => {
    const port = await closedPort();
    const probe = spawnProbe(
      [
        '--relay',
        `ws://127.0.0.1:${port}`,
        '--region',
        'eu-west',
        '--data-dir',
        join(dir, 'data'),
        '--canary',
        `127.0.0.1:${port}`,
      ],
      { VANTAGE_TOKEN: 'very-secret-token-123' },
    );
    await probe.waitForLog(
      (line) => line.msg === 'relay unreachable; retrying' && line.attempt === 3,
      'the third retry',
    );
    const attempts = probe.logs().filter((line) => line.msg === 'relay unreachable; retrying');
    expect(attempts.map((line) => line.attempt)).toEqual([1, 2, 3]);
    expect(attempts[0]?.error).toMatch(/ECONNREFUSED/);
    expect(probe.child.exitCode).toBeNull();
    probe.child.kill('SIGTERM');
    expect(await probe.exited).toBe(0);
    const start = probe.logs().find((line) => line.msg === 'starting probe') as {
      config: Record<string, unknown>;
    };
    expect(start.config.token).toBe('[redacted]');
    expect(probe.stdout() + probe.stderr()).not.toContain('very-secret-token-123');
  }, 60_000);
});
