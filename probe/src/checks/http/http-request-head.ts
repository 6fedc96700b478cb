import type { HttpRequestSpec } from './http-exchange.js';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// What Node's own client refuses in a field value: control characters other than tab, and DEL.
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
// Methods whose empty body is still announced, as Node's client does (`Content-Length: 0`).
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The bytes of a request: request line, the spec's fields in their order, and the body. A body
 * gets a `Content-Length` unless the spec set its own framing; a spec that asks for chunked
 * transfer coding gets its body sent as one chunk. An error sentence when a method, field name
 * or value could not travel in HTTP/1.1 (so nothing is sent).
 */
export function requestBytes(spec: HttpRequestSpec): Buffer | string {
  if (!TOKEN.test(spec.method)) return `invalid request: method "${spec.method.slice(0, 40)}"`;
  const path = `${spec.url.pathname}${spec.url.search}`;
  let head = `${spec.method} ${path} HTTP/1.1\r\n`;
  let framed = false;
  let chunked = false;
  for (const [name, value] of Object.entries(spec.headers)) {
    if (!TOKEN.test(name)) return `invalid request: header name "${name.slice(0, 40)}"`;
    if (BAD_VALUE.test(value)) return `invalid request: header "${name}" has a character HTTP forbids`;
    const lower = name.toLowerCase();
    if (lower === 'content-length') framed = true;
    if (lower === 'transfer-encoding') {
      framed = true;
      chunked = /chunked/i.test(value);
    }
    head += `${name}: ${value}\r\n`;
  }
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body, 'utf8');
  if (!framed && (body !== undefined || BODY_METHODS.has(spec.method))) {
    head += `content-length: ${body?.length ?? 0}\r\n`;
  }
  head += '\r\n';
  if (body === undefined || body.length === 0) {
    return Buffer.from(chunked ? `${head}0\r\n\r\n` : head, 'latin1');
  }
  if (!chunked) return Buffer.concat([Buffer.from(head, 'latin1'), body]);
  const size = Buffer.from(`${body.length.toString(16)}\r\n`, 'latin1');
  return Buffer.concat([Buffer.from(head, 'latin1'), size, body, Buffer.from('\r\n0\r\n\r\n', 'latin1')]);
}
