import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stand-in service received. */
export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the stand-in answers. `hang` never answers, to exercise timeouts. */
export interface ScriptedReply {
  status: number;
  body?: string | object;
  headers?: Record<string, string>;
  hang?: boolean;
}

/** A local HTTP server standing in for Slack, Twilio and the rest: records requests, answers as scripted. */
export interface RecordingServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  requests: RecordedRequest[];
  /** Sets the answer to every following request. */
  reply(reply: ScriptedReply | ((request: RecordedRequest) => ScriptedReply)): void;
  close(): Promise<void>;
}

/** Starts a recording server on 127.0.0.1 with an OS-chosen port. */
export async function startRecordingServer(
  initial: ScriptedReply = { status: 200, body: 'ok' },
): Promise<RecordingServer> {
  let script: ScriptedReply | ((request: RecordedRequest) => ScriptedReply) = initial;
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const reply = typeof script === 'function' ? script(recorded) : script;
      if (reply.hang) return;
      const body = typeof reply.body === 'object' ? JSON.stringify(reply.body) : (reply.body ?? '');
      const type = typeof reply.body === 'object' ? 'application/json' : 'text/plain';
      res.writeHead(reply.status, { 'content-type': type, ...reply.headers }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (next) => {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
