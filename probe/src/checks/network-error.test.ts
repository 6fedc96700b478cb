import { describe, expect, it } from 'vitest';
import { describeNetworkError } from './network-error.js';
import { describeVerifyFailure } from './peer-certificate.js';

const coded = (code: string, message = `${code} happened`) => Object.assign(new Error(message), { code });
const DAY = 86_400_000;

describe('describeNetworkError', () => {
  it.each([
    [coded('ECONNREFUSED'), 'connection refused'],
    [coded('ECONNRESET'), 'connection reset by peer'],
    [coded('ECONNRESET', 'socket hang up'), 'connection closed before a response'],
    [coded('ENOTFOUND'), 'DNS NXDOMAIN for example.invalid'],
    [coded('EHOSTUNREACH'), 'host unreachable'],
    [coded('HPE_INVALID_CONSTANT'), 'invalid HTTP response'],
    [coded('HPE_UNEXPECTED_CONTENT_LENGTH'), 'invalid HTTP response'],
    [coded('ERR_SSL_WRONG_VERSION_NUMBER'), 'TLS handshake failed (wrong version number)'],
    [new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), 'connection refused'],
    [coded('EWHATEVER', 'odd failure'), 'odd failure (EWHATEVER)'],
  ])('words %s as "%s"', (error, sentence) => {
    expect(describeNetworkError(error, 'example.invalid')).toBe(sentence);
  });
});

describe('describeVerifyFailure', () => {
  const now = Date.UTC(2030, 0, 10);
  const cert = (validFrom: number, expiresAt: number) => ({
    validFrom,
    expiresAt,
    issuer: 'CA',
    altNames: 'DNS:a.test',
  });

  it.each([
    ['CERT_HAS_EXPIRED', cert(now - 90 * DAY, now - 3 * DAY - 1000), 'certificate expired 3 days ago'],
    // An expired self-signed certificate: the date is the more telling problem.
    ['DEPTH_ZERO_SELF_SIGNED_CERT', cert(now - 90 * DAY, now - 2 * DAY), 'certificate expired 2 days ago'],
    [
      'CERT_NOT_YET_VALID',
      cert(now + 5 * DAY, now + 90 * DAY),
      'certificate is not valid for another 5 days',
    ],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', cert(now - DAY, now + DAY), 'TLS: self-signed certificate'],
    [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      cert(now - DAY, now + DAY),
      'TLS: certificate issuer is not trusted or the chain is incomplete',
    ],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      cert(now - DAY, now + DAY),
      'TLS: certificate does not match b.test (it covers DNS:a.test)',
    ],
    ['SOMETHING_NEW', cert(now - DAY, now + DAY), 'TLS: certificate verification failed (SOMETHING_NEW)'],
  ])('words %s as the user should read it', (code, facts, sentence) => {
    expect(describeVerifyFailure(code, facts, 'b.test', now)).toBe(sentence);
  });
});
