import { describe, expect, it } from 'vitest';
import { hostOf } from './page-locator.js';

describe('hostOf', () => {
  it.each([
    ['status.acme.test', 'status.acme.test'],
    ['STATUS.Acme.test', 'status.acme.test'],
    ['status.acme.test:8080', 'status.acme.test'],
  ])('reads %s as %s', (host, expected) => {
    expect(hostOf({ headers: { host } })).toBe(expected);
  });

  it.each([
    'status.acme.test:8080/evil',
    'status.acme.test:abc',
    'status.acme.test@evil.test',
    'evil.test/status.acme.test',
    'status.acme.test ',
    'status.acme.test:',
    '[::1]:80',
    '',
  ])('names no host for %j', (host) => {
    expect(hostOf({ headers: { host } })).toBe('');
  });
});
