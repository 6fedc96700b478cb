import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CONFIG_FILE_SETTING, RELAY_SETTINGS } from '../config/relay-settings.js';
import { spawnRelay } from './relay-process.js';

const dir = mkdtempSync(join(tmpdir(), 'vantage-relay-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const listening = (line: Record<string, unknown>) => line.msg === 'relay listening';

describe('vantage-relay command line', () => {
  it('documents every flag and its environment variable in --help', async () => {
    const relay = spawnRelay(['--help']);
    expect(await relay.exited).toBe(0);
    for (const setting of [...Object.values(RELAY_SETTINGS), CONFIG_FILE_SETTING]) {
      expect(relay.stdout()).toContain(setting.flag.split(' ')[0]);
      expect(relay.stdout()).toContain(setting.env);
    }
    expect(relay.stdout()).toContain('token');
    expect(relay.stdout()).toContain('$XDG_DATA_HOME/vantage-relay');
  });

  it.each([
    [['--port', '99999'], {}, 'invalid --port: Too big: expected number to be <=65535'],
    [['--retention-days', 'week'], {}, 'invalid --retention-days: must be a number'],
    [['--bogus'], {}, "unknown option '--bogus'"],
    [['serve'], {}, "unknown command 'serve' (try --help)"],
    [[], { VANTAGE_LOG_LEVEL: 'loud' }, 'invalid VANTAGE_LOG_LEVEL:'],
    [
      ['--config', '/nonexistent/relay.yaml'],
      {},
      'cannot read config file /nonexistent/relay.yaml: no such file',
    ],
  ] as [string[], Record<string, string>, string][])(
    'exits 2 with one line naming a bad flag, variable or file (%#)',
    async (args, env, message) => {
      const relay = spawnRelay([...args, '--data-dir', join(dir, 'never')], env);
      expect(await relay.exited).toBe(2);
      expect(relay.stderr().trim().split('\n')).toHaveLength(1);
      expect(relay.stderr()).toContain(`vantage-relay: ${message}`);
      expect(relay.stdout()).toBe('');
    },
  );

  it('names a bad key of the config file', async () => {
    const file = join(dir, 'relay.yaml');
    writeFileSync(file, 'port: 7400\nretention: 3\n');
    const relay = spawnRelay(['--config', file]);
    expect(await relay.exited).toBe(2);
    expect(relay.stderr()).toBe(`vantage-relay: unknown setting "retention" in ${file}\n`);
  });

  it('on first start writes a desktop token to an owner-only file, never logs it, and exits 0 on SIGTERM', async () => {
    const data = join(dir, 'first');
    const relay = spawnRelay(['--port', '0', '--data-dir', data]);
    const started = await relay.waitForLog(listening, 'the listening line');
    const tokenFile = join(data, 'desktop-token');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(statSync(data).mode & 0o777).toBe(0o700);
    const token = readFileSync(tokenFile, 'utf8').trim();
    expect(token).toMatch(/^vnt_/);
    const created = relay
      .logs()
      .find((line) => String(line.msg).startsWith('created the first desktop token'));
    expect(created).toMatchObject({ path: tokenFile });

    // The token in the file works against the API of the relay that wrote it.
    const response = await fetch(`${started.url}/api/v1/monitors`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);

    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(0);
    expect(relay.logs().some((line) => line.msg === 'relay stopped')).toBe(true);
    // `vnt_<16 hex id>_<secret>`: the secret itself may contain `_` (base64url).
    const secret = token.slice('vnt_'.length + 16 + 1);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(relay.stdout() + relay.stderr()).not.toContain(secret);

    // A second start keeps the token: the file is written once, for a data dir with no desktop token.
    const again = spawnRelay(['--port', '0'], { VANTAGE_DATA_DIR: data });
    await again.waitForLog(listening, 'the listening line');
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(token);
    expect(again.logs().some((line) => String(line.msg).startsWith('created the first desktop token'))).toBe(
      false,
    );
  }, 60_000);

  it('on SIGTERM closes connected clients with "going away" and exits 0', async () => {
    const data = join(dir, 'busy');
    const relay = spawnRelay(['--port', '0', '--data-dir', data]);
    const started = await relay.waitForLog(listening, 'the listening line');
    const token = readFileSync(join(data, 'desktop-token'), 'utf8').trim();
    const socket = new WebSocket(`${String(started.url).replace('http', 'ws')}/ws`);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const hello = new Promise<Record<string, unknown>>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(
      JSON.stringify({
        type: 'hello',
        protocol: 1,
        role: 'desktop',
        token,
        desktop: { id: 'laptop', name: 'Laptop', version: '0.1.0' },
      }),
    );
    expect(await hello).toMatchObject({ type: 'hello.ok' });

    relay.child.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await relay.exited).toBe(0);
  }, 60_000);

  it('exits 1 with one line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const relay = spawnRelay(['--port', String(port), '--data-dir', join(dir, 'taken')]);
      expect(await relay.exited).toBe(1);
      expect(relay.stderr()).toBe(
        `vantage-relay: cannot listen on 127.0.0.1:${port}: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`,
      );
    } finally {
      blocker.close();
    }
  }, 30_000);
});
