import { describe, expect, it } from 'vitest';
import { configForLog } from './config-for-log.js';
import { ProbeConfigSchema } from './probe-config.js';

describe('configForLog', () => {
  it('leaves out the token and the credentials in relay and canary URLs, and keeps the rest', () => {
    const config = ProbeConfigSchema.parse({
      relay: 'wss://ops:relay-pass@relay.example.com:7800',
      token: 'vpt_secret',
      region: 'eu-west',
      canaries: ['https://bot:canary-pass@status.example.com/ping', 'dns.example.com:53'],
    });
    const shown = configForLog(config);
    const text = JSON.stringify(shown);
    for (const secret of ['vpt_secret', 'relay-pass', 'canary-pass', 'ops:', 'bot:'])
      expect(text).not.toContain(secret);
    expect(shown).toMatchObject({
      relay: 'wss://relay.example.com:7800/ws',
      region: 'eu-west',
      canaries: ['https://status.example.com/ping', 'dns.example.com:53'],
    });
    expect(shown.token).toBe('[redacted]');
  });
});
