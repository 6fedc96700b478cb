import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RelayHandle, startRelay } from '@vantage/relay';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatSnippets } from './heartbeat-snippets.js';

// The snippets the panel offers, run for real with /bin/sh and curl against a relay on 127.0.0.1.

let relay: RelayHandle;
let dir: string;
let token: string;
const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${relay.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read field by field, as a client would
  return (await response.json()) as any;
};
const sh = (args: string[]) =>
  new Promise<number>((resolve) => execFile('sh', args, (error) => resolve(error ? Number(error.code) : 0)));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-wrapper-'));
  relay = await startRelay(
    { dataDir: join(dir, 'relay'), host: '127.0.0.1', port: 0 },
    { logger: pino({ level: 'silent' }) },
  );
  token = readFileSync(join(dir, 'relay', 'desktop-token'), 'utf8').trim();
});
afterAll(async () => {
  await relay.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('heartbeat snippets against a real relay', () => {
  it('the wrapper reports start, the exit code and the output, and keeps the exit code', async () => {
    await api('POST', '/monitors', { id: 'job', name: 'Job', type: 'heartbeat', period: 3600 });
    const { url } = await api('GET', '/heartbeats/job');
    const script = join(dir, 'vantage-run.sh');
    writeFileSync(script, heartbeatSnippets(url, { period: 3600, timezone: 'UTC' }).wrapper);

    expect(await sh([script, 'sh', '-c', 'echo copying; echo disk full >&2; exit 3'])).toBe(3);
    const failed = await api('GET', '/heartbeats/job');
    expect(failed).toMatchObject({ state: 'down', message: 'job failed with exit code 3' });
    expect(failed.runs[0]).toMatchObject({ kind: 'fail', exitCode: 3, log: 'copying\ndisk full' });
    expect(failed.runs[0].durationMs).not.toBeNull();

    expect(await sh([script, 'true'])).toBe(0);
    expect(await api('GET', '/heartbeats/job')).toMatchObject({
      state: 'up',
      lastRun: { kind: 'success', exitCode: 0 },
    });
  });

  it('the curl one-liner records a success', async () => {
    await api('POST', '/monitors', { id: 'curl-job', name: 'Curl job', type: 'heartbeat', period: 60 });
    const { url } = await api('GET', '/heartbeats/curl-job');
    expect(await sh(['-c', heartbeatSnippets(url, { period: 60, timezone: 'UTC' }).curl])).toBe(0);
    expect((await api('GET', '/heartbeats/curl-job')).state).toBe('up');
  });
});
