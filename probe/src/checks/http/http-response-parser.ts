/** A final response head: the status and the header fields, names in lower case. */
export interface ResponseHead {
  status: number;
  /** Repeated fields joined as Node's `IncomingMessage` joins them (see {@link addField}). */
  headers: Record<string, string>;
}

/** Where a parser delivers what it reads. */
export interface ResponseSink {
  head(head: ResponseHead): void;
  /** A piece of the body, transfer coding removed (a view into the bytes pushed: copy to keep). */
  body(chunk: Buffer): void;
  end(): void;
}

/** The largest response head (status line, fields and chunked trailers) the parser accepts. */
export const MAX_HEAD_BYTES = 64 * 1024;
// Node refuses chunk extensions past 16 KiB; a longer size line is refused however it arrives.
const MAX_CHUNK_LINE = 16 * 1024;

const EMPTY = Buffer.alloc(0);
const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Fields a response carries once; Node keeps the first of repeats, and so do we.
const SINGLE = new Set([
  'age',
  'authorization',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

type State =
  'head' | 'sized' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close' | 'done';

/**
 * Adds one field to `headers`: single fields keep the first value, `cookie` joins with `; `, the
 * rest with `, `. False when the value was dropped. Own properties only, so a field named
 * `constructor` or `toString` is not joined to what `Object.prototype` holds under that name.
 */
function addField(headers: Record<string, string>, name: string, value: string): boolean {
  if (!Object.hasOwn(headers, name)) headers[name] = value;
  else if (SINGLE.has(name)) return false;
  else headers[name] = `${headers[name]}${name === 'cookie' ? '; ' : ', '}${value}`;
  return true;
}

/**
 * An HTTP/1.1 response parser for one request on a fresh connection: status line and fields,
 * then a body framed by `Content-Length`, chunked transfer coding or the connection closing.
 * Interim 1xx responses are skipped; a HEAD request, 204 and 304 have no body. Lenient where
 * clients are (bare LF line ends, obsolete line folding), strict where a wrong guess would
 * misreport a check: a broken status line, field or chunk size, or disagreeing lengths, is an
 * error. Errors are returned as sentences (`invalid HTTP response: …`), never thrown.
 */
export class HttpResponseParser {
  #state: State = 'head';
  // An unfinished line, in a buffer that doubles as it fills: a line trickled byte by byte is
  // copied a bounded number of times, not once per byte (quadratic in its length).
  #pending = EMPTY;
  #pendingBytes = 0;
  #headBytes = 0;
  #remaining = 0;
  #fields: Record<string, string> = {};
  #status = 0;
  // The field a folded line continues: undefined before any, '' when that field was dropped.
  #lastField: string | undefined;
  #lines = 0;

  constructor(
    private readonly sink: ResponseSink,
    private readonly bodyless: boolean,
  ) {}

  /** True once the whole response was read. */
  get done(): boolean {
    return this.#state === 'done';
  }

  /** Feeds the next bytes from the socket; an error sentence when they are not a valid response. */
  push(data: Buffer): string | undefined {
    let bytes = data;
    if (this.#pendingBytes > 0) {
      if (data.indexOf(10) < 0) {
        this.#hold(data);
        return this.#checkPendingSize();
      }
      bytes = Buffer.concat([this.#pending.subarray(0, this.#pendingBytes), data]);
      this.#pending = EMPTY;
      this.#pendingBytes = 0;
    }
    let at = 0;
    while (at < bytes.length && this.#state !== 'done') {
      switch (this.#state) {
        case 'sized': {
          const take = Math.min(this.#remaining, bytes.length - at);
          this.sink.body(bytes.subarray(at, at + take));
          at += take;
          this.#remaining -= take;
          if (this.#remaining === 0) this.#finish();
          break;
        }
        case 'until-close':
          this.sink.body(bytes.subarray(at));
          at = bytes.length;
          break;
        case 'chunk-data': {
          const take = Math.min(this.#remaining, bytes.length - at);
          this.sink.body(bytes.subarray(at, at + take));
          at += take;
          this.#remaining -= take;
          if (this.#remaining === 0) this.#state = 'chunk-end';
          break;
        }
        default: {
          const eol = bytes.indexOf(10, at);
          if (eol < 0) {
            this.#hold(bytes.subarray(at));
            return this.#checkPendingSize();
          }
          if (this.#state === 'head' || this.#state === 'trailers') this.#headBytes += eol + 1 - at;
          else if (eol - at > MAX_CHUNK_LINE) return 'invalid HTTP response: chunk size line too long';
          if (this.#headBytes > MAX_HEAD_BYTES) return 'HTTP response headers too large';
          const line = bytes.toString('latin1', at, eol > at && bytes[eol - 1] === 13 ? eol - 1 : eol);
          at = eol + 1;
          const error = this.#line(line);
          if (error !== undefined) return `invalid HTTP response: ${error}`;
        }
      }
    }
    return undefined;
  }

  /** The peer closed the connection: ends a body read until close; an error if the response was cut short. */
  close(): string | undefined {
    if (this.#state === 'done') return undefined;
    if (this.#state === 'until-close') {
      this.#finish();
      return undefined;
    }
    // Node's client says the same of a head cut short ('socket hang up').
    if (this.#state === 'head') return 'connection closed before a response';
    return 'connection closed before the response body ended';
  }

  /** Appends to the unfinished line (a copy: the socket's buffers are not kept). */
  #hold(data: Buffer): void {
    const needed = this.#pendingBytes + data.length;
    if (needed > this.#pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.#pending.length * 2, 256));
      this.#pending.copy(grown, 0, 0, this.#pendingBytes);
      this.#pending = grown;
    }
    data.copy(this.#pending, this.#pendingBytes);
    this.#pendingBytes = needed;
  }

  #checkPendingSize(): string | undefined {
    const size = this.#pendingBytes;
    if (this.#state === 'chunk-size' || this.#state === 'chunk-end') {
      return size > MAX_CHUNK_LINE ? 'invalid HTTP response: chunk size line too long' : undefined;
    }
    return this.#headBytes + size > MAX_HEAD_BYTES ? 'HTTP response headers too large' : undefined;
  }

  /** One line of the head, a chunk size line, or a trailer. */
  #line(line: string): string | undefined {
    switch (this.#state) {
      case 'chunk-size': {
        const size = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/.exec(line);
        if (size === null) return `bad chunk size "${line.slice(0, 40)}"`;
        this.#remaining = parseInt(size[1]!, 16);
        this.#state = this.#remaining === 0 ? 'trailers' : 'chunk-data';
        return undefined;
      }
      case 'chunk-end':
        if (line !== '') return 'chunk data longer than its size';
        this.#state = 'chunk-size';
        return undefined;
      case 'trailers':
        if (line === '') this.#finish();
        return undefined;
      default:
        return this.#headLine(line);
    }
  }

  #headLine(line: string): string | undefined {
    // Empty lines before a status line are skipped, as Node's parser does (they count as head bytes).
    if (this.#lines === 0 && line === '') return undefined;
    if (this.#lines++ === 0) {
      const status = STATUS_LINE.exec(line);
      if (status === null) return `status line "${line.slice(0, 60)}"`;
      this.#status = Number(status[1]);
      return undefined;
    }
    if (line === '') return this.#endOfHead();
    if (line[0] === ' ' || line[0] === '\t') {
      // Obsolete line folding continues the previous field's value.
      if (this.#lastField === undefined) return 'folded line before any field';
      if (this.#lastField !== '') this.#fields[this.#lastField] += ` ${line.trim()}`;
      return undefined;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).toLowerCase() : '';
    if (!TOKEN.test(name)) return `header line "${line.slice(0, 60)}"`;
    this.#lastField = addField(this.#fields, name, line.slice(colon + 1).trim()) ? name : '';
    return undefined;
  }

  #endOfHead(): string | undefined {
    const status = this.#status;
    const headers = this.#fields;
    this.#fields = {};
    this.#lines = 0;
    this.#lastField = undefined;
    // An interim response (100 Continue, 103 Early Hints): the real one follows on the same bytes.
    if (status >= 100 && status < 200 && status !== 101) return undefined;
    const chunked = /(?:^|,)\s*chunked\s*$/i.test(headers['transfer-encoding'] ?? '');
    let length: number | undefined;
    if (!chunked && headers['content-length'] !== undefined) {
      const values = new Set(headers['content-length'].split(',').map((v) => v.trim()));
      const [value] = values;
      if (values.size !== 1 || !/^\d{1,15}$/.test(value!)) {
        return `Content-Length "${headers['content-length'].slice(0, 40)}"`;
      }
      length = Number(value);
      headers['content-length'] = value!;
    }
    this.sink.head({ status, headers });
    if (this.bodyless || status === 101 || status === 204 || status === 304 || length === 0) this.#finish();
    else if (chunked) this.#state = 'chunk-size';
    else if (length !== undefined) {
      this.#remaining = length;
      this.#state = 'sized';
    } else this.#state = 'until-close';
    return undefined;
  }

  #finish(): void {
    this.#state = 'done';
    this.sink.end();
  }
}
