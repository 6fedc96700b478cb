import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ConfigSources, loadProbeConfig } from './load-config.js';
import { PROBE_DEFAULTS } from './probe-config.js';

const dir = mkdtempSync(join(tmpdir(), 'vantage-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const base = { relay: 'ws://127.0.0.1:7800', token: 't0ken', region: 'eu-west' };

describe('loadProbeConfig', () => {
  it('fills defaults and freezes the result', () => {
    const loaded = loadProbeConfig({ flags: base, env: {} });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value).toMatchObject({
      perHost: 4,
      concurrency: PROBE_DEFAULTS.concurrency,
      canaries: [],
      logLevel: 'info',
    });
    expect(Object.isFrozen(loaded.value)).toBe(true);
    expect(Object.isFrozen(loaded.value.canaries)).toBe(true);
  });

  it('takes a flag over a variable over the file over the default', () => {
    const config = file(
      'precedence.yaml',
      'relay: ws://file:1\ntoken: file-token\nregion: eu-west\nperHost: 7\nconcurrency: 9\nname: from-file\n',
    );
    const sources: ConfigSources = {
      flags: { perHost: '2' },
      env: { VANTAGE_PER_HOST: '5', VANTAGE_CONCURRENCY: '11' },
      configFile: config,
    };
    const loaded = loadProbeConfig(sources);
    expect(loaded.ok && loaded.value).toMatchObject({
      perHost: 2,
      concurrency: 11,
      name: 'from-file',
      relay: 'ws://file:1/ws',
    });
  });

  it('adds the relay default path /ws to a bare relay URL and keeps an explicit path', () => {
    const bare = loadProbeConfig({ flags: { ...base, relay: 'ws://relay.example:7400' }, env: {} });
    expect(bare.ok && bare.value.relay).toBe('ws://relay.example:7400/ws');
    const explicit = loadProbeConfig({ flags: { ...base, relay: 'wss://example.com/vantage/ws' }, env: {} });
    expect(explicit.ok && explicit.value.relay).toBe('wss://example.com/vantage/ws');
  });

  it('reads the config file named by VANTAGE_CONFIG, JSON or YAML', () => {
    const json = file('probe.json', JSON.stringify({ ...base, canaries: ['1.1.1.1:53'] }));
    const loaded = loadProbeConfig({ flags: {}, env: { VANTAGE_CONFIG: json } });
    expect(loaded.ok && loaded.value.canaries).toEqual(['1.1.1.1:53']);
  });

  it('splits list variables on commas', () => {
    const loaded = loadProbeConfig({
      flags: base,
      env: { VANTAGE_CANARIES: '1.1.1.1:53, https://example.com' },
    });
    expect(loaded.ok && loaded.value.canaries).toEqual(['1.1.1.1:53', 'https://example.com']);
  });

  it.each([
    [
      { flags: { ...base, token: undefined }, env: {} },
      'missing token: pass --token, set VANTAGE_TOKEN or add "token" to the config file',
    ],
    [
      { flags: { ...base, relay: 'http://relay:80' }, env: {} },
      'invalid --relay: must be a ws:// or wss:// URL',
    ],
    [{ flags: base, env: { VANTAGE_PER_HOST: 'many' } }, 'invalid VANTAGE_PER_HOST:'],
    [{ flags: { ...base, region: 'EU West' }, env: {} }, 'invalid --region:'],
    [
      { flags: { ...base, sourceAddress: '300.1.1.1' }, env: {} },
      'invalid --source-address: must be an IP address',
    ],
    [{ flags: { ...base, canaries: ['ok:53', 'nope'] }, env: {} }, 'invalid --canary (item 1):'],
    [{ flags: { ...base, concurrency: '0' }, env: {} }, 'invalid --concurrency:'],
  ] as [ConfigSources, string][])(
    'rejects bad input with one line naming where it came from (%#)',
    (sources, message) => {
      const loaded = loadProbeConfig(sources);
      expect(loaded.ok).toBe(false);
      if (!loaded.ok) {
        expect(loaded.error).toContain(message);
        expect(loaded.error).not.toContain('\n');
      }
    },
  );

  it('names an unknown key in the config file', () => {
    const loaded = loadProbeConfig({
      flags: {},
      env: {},
      configFile: file('typo.yaml', 'relay: ws://x:1\ntoken: t\nregion: eu\nperhost: 3\n'),
    });
    expect(!loaded.ok && loaded.error).toMatch(/unknown setting "perhost" in .*typo\.yaml/);
  });

  it('names a config file that is missing or not YAML', () => {
    const missing = loadProbeConfig({ flags: base, env: {}, configFile: join(dir, 'absent.yaml') });
    expect(!missing.ok && missing.error).toMatch(/cannot read config file .*absent\.yaml: no such file/);
    const broken = loadProbeConfig({
      flags: base,
      env: {},
      configFile: file('broken.yaml', 'relay: [unclosed\n'),
    });
    expect(!broken.ok && broken.error).toMatch(/broken\.yaml is not valid YAML or JSON/);
  });

  it('never echoes the token in an error', () => {
    const loaded = loadProbeConfig({ flags: { ...base, token: 'x'.repeat(5000) }, env: {} });
    expect(!loaded.ok && loaded.error).toBe(
      'invalid --token: Too big: expected string to have <=4096 characters',
    );
  });
});
