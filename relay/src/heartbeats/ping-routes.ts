import { ErrorCode, HEARTBEAT_LIMITS, type PingKind, RunId } from '@vantage/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendApiError } from '../api/api-error.js';
import type { HeartbeatService } from './heartbeat-service.js';
import type { PingLimits } from './ping-limits.js';

/** What the ping routes need. */
export interface PingRouteDeps {
  service: HeartbeatService;
  limits: PingLimits;
  now: () => number;
}

const TOO_LARGE = `the ping body is larger than ${HEARTBEAT_LIMITS.maxRequestBytes} bytes (1 MB) and was not stored; only the last 10 KB of a log is kept, so send only its end, e.g. | tail -c 10000`;
/** What a log cut to its end starts with. */
export const TRUNCATED_MARK = '[…truncated]\n';
const KEPT_BYTES = HEARTBEAT_LIMITS.maxBodyBytes - Buffer.byteLength(TRUNCATED_MARK);
const EXIT_CODE = /^\d{1,3}$/;

/** What a ping's last path segment says; an error sentence when it says nothing valid. */
function signalOf(segment: string | undefined): { kind: PingKind; exitCode: number | null } | string {
  if (segment === undefined) return { kind: 'success', exitCode: null };
  if (segment === 'start') return { kind: 'start', exitCode: null };
  if (segment === 'fail') return { kind: 'fail', exitCode: null };
  if (EXIT_CODE.test(segment) && Number(segment) <= 255) {
    const code = Number(segment);
    return { kind: code === 0 ? 'success' : 'fail', exitCode: code };
  }
  return `"${segment.slice(0, 20)}" is not a signal: use /start, /fail or an exit code 0..255`;
}

/**
 * The public ping URLs (no authentication: the token in the path is the secret):
 * `/hb/<token>` (success), `/hb/<token>/start`, `/hb/<token>/fail`, `/hb/<token>/<exit code>`,
 * by GET, POST or HEAD, with an optional body (kept as the run's log: its last 10 KB, of at most 1 MB) and an
 * optional `?rid=` pairing a run's start and end. The answer (`OK`) is sent after the ping is
 * committed to the database.
 */
export async function registerPingRoutes(app: FastifyInstance, deps: PingRouteDeps): Promise<void> {
  await app.register(async (hb) => {
    // Any body is a log: read raw bytes of any content type, bounded before it is buffered.
    hb.removeAllContentTypeParsers();
    hb.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: HEARTBEAT_LIMITS.maxRequestBytes },
      (_r, body, done) => done(null, body),
    );
    // A callback hook: an async one costs every ping a promise and a tick.
    hb.addHook('onRequest', (request, reply, done) => {
      const length = Number(request.headers['content-length'] ?? 0);
      if (length > HEARTBEAT_LIMITS.maxRequestBytes) {
        reply.header('connection', 'close');
        sendApiError(reply, 413, ErrorCode.frameTooLarge, TOO_LARGE);
        return;
      }
      done();
    });
    hb.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.statusCode === 413) return sendApiError(reply, 413, ErrorCode.frameTooLarge, TOO_LARGE);
      if (error.statusCode !== undefined && error.statusCode < 500) {
        return sendApiError(reply, error.statusCode, ErrorCode.invalidMessage, error.message);
      }
      request.log.error({ err: error }, 'ping failed');
      return sendApiError(reply, 500, ErrorCode.internal, 'the ping was not stored; try again');
    });
    const handler = (request: FastifyRequest, reply: FastifyReply) => receivePing(request, reply, deps);
    // HEAD is served by the GET routes (Fastify adds it), and records the ping the same way.
    hb.route({ method: ['GET', 'POST'], url: '/hb/:token', schema: { hide: true }, handler });
    hb.route({ method: ['GET', 'POST'], url: '/hb/:token/:signal', schema: { hide: true }, handler });
  });
}

async function receivePing(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PingRouteDeps,
): Promise<FastifyReply> {
  const { token, signal: segment } = request.params as { token: string; signal?: string };
  const track = deps.service.byToken(token);
  if (track === undefined) {
    if (!deps.limits.takeUnknown(request.ip)) return tooMany(reply);
    return sendApiError(
      reply,
      404,
      ErrorCode.notFound,
      'no heartbeat has this URL; copy it again from the monitor (its token may have been rotated)',
    );
  }
  if (!deps.limits.takeToken(token)) return tooMany(reply);
  const signal = signalOf(segment);
  if (typeof signal === 'string') {
    return sendApiError(reply, 400, ErrorCode.invalidMessage, signal, [{ path: 'signal', message: signal }]);
  }
  const ridParam = (request.query as Record<string, unknown>).rid;
  let rid: string | null = null;
  if (ridParam !== undefined) {
    const parsed = RunId.safeParse(ridParam);
    if (!parsed.success) {
      const message = 'rid must be 1-64 letters, digits, "_" or "-" (a UUID works)';
      return sendApiError(reply, 400, ErrorCode.invalidMessage, message, [{ path: 'rid', message }]);
    }
    rid = parsed.data;
  }
  const body = Buffer.isBuffer(request.body) ? logOf(request.body) : '';
  await deps.service.ping({
    monitorId: track.monitor.id,
    at: deps.now(),
    kind: signal.kind,
    exitCode: signal.exitCode,
    rid,
    body,
  });
  return reply.type('text/plain; charset=utf-8').send('OK');
}

/** A body as the run's log: whole when it fits, else its end (where a job's error usually is), marked. */
export function logOf(body: Buffer): string {
  if (body.length <= HEARTBEAT_LIMITS.maxBodyBytes) return body.toString('utf8');
  let start = body.length - KEPT_BYTES;
  // Not in the middle of a UTF-8 character: skip its continuation bytes.
  while (start < body.length && (body[start]! & 0xc0) === 0x80) start += 1;
  return TRUNCATED_MARK + body.subarray(start).toString('utf8');
}

function tooMany(reply: FastifyReply): FastifyReply {
  reply.header('retry-after', '1');
  return sendApiError(reply, 429, ErrorCode.rateLimited, 'too many pings; slow down (see Retry-After)');
}
