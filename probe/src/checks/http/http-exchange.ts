import { TextDecoder } from 'node:util';
import zlib from 'node:zlib';
import type { PhaseTimings, Result } from '@vantage/shared';
import type { CheckContext } from '../check-kind.js';
import { describeNetworkError } from '../network-error.js';
import { type ConnectionFailure, type OpenedConnection, openConnection } from '../open-connection.js';
import type { CertificateFacts } from '../peer-certificate.js';
import { requestBytes } from './http-request-head.js';
import { HttpResponseParser, type ResponseHead, type ResponseSink } from './http-response-parser.js';

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
  /** Lower-case names; repeated fields joined as Node's `IncomingMessage` joins them. */
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

function noop(): void {}

/**
 * One request on an opened connection, read up to the body limit. The request is written in one
 * piece and the response read by {@link HttpResponseParser} straight off the socket: Node's
 * `ClientRequest` and `IncomingMessage` streams cost about a third of a check's CPU, for
 * features (agents, pipelining, keep-alive) a fresh connection per check never uses. Handlers
 * are methods and inline arrows rather than named per-call closures, which cost ~1 µs each.
 */
class HttpExchangeRun implements ResponseSink {
  private settled = false;
  private unsubscribe: () => void = noop;
  private responseAt: number;
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private decoder: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined;
  /** Whether the decoder was given any bytes: an empty body is no compressed stream at all. */
  private fed = false;
  private response: ResponseHead | undefined;
  private readonly parser: HttpResponseParser;

  constructor(
    spec: HttpRequestSpec,
    private readonly ctx: CheckContext,
    private readonly opened: OpenedConnection,
    host: string,
    private readonly resolve: (result: Result<HttpExchange, ConnectionFailure>) => void,
  ) {
    this.responseAt = opened.readyAt;
    this.parser = new HttpResponseParser(this, spec.method === 'HEAD');
    this.unsubscribe = ctx.stop.onStop((reason) => this.fail(reason));
    if (this.settled) return;
    const bytes = requestBytes(spec);
    if (typeof bytes === 'string') {
      // Field values the schema allows but HTTP does not (control characters) land here.
      this.fail(bytes);
      return;
    }
    const { socket } = opened;
    socket.on('data', (data: Buffer) => {
      const error = this.parser.push(data);
      if (error !== undefined) this.fail(error);
    });
    socket.on('end', () => this.closed());
    socket.on('close', () => this.closed());
    // Once the whole response is in, a reset only cuts a connection we no longer need (the
    // decompressor may still be finishing the body): it is no failure of the check.
    socket.on('error', (error) => {
      if (!this.parser.done) this.fail(describeNetworkError(error, host));
    });
    socket.write(bytes);
  }

  head(head: ResponseHead): void {
    this.response = head;
    this.responseAt = performance.now();
    this.opened.phases.ttfbMs = this.responseAt - this.opened.readyAt;
    const encoding = head.headers['content-encoding'];
    const decoder = decoderFor(encoding);
    if (decoder === undefined) return;
    this.decoder = decoder;
    decoder.on('data', (chunk: Buffer) => this.keep(chunk));
    decoder.on('end', () => this.done());
    decoder.on('error', () => this.fail(`could not decode the ${encoding} body`));
    // Reading pauses while the decoder is behind (as `pipe` did): input that inflates to little or
    // nothing would otherwise pile up in its queue as fast as the network delivers it.
    decoder.on('drain', () => this.opened.socket.resume());
  }

  body(chunk: Buffer): void {
    if (this.settled) return;
    // Copied when kept: the parser hands out views of the socket's buffers.
    if (this.decoder === undefined) this.keep(Buffer.from(chunk));
    else if (chunk.length > 0) {
      this.fed = true;
      if (!this.decoder.write(chunk)) this.opened.socket.pause();
    }
  }

  end(): void {
    if (this.settled) return;
    // HEAD, 204, 304 and empty bodies keep their Content-Encoding but carry no stream to end.
    if (this.decoder !== undefined && this.fed) this.decoder.end();
    else this.done();
  }

  private closed(): void {
    if (this.settled) return;
    const error = this.parser.close();
    if (error !== undefined) this.fail(error);
  }

  private keep(chunk: Buffer): void {
    if (this.settled) return;
    const room = this.ctx.bodyLimitBytes - this.kept;
    this.chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    this.kept += Math.min(chunk.length, room);
    // Past the limit the rest is not downloaded: the connection closes in done().
    if (this.kept >= this.ctx.bodyLimitBytes) this.done();
  }

  private done(): void {
    if (this.settled || this.response === undefined) return;
    const endedAt = performance.now();
    const { phases, startedAt, certificate } = this.opened;
    phases.transferMs = endedAt - this.responseAt;
    const { status, headers } = this.response;
    this.finish({
      ok: true,
      value: {
        status,
        headers,
        body: decodeText(Buffer.concat(this.chunks), headers['content-type']),
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
