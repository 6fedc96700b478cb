import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode } from '@vantage/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiError } from '../../contract/index.js';
import { sendError } from './web-errors.js';
import { SIGN_IN_PAGE } from './web-pages.js';

/** The query parameter of the sign-in address (`/?token=…`). */
export const TOKEN_QUERY = 'token';

/** A fresh access token: 32 random bytes, base64url. */
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The address the server listens on, known once it listens (port 0 picks one). */
export interface ListeningAddress {
  /** The host as it appears in a URL: `127.0.0.1`, `[::1]`. */
  urlHost: string;
  port: number;
}

/** Tells the guard where the server listens; until then it refuses every request. */
export interface AccessGuard {
  listening(address: ListeningAddress): void;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Guards every route of `app` (pages, assets, REST, WebSocket, docs), in this order:
 *
 * 1. The Host header must name the loopback address the server listens on, so a page on another
 *    site cannot reach it by rebinding its own DNS name to 127.0.0.1.
 * 2. A request carrying an Origin must come from that same address. SameSite cookies alone do not
 *    cover this: any other local server (`127.0.0.1:8080`) is the same *site*.
 * 3. `GET /?token=…` with the right token sets an HttpOnly, SameSite=Strict cookie and redirects
 *    to `/`, so the token leaves the address bar and the history at once.
 * 4. Everything else needs that cookie or `Authorization: Bearer <token>`: without it a browser
 *    gets a page saying where the address with the token is printed, other clients a JSON error.
 */
export function registerAccessGuard(app: FastifyInstance, token: string): AccessGuard {
  const expected = digest(token);
  const matches = (candidate: string) => timingSafeEqual(digest(candidate), expected);
  let hosts = new Set<string>();
  let origins = new Set<string>();
  let primaryHost = '';
  // Browsers scope cookies by host, not port: the port in the name keeps two instances apart.
  let cookieName = 'vantage_token';

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const host = request.headers.host?.toLowerCase();
    if (host === undefined || !hosts.has(host)) {
      return sendError(
        reply,
        apiError(ErrorCode.forbidden, `this server answers only to http://${primaryHost}/`),
        403,
      );
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.has(origin.toLowerCase())) {
      return sendError(
        reply,
        apiError(
          ErrorCode.forbidden,
          `requests from ${origin} are refused; only this app's own pages may call it`,
        ),
        403,
      );
    }
    const url = new URL(request.url, `http://${host}`);
    const offered = url.searchParams.get(TOKEN_QUERY);
    if (request.method === 'GET' && url.pathname === '/' && offered !== null) {
      if (!matches(offered))
        return refuse(request, reply, "the token in the address is not this run's token");
      reply.header('set-cookie', `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`);
      reply.header('cache-control', 'no-store');
      return reply.redirect('/', 302);
    }
    const bearer = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const presented = bearer ?? cookieValue(request.headers.cookie, cookieName);
    if (presented === undefined) {
      return refuse(
        request,
        reply,
        'open the address printed at start-up (it ends in ?token=…) or send "Authorization: Bearer <token>"',
      );
    }
    if (!matches(presented))
      return refuse(request, reply, "the token is not this run's token; a new one is made at each start");
  });

  return {
    listening({ urlHost, port }) {
      const names = [urlHost, ...(urlHost === '127.0.0.1' || urlHost === '[::1]' ? ['localhost'] : [])];
      hosts = new Set(names.map((name) => `${name}:${port}`.toLowerCase()));
      origins = new Set([...hosts].map((h) => `http://${h}`));
      primaryHost = `${urlHost}:${port}`;
      cookieName = `vantage_token_${port}`;
    },
  };
}

/** A 401: the sign-in page for a browser, a coded JSON error for anything else. */
function refuse(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  reply.header('www-authenticate', 'Bearer realm="vantage-desktop"');
  if ((request.headers.accept ?? '').includes('text/html')) {
    return reply
      .code(401)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(SIGN_IN_PAGE);
  }
  return sendError(reply, apiError(ErrorCode.unauthenticated, message), 401);
}
