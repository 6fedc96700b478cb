import http from 'node:http';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import zlib from 'node:zlib';
import type { PhaseTimings, Result } from '@vantage/shared';
import type { CheckContext } from '../check-kind.js';
import { describeNetworkError } from '../network-error.js';
import { type ConnectionFailure, type OpenedConnection, openConnection } from '../open-connection.js';
import type { CertificateFacts } from '../peer-certificate.js';

/** One request to send on a fresh connection. */
export interface HttpRequestSpec {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  verifyTls: boolean;
}

/** One response, read up to the body limit. */
export interface HttpExchange {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: string;
  /** DNS, connect, TLS, time to first byte and transfer of this request. */
  phases: PhaseTimings;
  startedAt: number;
  endedAt: number;
  certificate?: CertificateFacts;
}

function decoderFor(
  encoding: string | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

const textDecoders = new Map<string, TextDecoder>();
const utf8 = new TextDecoder('utf-8');

function decodeText(bytes: Buffer, contentType: string | undefined): string {
  const charset = /charset="?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return utf8.decode(bytes);
  let decoder = textDecoders.get(charset);
  if (!decoder) {
    try {
      decoder = new TextDecoder(charset);
    } catch {
      // Unknown labels are not cached, so a server inventing charsets cannot grow the map.
      return utf8.decode(bytes);
    }
    textDecoders.set(charset, decoder);
  }
  return decoder.decode(bytes);
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function noop(): void {}

/**
 * One request on an opened connection, read up to the body limit. Handlers are methods and
 * inline arrows rather than named per-call closures, which cost ~1 µs each under tsx.
 */
class HttpExchangeRun {
  private settled = false;
  private unsubscribe: () => void = noop;
  private responseAt: number;
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private decoder: Readable | undefined;

  constructor(
    spec: HttpRequestSpec,
    private readonly ctx: CheckContext,
    private readonly opened: OpenedConnection,
    host: string,
    private readonly resolve: (result: Result<HttpExchange, ConnectionFailure>) => void,
  ) {
    this.responseAt = opened.readyAt;
    this.unsubscribe = ctx.stop.onStop((reason) => this.fail(reason));
    if (this.settled) return;
    let request: http.ClientRequest;
    try {
      request = http.request({
        method: spec.method,
        path: `${spec.url.pathname}${spec.url.search}`,
        headers: spec.headers,
        setHost: false,
        createConnection: () => opened.socket,
      });
    } catch (error) {
      // Header values the schema allows but HTTP does not (control characters) land here.
      this.fail(`invalid request: ${(error as Error).message}`);
      return;
    }
    request.on('error', (error) => this.fail(describeNetworkError(error, host)));
    request.on('response', (response) => this.received(response));
    request.end(spec.body);
  }

  private received(response: http.IncomingMessage): void {
    this.responseAt = performance.now();
    this.opened.phases.ttfbMs = this.responseAt - this.opened.readyAt;
    const encoding = response.headers['content-encoding'];
    const decoder = decoderFor(encoding);
    this.decoder = decoder;
    const stream: Readable = decoder ? response.pipe(decoder) : response;
    stream.on('data', (chunk: Buffer) => this.keep(chunk, response));
    stream.on('end', () => this.done(response));
    response.on('error', () => this.fail('connection closed before the response body ended'));
    decoder?.on('error', () => this.fail(`could not decode the ${encoding} body`));
  }

  private keep(chunk: Buffer, response: http.IncomingMessage): void {
    if (this.settled) return;
    const room = this.ctx.bodyLimitBytes - this.kept;
    this.chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    this.kept += Math.min(chunk.length, room);
    // Past the limit the rest is not downloaded: the connection closes in done().
    if (this.kept >= this.ctx.bodyLimitBytes) this.done(response);
  }

  private done(response: http.IncomingMessage): void {
    if (this.settled) return;
    const endedAt = performance.now();
    const { phases, startedAt, certificate } = this.opened;
    phases.transferMs = endedAt - this.responseAt;
    this.finish({
      ok: true,
      value: {
        status: response.statusCode ?? 0,
        headers: flattenHeaders(response.headers),
        body: decodeText(Buffer.concat(this.chunks), response.headers['content-type']),
        phases,
        startedAt,
        endedAt,
        ...(certificate ? { certificate } : {}),
      },
    });
  }

  private fail(error: string): void {
    const { phases, startedAt } = this.opened;
    this.finish({ ok: false, error: { error, phases, elapsedMs: performance.now() - startedAt } });
  }

  private finish(result: Result<HttpExchange, ConnectionFailure>): void {
    if (this.settled) return;
    this.settled = true;
    this.unsubscribe();
    this.opened.socket.destroy();
    // Closing the socket stops the download, but the decompressor would still inflate all it was
    // fed (a small gzip chunk can hold megabytes) for a body nobody reads.
    this.decoder?.destroy();
    this.resolve(result);
  }
}

/**
 * Sends one request on a fresh connection and reads the response: headers in full, the body up
 * to `ctx.bodyLimitBytes` (decompressed when the server compressed it). Past the limit the
 * connection is closed instead of downloading the rest. Phases: TTFB runs from the connection
 * being ready to the response head, transfer from there to the last byte kept.
 */
export async function exchangeHttp(
  spec: HttpRequestSpec,
  ctx: CheckContext,
): Promise<Result<HttpExchange, ConnectionFailure>> {
  const isHttps = spec.url.protocol === 'https:';
  const host = spec.url.hostname.replace(/^\[(.*)\]$/, '$1');
  const opened = await openConnection(
    {
      host,
      port: Number(spec.url.port) || (isHttps ? 443 : 80),
      ...(isHttps ? { tls: { servername: host, verify: spec.verifyTls } } : {}),
    },
    ctx,
  );
  if (!opened.ok) return opened;
  return new Promise((resolve) => new HttpExchangeRun(spec, ctx, opened.value, host, resolve));
}
