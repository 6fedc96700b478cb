import { createHmac, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '@vantage/shared';
import { z } from 'zod';

/** How long an ack link works: long enough for a weekend, short enough that old emails go stale. */
export const ACK_LINK_TTL_MS = 7 * 86_400_000;

/** The shortest signing key accepted (bytes); the relay should generate 32 random bytes once and keep them. */
export const ACK_KEY_MIN_BYTES = 32;

/** What a valid ack token says. */
export interface AckClaim {
  incidentId: string;
  /** The channel whose message carried the link, so the timeline can say where the ack came from. */
  channelId?: string;
  expiresAt: number;
}

/** Why a token was refused; each maps to a page the ack route shows. */
export type AckTokenError = 'malformed' | 'bad-signature' | 'expired';

/** Options of {@link createAckLinks}. */
export interface AckLinkOptions {
  /** The relay's public base URL, e.g. `https://relay.example.com` (a path prefix is kept). */
  publicUrl: string;
  /** The HMAC key; never the same as a token or a channel secret. */
  key: Buffer;
  ttlMs?: number;
  now?: () => number;
}

/** Creates and checks signed ack links. */
export interface AckLinks {
  /** `<publicUrl>/ack/<token>` for an incident, valid for the TTL. */
  urlFor(incidentId: string, channelId?: string): string;
  /** Checks a token's signature and expiry and returns what it claims. */
  verify(token: string): Result<AckClaim, AckTokenError>;
}

const Payload = z.object({
  v: z.literal(1),
  i: z.string().min(1).max(200),
  c: z.string().max(64).optional(),
  e: z.number().int(),
});

// The token names what it is for, so a signature made with the same key elsewhere never passes here.
const CONTEXT = 'vantage-ack.v1.';

/**
 * Signed, expiring acknowledge links for alert messages: the token is
 * `base64url(JSON {v, i: incident, c: channel, e: expiry s}).base64url(HMAC-SHA256(key, context + payload))`.
 * Anyone holding the link may acknowledge that one incident until it expires, which is the point:
 * it works from a phone without logging in. The ack route must answer GET with a confirmation page
 * and acknowledge only on POST, because mail scanners and chat unfurlers fetch every link.
 */
export function createAckLinks(options: AckLinkOptions): AckLinks {
  if (options.key.length < ACK_KEY_MIN_BYTES)
    throw new Error(`ack link key must have at least ${ACK_KEY_MIN_BYTES} bytes`);
  const base = options.publicUrl.replace(/\/+$/, '');
  const ttlMs = options.ttlMs ?? ACK_LINK_TTL_MS;
  const now = options.now ?? Date.now;
  const sign = (payload: string) =>
    createHmac('sha256', options.key)
      .update(CONTEXT + payload)
      .digest();

  return {
    urlFor(incidentId, channelId) {
      const claim = {
        v: 1,
        i: incidentId,
        ...(channelId === undefined ? {} : { c: channelId }),
        e: Math.ceil((now() + ttlMs) / 1000),
      };
      const payload = Buffer.from(JSON.stringify(claim)).toString('base64url');
      return `${base}/ack/${payload}.${sign(payload).toString('base64url')}`;
    },
    verify(token) {
      const [payload, signature, extra] = token.split('.');
      if (payload === undefined || signature === undefined || extra !== undefined || payload === '')
        return err('malformed');
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return err('bad-signature');
      const claim = Payload.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
      if (!claim.success) return err('malformed');
      const expiresAt = claim.data.e * 1000;
      if (now() >= expiresAt) return err('expired');
      return ok({
        incidentId: claim.data.i,
        ...(claim.data.c === undefined ? {} : { channelId: claim.data.c }),
        expiresAt,
      });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
