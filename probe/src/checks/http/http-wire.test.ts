import net from 'node:net';
import zlib from 'node:zlib';
import { HttpMonitor, type MonitorInput } from '@vantage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { testCheckContext } from '../../test-targets/check-context.js';
import { CheckStop } from '../check-stop.js';
import { httpCheck } from './http-check.js';
import { MAX_HEAD_BYTES } from './http-response-parser.js';

type HttpInput = Omit<Extract<MonitorInput, { type: 'http' }>, 'id' | 'name' | 'type'>;

/** A server that answers every connection with scripted bytes, written piece by piece. */
interface WireServer {
  url: string;
  /** The raw bytes of each request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

async function wireServer(
  pieces: Array<string | Buffer>,
  options: { end?: boolean } = {},
): Promise<WireServer> {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let seen = '';
    socket.on('data', async (data) => {
      seen += data.toString('latin1');
      if (!seen.includes('\r\n\r\n') || requests.length > 0) return;
      requests.push(seen);
      // One piece per turn, so the client meets every split a slow network could produce.
      for (const piece of pieces) {
        if (socket.destroyed) return;
        socket.write(piece);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      if (options.end !== false) socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wire?q=1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Splits a string into single bytes: the harshest framing a parser can meet. */
const bytewise = (text: string) => [...Buffer.from(text, 'latin1')].map((b) => Buffer.from([b]));

let server: WireServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function check(input: Partial<HttpInput> & { url: string }, timeoutS = 2) {
  const monitor = HttpMonitor.parse({ id: 'w', name: 'W', type: 'http', timeout: timeoutS, ...input });
  return httpCheck.run(monitor, testCheckContext({ bodyLimitBytes: 64 * 1024 }));
}

describe('http check on the wire', () => {
  it('reads a chunked body with extensions and trailers, fed one byte at a time', async () => {
    const response =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n' +
      '5;name=x\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n';
    server = await wireServer(bytewise(response), { end: false });
    const result = await check({ url: server.url });
    expect(result.ok && result.observation).toMatchObject({ status: 200, body: 'hello, world' });
  });

  it('reads exactly Content-Length bytes without waiting for the connection to close', async () => {
    server = await wireServer(['HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\nbody', 'ignored'], {
      end: false,
    });
    const result = await check({ url: server.url });
    expect(result.ok && result.observation).toMatchObject({ status: 201, body: 'body' });
  });

  it('reads a body without framing until the server closes', async () => {
    server = await wireServer(['HTTP/1.0 200 OK\r\n\r\npart one, ', 'part two']);
    const result = await check({ url: server.url });
    expect(result.ok && result.observation).toMatchObject({ status: 200, body: 'part one, part two' });
  });

  it('skips 100 Continue and 103 Early Hints and reports the final response', async () => {
    server = await wireServer([
      'HTTP/1.1 100 Continue\r\n\r\n',
      'HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n',
      'HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\ndown',
    ]);
    const result = await check({ url: server.url });
    expect(result.ok && result.observation).toMatchObject({ status: 503, body: 'down' });
  });

  it('reads no body after HEAD, 204 or 304 even when a length is announced', async () => {
    server = await wireServer(['HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n'], { end: false });
    const head = await check({ url: server.url, method: 'HEAD' });
    expect(head.ok && head.observation).toMatchObject({ status: 200, body: '' });
    await server.close();
    server = await wireServer(['HTTP/1.1 204 No Content\r\n\r\n'], { end: false });
    const empty = await check({ url: server.url });
    expect(empty.ok && empty.observation).toMatchObject({ status: 204, body: '' });
  });

  it('joins repeated fields as Node does, keeps the first of single ones, and unfolds folded lines', async () => {
    server = await wireServer([
      'HTTP/1.1 200 OK\r\nX-Multi: a\r\nx-multi: b\r\nContent-Type: text/plain\r\n' +
        'Content-Type: text/html\r\nX-Folded: one\r\n  two\r\nContent-Length: 0\r\n\r\n',
    ]);
    const result = await check({ url: server.url });
    expect(result.ok && result.observation.headers).toMatchObject({
      'x-multi': 'a, b',
      'content-type': 'text/plain',
      'x-folded': 'one two',
    });
  });

  it.each([
    [
      'a status line that is not HTTP',
      'SMTP ready\r\n\r\n',
      /^invalid HTTP response: status line "SMTP ready"/,
    ],
    [
      'a field line without a colon',
      'HTTP/1.1 200 OK\r\nbroken line\r\n\r\n',
      /^invalid HTTP response: header line/,
    ],
    [
      'disagreeing lengths',
      'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd',
      /^invalid HTTP response: Content-Length "3, 4"/,
    ],
    [
      'a bad chunk size',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      /bad chunk size "zz"/,
    ],
    [
      'a body cut short',
      'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc',
      /^connection closed before the response body ended$/,
    ],
    ['nothing at all', '', /^connection closed before a response$/],
    ['a head cut short', 'HTTP/1.1 200 OK\r\nContent-Le', /^connection closed before a response$/],
    ['only an interim response', 'HTTP/1.1 100 Continue\r\n\r\n', /^connection closed before a response$/],
    [
      'a chunk line longer than 16 KiB',
      `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;${'e'.repeat(17_000)}\r\nok\r\n0\r\n\r\n`,
      /^invalid HTTP response: chunk size line too long$/,
    ],
  ])('fails the check on %s, naming the problem', async (_what, bytes, message) => {
    server = await wireServer([bytes]);
    const result = await check({ url: server.url });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('refuses a response head larger than the limit instead of buffering it', async () => {
    const big = `HTTP/1.1 200 OK\r\nX-Big: ${'x'.repeat(MAX_HEAD_BYTES)}\r\n\r\n`;
    server = await wireServer([big], { end: false });
    const result = await check({ url: server.url });
    expect(!result.ok && result.error).toBe('HTTP response headers too large');
  });

  it('sends one well-formed request: method, path with query, fields in order, body with its length', async () => {
    server = await wireServer(['HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n']);
    await check({
      url: server.url,
      method: 'POST',
      headers: { 'X-One': '1', 'Content-Type': 'application/json' },
      body: '{"ü":1}',
    });
    const [request] = server.requests;
    const [head, body] = request!.split('\r\n\r\n');
    const lines = head!.split('\r\n');
    expect(lines[0]).toBe('POST /wire?q=1 HTTP/1.1');
    expect(lines).toContain('content-length: 8');
    expect(lines.indexOf('x-one: 1')).toBeLessThan(lines.indexOf('content-type: application/json'));
    expect(Buffer.from(body!, 'latin1').toString('utf8')).toBe('{"ü":1}');
  });

  it('announces an empty POST body with Content-Length: 0, and a GET with none', async () => {
    server = await wireServer(['HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n']);
    await check({ url: server.url, method: 'POST' });
    expect(server.requests[0]).toMatch(/\r\ncontent-length: 0\r\n/);
    await server.close();
    server = await wireServer(['HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n']);
    await check({ url: server.url });
    expect(server.requests[0]).not.toMatch(/content-length/i);
  });

  it('skips empty lines before the status line, as Node does', async () => {
    server = await wireServer(['\r\n', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok']);
    const result = await check({ url: server.url });
    expect(result.ok && result.observation).toMatchObject({ status: 200, body: 'ok' });
  });

  it('accepts a chunk extension longer than 1 KiB however the network splits it', async () => {
    const line = `2;${'e'.repeat(2000)}\r\n`;
    server = await wireServer([
      `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${line.slice(0, 1500)}`,
      `${line.slice(1500)}ok\r\n0\r\n\r\n`,
    ]);
    const result = await check({ url: server.url });
    expect(result.ok && result.observation).toMatchObject({ status: 200, body: 'ok' });
  });

  it('keeps fields named like Object properties, and drops the folded rest of a dropped repeat', async () => {
    server = await wireServer([
      'HTTP/1.1 200 OK\r\nConstructor: c\r\ntoString: t\r\nContent-Type: text/plain\r\n' +
        'Content-Type: text/html\r\n ; charset=latin1\r\nContent-Length: 0\r\n\r\n',
    ]);
    const result = await check({ url: server.url });
    const headers = result.ok ? result.observation.headers : undefined;
    expect(headers?.constructor).toBe('c');
    expect(headers?.tostring).toBe('t');
    expect(headers?.['content-type']).toBe('text/plain');
  });

  it.each([
    ['HEAD', 'HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 120\r\n\r\n'],
    ['GET', 'HTTP/1.1 204 No Content\r\nContent-Encoding: br\r\n\r\n'],
    ['GET', 'HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nContent-Length: 0\r\n\r\n'],
    ['GET', 'HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ] as const)('reads an empty compressed body as empty (%s %#)', async (method, bytes) => {
    server = await wireServer([bytes], { end: false });
    const result = await check({ url: server.url, method });
    expect(result.ok && result.observation).toMatchObject({ body: '' });
  });

  it('does not buffer a compressed flood faster than it can inflate it', async () => {
    // Empty gzip members inflate to nothing, so the body limit never ends the download.
    const member = zlib.gzipSync(Buffer.alloc(0));
    const block = Buffer.concat(Array.from({ length: 4096 }, () => member));
    const sockets = new Set<net.Socket>();
    const raw = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n');
        const pump = (): void => {
          while (!socket.destroyed && socket.write(block));
          if (!socket.destroyed) socket.once('drain', pump);
        };
        pump();
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const { port } = raw.address() as net.AddressInfo;
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 20);
    const stop = new CheckStop();
    const timer = setTimeout(() => stop.stop('timeout after 1.5 s'), 1500);
    try {
      const monitor = HttpMonitor.parse({
        id: 'w',
        name: 'W',
        type: 'http',
        url: `http://127.0.0.1:${port}/`,
      });
      const result = await httpCheck.run(monitor, testCheckContext({ stop }));
      expect(!result.ok && result.error).toBe('timeout after 1.5 s');
      expect(peak - before).toBeLessThan(64 * 1024 * 1024);
    } finally {
      clearInterval(sample);
      clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });
});
