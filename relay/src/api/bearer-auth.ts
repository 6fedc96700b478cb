import { ErrorCode } from '@vantage/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenBucket } from '../hub/token-bucket.js';
import type { TokenRecord, TokenStore } from '../storage/relay-storage.js';
import { sendApiError } from './api-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The desktop token that authenticated this API request. */
    token: TokenRecord | null;
  }
}

/** What the API's authentication needs: the token store, a clock and the per-token request budget. */
export interface BearerAuthOptions {
  tokens: TokenStore;
  now: () => number;
  requestsPerSecond: number;
  burst: number;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Requires `Authorization: Bearer <desktop token>` on every route of `scope`. No token, an unknown
 * one or a revoked one answers 401; a probe token answers 403 (probes only submit results, over
 * their WebSocket). Each token also gets a request budget, answered 429 when spent.
 */
export function requireDesktopToken(scope: FastifyInstance, options: BearerAuthOptions): void {
  // Keyed by verified token ids only, so the map is as small as the token table.
  const buckets = new Map<string, TokenBucket>();
  const bucketOf = (tokenId: string) => {
    let bucket = buckets.get(tokenId);
    if (!bucket) {
      bucket = new TokenBucket(options.requestsPerSecond, options.burst, options.now);
      buckets.set(tokenId, bucket);
    }
    return bucket;
  };
  scope.decorateRequest('token', null);
  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const match = header === undefined ? null : BEARER.exec(header);
    if (!match) {
      reply.header('www-authenticate', 'Bearer realm="vantage-relay"');
      return sendApiError(
        reply,
        401,
        ErrorCode.unauthenticated,
        'send a desktop token as "Authorization: Bearer <token>"',
      );
    }
    const now = options.now();
    const token = options.tokens.verify(match[1]!, now);
    if (token === null) {
      reply.header('www-authenticate', 'Bearer realm="vantage-relay", error="invalid_token"');
      return sendApiError(reply, 401, ErrorCode.unauthenticated, 'the token is unknown or revoked');
    }
    if (token.role !== 'desktop') {
      return sendApiError(
        reply,
        403,
        ErrorCode.forbidden,
        `a ${token.role} token cannot use the API; use a desktop token`,
      );
    }
    if (!bucketOf(token.id).take()) {
      reply.header('retry-after', '1');
      return sendApiError(reply, 429, ErrorCode.rateLimited, 'too many requests for this token; slow down');
    }
    request.token = token;
  });
}
