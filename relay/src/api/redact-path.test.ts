import { describe, expect, it } from 'vitest';
import { redactPath } from './http-app.js';

describe('redactPath', () => {
  it.each([
    ['/hb/AbC_123-xyz', '/hb/[token]'],
    ['/hb/AbC_123-xyz/start', '/hb/[token]/start'],
    ['/hb/AbC_123-xyz/3', '/hb/[token]/3'],
    ['/ack/v1.abc.def/sig', '/ack/[token]'],
    ['/s/acme/confirm/tok123', '/s/acme/confirm/[token]'],
    ['/s/acme/unsubscribe/tok123', '/s/acme/unsubscribe/[token]'],
    ['/unsubscribe/tok123', '/unsubscribe/[token]'],
  ])('hides the secret of %s', (path, logged) => {
    expect(redactPath(path)).toBe(logged);
  });

  it.each(['/api/v1/monitors/api', '/s/acme', '/s/acme.json', '/healthz', '/s/acme/badges/k1/status.svg'])(
    'keeps %s as it is',
    (path) => {
      expect(redactPath(path)).toBe(path);
    },
  );
});
