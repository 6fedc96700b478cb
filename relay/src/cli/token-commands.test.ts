import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnRelay } from './relay-process.js';

const dir = mkdtempSync(join(tmpdir(), 'vantage-relay-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string> = {}) {
  const relay = spawnRelay(args, env);
  const code = await relay.exited;
  return { code, stdout: relay.stdout(), stderr: relay.stderr() };
}

describe('vantage-relay token', () => {
  it('creates, lists and revokes tokens in a data dir, showing each secret only once', async () => {
    const data = ['--data-dir', join(dir, 'round-trip')];
    const probe = await run([
      'token',
      'create',
      '--role',
      'probe',
      '--region',
      'eu-west',
      '--name',
      'fra-1',
      ...data,
    ]);
    expect(probe.code).toBe(0);
    expect(probe.stdout).toMatch(/^vnt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}\n$/);
    expect(probe.stderr).toContain('Created probe token "fra-1"');
    expect(probe.stderr).toContain('region eu-west');
    // Settings flags work before the subcommand as well, and the variable names the data dir too.
    const desktop = await run(['token', 'create', '--role', 'desktop', '--name', 'laptop'], {
      VANTAGE_DATA_DIR: join(dir, 'round-trip'),
    });
    expect(desktop.code).toBe(0);

    const listed = await run([...data, 'token', 'list']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+ROLE\s+REGION\s+CREATED\s+LAST USED\s+REVOKED$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(1, 4))).toEqual([
      ['fra-1', 'probe', 'eu-west'],
      ['laptop', 'desktop', '-'],
    ]);
    const secrets = [probe.stdout.trim(), desktop.stdout.trim()].map((token) =>
      token.split('_').slice(2).join('_'),
    );
    for (const secret of secrets) expect(listed.stdout).not.toContain(secret);

    const revoked = await run(['token', 'revoke', 'fra-1', ...data]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('Revoked 1 token');
    const json = await run(['token', 'list', '--json', ...data]);
    const records = JSON.parse(json.stdout) as { name: string; revokedAt: number | null }[];
    expect(records.find((r) => r.name === 'fra-1')?.revokedAt).toEqual(expect.any(Number));
    expect(records.find((r) => r.name === 'laptop')?.revokedAt).toBeNull();

    const again = await run(['token', 'revoke', 'fra-1', ...data]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'vantage-relay: no active token with id or name "fra-1" (see: vantage-relay token list)\n',
    );
  }, 60_000);

  it.each([
    [
      ['token', 'create', '--role', 'probe', '--name', 'x'],
      'invalid --region: is required for a probe token',
    ],
    [
      ['token', 'create', '--role', 'desktop', '--name', 'x', '--region', 'eu'],
      'invalid --region: only applies to probe tokens',
    ],
    [
      ['token', 'create', '--role', 'admin', '--name', 'x'],
      "option '--role <role>' argument 'admin' is invalid",
    ],
    [
      ['token', 'create', '--role', 'probe', '--region', 'EU West', '--name', 'x'],
      'invalid --region: must be 1-40 lowercase',
    ],
    [['token', 'create', '--role', 'desktop'], 'invalid --name: is required'],
    [['token', 'revoke'], "missing required argument 'id-or-name'"],
    [['token', 'frobnicate'], "unknown command 'frobnicate'"],
    [
      ['token', 'list', '--data-dir', '/nonexistent/relay'],
      'no relay database at /nonexistent/relay/relay.db',
    ],
  ])('refuses bad token input with one line and exit 2 (%#)', async (args, message) => {
    const result = await run([
      ...args,
      ...(args.includes('--data-dir') ? [] : ['--data-dir', join(dir, 'bad')]),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`vantage-relay: ${message}`);
    expect(result.stdout).toBe('');
  });
});
