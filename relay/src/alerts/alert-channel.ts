import type { AlertMessage, ChannelConfigOf, ChannelKind } from '@vantage/shared';

/**
 * How one delivery attempt ended. A failure says whether retrying can help, so the retry
 * policy lives in one place (the outbox), not in every channel: a rejected payload or a revoked
 * token is `permanent`; a timeout, a 5xx or a rate limit is not. `error` carries the provider's
 * own words with every channel secret scrubbed.
 */
export type DeliveryOutcome =
  | { ok: true; providerId?: string; detail: string }
  | { ok: false; permanent: boolean; error: string; retryAfterMs?: number };

/** A request as channels make it: a POST with its full body, never streamed. */
export interface ChannelRequest {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

/** What a channel may use besides its settings: HTTP with the timeout applied, and the clock. */
export interface ChannelContext {
  /** Node's fetch with `timeoutMs` applied and redirects returned, not followed. */
  http(url: string, request: ChannelRequest): Promise<Response>;
  /** Epoch milliseconds. */
  now(): number;
  /** How long one request (or one SMTP conversation step) may take. */
  timeoutMs: number;
}

/** One kind of alert channel: turns a message into the provider's request and reports the outcome. */
export interface AlertChannel<K extends ChannelKind = ChannelKind> {
  readonly kind: K;
  // Method syntax on purpose: a channel for one kind must fit the registry's `AlertChannel`.
  send(message: AlertMessage, config: ChannelConfigOf<K>, ctx: ChannelContext): Promise<DeliveryOutcome>;
}

/** A failed outcome. */
export function deliveryFailed(error: string, permanent: boolean, retryAfterMs?: number): DeliveryOutcome {
  return retryAfterMs === undefined
    ? { ok: false, permanent, error }
    : { ok: false, permanent, error, retryAfterMs };
}
