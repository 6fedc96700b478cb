import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startRelay } from '../server.js';
import { TestClient } from '../testing/ws-test-client.js';
import { LOCAL_DESKTOP_TOKEN_FILE } from './local-desktop-token.js';

const dir = mkdtempSync(join(tmpdir(), 'vantage-local-desktop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withRelay<T>(
  dataDir: string,
  use: (relay: Awaited<ReturnType<typeof startRelay>>) => Promise<T>,
) {
  const relay = await startRelay(
    { host: '127.0.0.1', port: 0, dataDir },
    { logger: pino({ level: 'silent' }) },
  );
  try {
    return await use(relay);
  } finally {
    await relay.stop();
  }
}

async function helloOk(url: string, token: string): Promise<Record<string, unknown>> {
  const client = await TestClient.desktop(url, token);
  const hello = client.frames.find((f) => f.type === 'hello.ok')!;
  await client.close();
  return hello;
}

describe('the embedding desktop', () => {
  it('gets a desktop token that is kept owner-only in the data dir and reused across restarts', async () => {
    const dataDir = join(dir, 'kept');
    const first = await withRelay(dataDir, async (relay) => {
      const token = relay.localDesktopToken();
      expect(relay.localDesktopToken()).toBe(token);
      await helloOk(relay.wsUrl, token);
      return token;
    });
    const path = join(dataDir, LOCAL_DESKTOP_TOKEN_FILE);
    expect(readFileSync(path, 'utf8').trim()).toBe(first);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await withRelay(dataDir, async (relay) => expect(relay.localDesktopToken()).toBe(first));
  });

  it('gets a new token when the kept one no longer verifies', async () => {
    const dataDir = join(dir, 'replaced');
    await withRelay(dataDir, async (relay) => {
      writeFileSync(join(dataDir, LOCAL_DESKTOP_TOKEN_FILE), 'not-a-token\n');
      const token = relay.localDesktopToken();
      expect(token).not.toBe('not-a-token');
      await helloOk(relay.wsUrl, token);
    });
  });
});

describe('hello.ok relayId', () => {
  it('stays the same for one database across restarts and differs for another database', async () => {
    const keptDir = join(dir, 'identity');
    const first = await withRelay(keptDir, async (relay) => helloOk(relay.wsUrl, relay.localDesktopToken()));
    const again = await withRelay(keptDir, async (relay) => helloOk(relay.wsUrl, relay.localDesktopToken()));
    const other = await withRelay(join(dir, 'other'), async (relay) =>
      helloOk(relay.wsUrl, relay.localDesktopToken()),
    );
    expect(first.relayId).toEqual(expect.stringMatching(/^relay-/));
    expect(again.relayId).toBe(first.relayId);
    expect(other.relayId).not.toBe(first.relayId);
  });
});
