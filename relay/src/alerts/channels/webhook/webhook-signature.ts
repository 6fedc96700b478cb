import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const SIGNATURE_HEADER = 'X-Vantage-Signature';
/** The header carrying the send time in Unix seconds (also the body's `timestamp`). */
export const TIMESTAMP_HEADER = 'X-Vantage-Timestamp';

/** The signature header's value for a raw body. */
export function signWebhookBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** Checks a received signature in constant time; what a receiver does, as README.md shows. */
export function verifyWebhookSignature(rawBody: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(signWebhookBody(rawBody, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
