import {
  type ChannelContext,
  type ChannelRequest,
  type DeliveryOutcome,
  deliveryFailed,
} from './alert-channel.js';
import { httpOutcome, type HttpOutcomeOptions } from './http-outcome.js';

// Providers answer in bytes, not megabytes; a bigger body is not worth reading to find an error text.
const MAX_BODY_BYTES = 64 * 1024;

// Certificate problems do not fix themselves between retries; someone must change a setting.
const CERTIFICATE_ERRORS = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Sends one request and classifies what came back, including the request never getting an answer. */
export async function deliverHttp(
  ctx: ChannelContext,
  url: string,
  request: ChannelRequest,
  options: HttpOutcomeOptions,
): Promise<DeliveryOutcome> {
  let response: Response;
  try {
    response = await ctx.http(url, request);
  } catch (error) {
    return networkFailure(error, ctx.timeoutMs, options.provider);
  }
  let body = '';
  try {
    body = await readText(response, MAX_BODY_BYTES);
  } catch (error) {
    // The status already says whether it was delivered; a body cut off afterwards changes nothing.
    if (response.status < 200 || response.status >= 300)
      return networkFailure(error, ctx.timeoutMs, options.provider);
  }
  return httpOutcome(response.status, response.headers, body, ctx.now(), options);
}

/** A request that got no HTTP answer: timeouts and refused connections are transient, bad certificates and URLs are not. */
export function networkFailure(error: unknown, timeoutMs: number, provider: string): DeliveryOutcome {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return deliveryFailed(`${provider}: no answer within ${timeoutMs} ms`, false);
  const code = e?.cause?.code;
  const reason = e?.cause?.message ?? e?.message ?? String(error);
  if (code !== undefined && CERTIFICATE_ERRORS.has(code))
    return deliveryFailed(
      `${provider}: the server's TLS certificate is not trusted (${code}): ${reason}`,
      true,
    );
  if (code === 'ERR_INVALID_URL' || /invalid url|failed to parse url/i.test(reason))
    return deliveryFailed(`${provider}: the URL is not valid: ${reason}`, true);
  return deliveryFailed(`${provider}: could not connect: ${reason}`, false);
}

async function readText(response: Response, maxBytes: number): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= maxBytes) {
      await reader.cancel();
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, maxBytes));
}
