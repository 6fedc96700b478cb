import fc from 'fast-check';
import { expect, test } from 'vitest';
import { REDACTED_SECRET } from './channel-secrets.js';
import { scrubSecrets } from './scrub-secrets.js';

const URL_SECRET = 'https://hooks.slack.com/services/T000/B000/XXXXsecret';

test.each([
  ['as written', `POST ${URL_SECRET} failed`, `POST ${REDACTED_SECRET} failed`],
  ['as its path only', 'no_service at /services/T000/B000/XXXXsecret', `no_service at ${REDACTED_SECRET}`],
  ['URL-encoded', `url=${encodeURIComponent(URL_SECRET)}`, `url=${REDACTED_SECRET}`],
  ['base64-encoded', `token ${btoa('tk_abcdef')}`, `token ${REDACTED_SECRET}`],
  ['repeated', 'tk_abcdef and tk_abcdef', `${REDACTED_SECRET} and ${REDACTED_SECRET}`],
])('removes a secret %s', (_, text, expected) => {
  expect(scrubSecrets(text, [URL_SECRET, 'tk_abcdef'])).toBe(expected);
});

test('keeps text without secrets and ignores values too short to be secrets', () => {
  expect(scrubSecrets('HTTP 500: internal error', ['abc', ''])).toBe('HTTP 500: internal error');
});

test('no secret survives scrubbing, wherever and however often it appears', () => {
  const secretArb = fc.string({
    unit: fc.constantFrom(...'abcdefXYZ0123_-:/.'),
    minLength: 4,
    maxLength: 40,
  });
  fc.assert(
    fc.property(
      fc.array(secretArb, { minLength: 1, maxLength: 3 }),
      fc.array(fc.string(), { maxLength: 6 }),
      (secrets, filler) => {
        const text = filler.flatMap((f, i) => [f, secrets[i % secrets.length]!]).join('') + secrets.join(' ');
        const scrubbed = scrubSecrets(text, secrets);
        for (const secret of secrets) expect(scrubbed).not.toContain(secret);
      },
    ),
  );
});
