import { describe, expect, it } from 'vitest';
import type { DataDirContext } from './default-data-dir.js';
import { DEFAULT_PORT, parseDesktopFlags, type RawDesktopFlags } from './desktop-flags.js';

const linux: DataDirContext = { platform: 'linux', env: {}, home: '/home/ada' };

describe('desktop flags', () => {
  it('fills defaults: per-user data folder, port 7300, embedded relay, warn logs', () => {
    expect(parseDesktopFlags({}, linux)).toEqual({
      ok: true,
      value: {
        headless: false,
        dataDir: '/home/ada/.local/share/vantage-desktop',
        port: DEFAULT_PORT,
        logLevel: 'warn',
      },
    });
  });

  it('takes a remote relay with its token, a port given as text, and makes the data dir absolute', () => {
    const parsed = parseDesktopFlags(
      { relay: 'wss://relay.example.com/ws', token: 'vnt_abc', port: '0', dataDir: 'here', headless: true },
      linux,
    );
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        relay: { url: 'wss://relay.example.com/ws', token: 'vnt_abc' },
        port: 0,
        headless: true,
        dataDir: `${process.cwd()}/here`,
      },
    });
  });

  it.each<[RawDesktopFlags, string]>([
    [{ port: '99999' }, 'invalid --port: must be at most 65535'],
    [{ port: '80a' }, 'invalid --port: must be a whole number from 0 to 65535'],
    [{ port: '' }, 'invalid --port: must be a whole number from 0 to 65535'],
    [{ relay: 'wss://relay.example.com/ws' }, 'invalid --token: is needed with --relay'],
    [{ token: 'vnt_abc' }, 'invalid --relay: is needed with --token'],
    [
      { relay: 'ftp://relay', token: 't' },
      'invalid --relay: must be a ws://, wss://, http:// or https:// URL',
    ],
    [
      { logLevel: 'loud' },
      'invalid --log-level: must be one of trace, debug, info, warn, error, fatal, silent',
    ],
    [{ dataDir: '' }, 'invalid --data-dir: must not be empty'],
  ])('refuses %j with one line naming the flag', (raw, message) => {
    const parsed = parseDesktopFlags(raw, linux);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
  });
});
