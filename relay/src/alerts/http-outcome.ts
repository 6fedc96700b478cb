import { truncateText } from '@vantage/shared';
import { type DeliveryOutcome, deliveryFailed } from './alert-channel.js';

/** How a channel's HTTP answer is read: who answered, where its message id is, what to advise. */
export interface HttpOutcomeOptions {
  /** The service's name in messages: `Slack`, `PagerDuty`. */
  provider: string;
  /** Reads the provider's id for the delivered message from a 2xx body. */
  providerId?: (body: string) => string | undefined;
  /** Advice added to an error with this status, naming the setting to check. */
  hints?: Partial<Record<number, string>>;
}

const MAX_ERROR_TEXT = 500;
// Nobody asks a client to wait longer than this; a silly Retry-After must not park a channel for days.
const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * Classifies an HTTP answer. 2xx delivered; 408, 425, 429 and 5xx are transient (429 and 503
 * carry Retry-After); every other 4xx and any redirect is permanent, because sending the same
 * request again gets the same answer until someone fixes the settings.
 */
export function httpOutcome(
  status: number,
  headers: Headers,
  body: string,
  now: number,
  options: HttpOutcomeOptions,
): DeliveryOutcome {
  if (status >= 200 && status < 300) {
    const providerId = options.providerId?.(body);
    const detail = `${options.provider} accepted the message (HTTP ${status})`;
    return providerId === undefined ? { ok: true, detail } : { ok: true, providerId, detail };
  }
  const hint = options.hints?.[status];
  const text = status >= 300 && status < 400 ? redirectText(headers) : providerErrorText(body);
  const error = `${options.provider}: HTTP ${status}${text === '' ? '' : `: ${text}`}${hint ? ` (${hint})` : ''}`;
  const transient = status === 408 || status === 425 || status === 429 || status >= 500 || status < 200;
  return deliveryFailed(error, !transient, transient ? retryAfterMs(headers, body, now) : undefined);
}

function redirectText(headers: Headers): string {
  const location = headers.get('location');
  return `redirected${location ? ` to ${truncateText(location, 200)}` : ''}; use the final URL`;
}

/**
 * The provider's own words from an error body: the `description` / `message` / `error` /
 * `errors` fields and `code` that Telegram, Discord, Slack, Twilio, PagerDuty and ntfy use, or
 * the body's text when it is not JSON.
 */
export function providerErrorText(body: string): string {
  const trimmed = body.trim();
  if (trimmed === '') return '';
  const json = parseJsonObject(trimmed);
  if (json !== undefined) {
    const parts: string[] = [];
    for (const key of ['description', 'message', 'error', 'error_description', 'detail']) {
      const value = json[key];
      if (typeof value === 'string') parts.push(value);
      else if (isObject(value) && typeof value.message === 'string') parts.push(value.message);
    }
    if (Array.isArray(json.errors))
      parts.push(...json.errors.filter((e): e is string => typeof e === 'string'));
    if (typeof json.code === 'number' || typeof json.code === 'string') parts.push(`(code ${json.code})`);
    if (parts.length > 0) return truncateText([...new Set(parts)].join(' '), MAX_ERROR_TEXT);
  }
  return truncateText(
    trimmed
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    MAX_ERROR_TEXT,
  );
}

/** How long the provider asked us to wait: `Retry-After` (seconds or a date), else Discord's or Telegram's body field. */
export function retryAfterMs(headers: Headers, body: string, now: number): number | undefined {
  const header = headers.get('retry-after')?.trim();
  let ms: number | undefined;
  if (header !== undefined && /^\d+(\.\d+)?$/.test(header)) ms = Number(header) * 1000;
  else if (header !== undefined && !Number.isNaN(Date.parse(header))) ms = Date.parse(header) - now;
  else {
    const json = parseJsonObject(body.trim());
    const seconds =
      json?.retry_after ?? (isObject(json?.parameters) ? json.parameters.retry_after : undefined);
    if (typeof seconds === 'number') ms = seconds * 1000;
  }
  return ms === undefined ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.ceil(ms)));
}

/** Reads one string field of a JSON body, for providers' message ids. */
export function jsonField(body: string, ...path: string[]): string | undefined {
  let value: unknown = parseJsonObject(body.trim());
  for (const key of path) value = isObject(value) ? value[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
