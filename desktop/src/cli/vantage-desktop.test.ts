import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnDesktop } from './testing/desktop-process.js';

const dir = mkdtempSync(join(tmpdir(), 'vantage-desktop-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vantage-desktop command line', () => {
  it('documents every flag and the exit codes in --help', async () => {
    const cli = spawnDesktop(['--help']);
    expect(await cli.exited).toBe(0);
    for (const flag of ['--headless', '--data-dir', '--port', '--relay', '--token', '--log-level']) {
      expect(cli.stdout()).toContain(flag);
    }
    expect(cli.stdout()).toContain('Exit codes:');
  });

  it.each([
    [['--port', '99999'], 'invalid --port: must be at most 65535'],
    [['--relay', 'wss://relay.example.com/ws'], 'invalid --token: is needed with --relay'],
    [['--log-level', 'loud'], 'invalid --log-level: must be one of'],
    [['--bogus'], "unknown option '--bogus'"],
  ])('exits 2 with one line naming a bad flag (%j)', async (args, message) => {
    const cli = spawnDesktop([...args, '--data-dir', join(dir, 'never')]);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr().trim().split('\n')).toHaveLength(1);
    expect(cli.stderr()).toContain(`vantage-desktop: ${message}`);
    expect(cli.stdout()).toBe('');
  });

  it('prints an address with its token that signs a browser in, serves the API, and exits 0 on SIGTERM', async () => {
    const data = join(dir, 'run');
    const cli = spawnDesktop(['--headless', '--data-dir', data, '--port', '0']);
    const [loginUrl, base] = await cli.waitForOutput(
      /(http:\/\/127\.0\.0\.1:\d+)\/\?token=[A-Za-z0-9_-]{43}/,
      'the address',
    );
    expect(cli.stdout()).toContain(`${base}/api/docs`);
    expect(cli.stdout()).toContain(data);

    expect((await fetch(`${base}/api/v1/monitors`)).status).toBe(401);
    const login = await fetch(loginUrl!, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const monitors = await fetch(`${base}/api/v1/monitors`, { headers: { cookie } });
    expect(monitors.status).toBe(200);
    expect(await monitors.json()).toEqual([]);
    const info = (await (await fetch(`${base}/api/v1/app`, { headers: { cookie } })).json()) as Record<
      string,
      unknown
    >;
    expect(info).toMatchObject({ shell: 'web', dataDir: data });

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    await expect(fetch(`${base}/api/v1/monitors`)).rejects.toThrow();
  }, 60_000);

  it('exits 1 with one line saying what to do when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const cli = spawnDesktop(['--port', String(port), '--data-dir', join(dir, 'taken')]);
      expect(await cli.exited).toBe(1);
      expect(cli.stderr()).toBe(
        `vantage-desktop: port ${port} on 127.0.0.1 is in use; pass --port 0 for any free port, or another number\n`,
      );
    } finally {
      blocker.close();
    }
  }, 60_000);
});
