import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfigSources } from './layered-config.js';
import { loadRelayConfig, parseRelayConfig } from './load-relay-config.js';
import { limitsOf, RELAY_DEFAULTS } from './relay-config.js';

const dir = mkdtempSync(join(tmpdir(), 'vantage-relay-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const home = { HOME: '/home/ada' };

describe('loadRelayConfig', () => {
  it('starts with nothing given: loopback, port 7400, 7 days, data under ~/.local/share, frozen', () => {
    const loaded = loadRelayConfig({ flags: {}, env: home });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value).toMatchObject({
      host: '127.0.0.1',
      port: 7400,
      retentionDays: 7,
      logLevel: 'info',
      dataDir: '/home/ada/.local/share/vantage-relay',
    });
    expect(limitsOf(loaded.value).maxFrameBytes).toBe(RELAY_DEFAULTS.maxFrameBytes);
    expect(Object.isFrozen(loaded.value)).toBe(true);
  });

  it('puts the data dir under an absolute $XDG_DATA_HOME and ignores a relative one', () => {
    const xdg = loadRelayConfig({ flags: {}, env: { ...home, XDG_DATA_HOME: '/srv/data' } });
    expect(xdg.ok && xdg.value.dataDir).toBe('/srv/data/vantage-relay');
    const relative = loadRelayConfig({ flags: {}, env: { ...home, XDG_DATA_HOME: 'data' } });
    expect(relative.ok && relative.value.dataDir).toBe('/home/ada/.local/share/vantage-relay');
  });

  it('takes a flag over a variable over the file over the default', () => {
    const config = file(
      'precedence.yaml',
      'port: 7001\nretentionDays: 30\nhost: 0.0.0.0\nmaxViolations: 3\n',
    );
    const sources: ConfigSources = {
      flags: { port: '7003' },
      env: { ...home, VANTAGE_PORT: '7002', VANTAGE_RETENTION_DAYS: '14' },
      configFile: config,
    };
    const loaded = loadRelayConfig(sources);
    expect(loaded.ok && loaded.value).toMatchObject({
      port: 7003,
      retentionDays: 14,
      host: '0.0.0.0',
      maxViolations: 3,
    });
  });

  it('takes a public URL and drops its trailing slash', () => {
    const loaded = loadRelayConfig({
      flags: { publicUrl: 'https://status.example.com/vantage/' },
      env: home,
    });
    expect(loaded.ok && loaded.value.publicUrl).toBe('https://status.example.com/vantage');
  });

  it('reads the JSON config file named by VANTAGE_CONFIG', () => {
    const json = file('relay.json', JSON.stringify({ dataDir: join(dir, 'data'), logLevel: 'debug' }));
    const loaded = loadRelayConfig({ flags: {}, env: { ...home, VANTAGE_CONFIG: json } });
    expect(loaded.ok && loaded.value).toMatchObject({ dataDir: join(dir, 'data'), logLevel: 'debug' });
  });

  it.each([
    [{ flags: { port: '70000' } }, 'invalid --port: Too big: expected number to be <=65535'],
    [{ flags: { port: 'http' } }, 'invalid --port: must be a number'],
    [{ flags: {}, env: { VANTAGE_RETENTION_DAYS: '0' } }, 'invalid VANTAGE_RETENTION_DAYS: Too small'],
    [{ flags: { retentionDays: '1.5' } }, 'invalid --retention-days: must be a whole number'],
    [{ flags: { host: 'not a host!' } }, 'invalid --host: must be an IP address or a host name'],
    [{ flags: { logLevel: 'loud' } }, 'invalid --log-level:'],
    [{ flags: { maxFrameBytes: '10' } }, 'invalid --max-frame-bytes:'],
    [
      { flags: { publicUrl: 'ftp://relay.example.com' } },
      'invalid --public-url: must be an http:// or https:// URL',
    ],
    [
      { flags: {}, env: { VANTAGE_PUBLIC_URL: 'https://x.example/?a=1' } },
      'invalid VANTAGE_PUBLIC_URL: must not have',
    ],
  ] as [Partial<ConfigSources>, string][])(
    'rejects a bad value with one line naming where it came from (%#)',
    (given, message) => {
      const loaded = loadRelayConfig({ flags: {}, env: home, ...given });
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.error).toContain(message);
      expect(loaded.error).not.toContain('\n');
    },
  );

  it('names an unknown key in the config file and a file that is missing or not YAML', () => {
    const typo = loadRelayConfig({
      flags: {},
      env: home,
      configFile: file('typo.yaml', 'retention_days: 3\n'),
    });
    expect(!typo.ok && typo.error).toMatch(/unknown setting "retention_days" in .*typo\.yaml/);
    const missing = loadRelayConfig({ flags: {}, env: home, configFile: join(dir, 'absent.yaml') });
    expect(!missing.ok && missing.error).toMatch(/cannot read config file .*absent\.yaml: no such file/);
    const broken = loadRelayConfig({
      flags: {},
      env: home,
      configFile: file('broken.yaml', 'port: [7400\n'),
    });
    expect(!broken.ok && broken.error).toMatch(/broken\.yaml is not valid YAML or JSON/);
  });

  it('expands a leading ~/ in the data dir', () => {
    const loaded = loadRelayConfig({
      flags: {},
      env: home,
      configFile: file('tilde.yaml', 'dataDir: ~/relay-data\n'),
    });
    expect(loaded.ok && loaded.value.dataDir).toMatch(/\/relay-data$/);
    expect(loaded.ok && loaded.value.dataDir.startsWith('~')).toBe(false);
  });
});

describe('parseRelayConfig', () => {
  it('fills defaults for an embedding caller and names a bad field', () => {
    const parsed = parseRelayConfig({ port: 0, dataDir: join(dir, 'embedded') });
    expect(parsed.ok && parsed.value).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      dataDir: join(dir, 'embedded'),
    });
    const bad = parseRelayConfig({ port: -1 });
    expect(!bad.ok && bad.error).toMatch(/^invalid relay setting port:/);
  });
});

describe('trustProxy', () => {
  it('is off by default, and on from a bare flag, the variable or the file', () => {
    const none = loadRelayConfig({ flags: {}, env: home });
    expect(none.ok && none.value.trustProxy).toBe(false);
    const flag = loadRelayConfig({ flags: { trustProxy: true }, env: home });
    expect(flag.ok && flag.value.trustProxy).toBe(true);
    const env = loadRelayConfig({ flags: {}, env: { ...home, VANTAGE_TRUST_PROXY: 'true' } });
    expect(env.ok && env.value.trustProxy).toBe(true);
    const off = loadRelayConfig({ flags: { trustProxy: 'false' }, env: home });
    expect(off.ok && off.value.trustProxy).toBe(false);
    const bad = loadRelayConfig({ flags: {}, env: { ...home, VANTAGE_TRUST_PROXY: 'maybe' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('VANTAGE_TRUST_PROXY');
  });
});
