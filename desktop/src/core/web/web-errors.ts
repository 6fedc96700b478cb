import { ErrorCode } from '@vantage/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiError, DesktopErrorCode } from '../../contract/index.js';

/** The body of every failed REST answer: the same coded error a WebSocket or IPC caller gets. */
export const ErrorBody = z.object({ error: ApiError });
/** The body of every failed REST answer. */
export type ErrorBody = z.infer<typeof ErrorBody>;

type Code = ErrorCode | (typeof DesktopErrorCode)[keyof typeof DesktopErrorCode];

/** The HTTP status of each code; a complete table, so adding a code forces a decision here. */
const STATUS_OF: Record<Code, number> = {
  [ErrorCode.invalidMessage]: 400,
  [ErrorCode.invalidMonitor]: 400,
  [ErrorCode.invalidCondition]: 400,
  [ErrorCode.unknownType]: 400,
  [ErrorCode.unsupportedVersion]: 400,
  [DesktopErrorCode.invalidInput]: 400,
  [DesktopErrorCode.invalidImport]: 400,
  [ErrorCode.unauthenticated]: 401,
  [ErrorCode.forbidden]: 403,
  [ErrorCode.notFound]: 404,
  [DesktopErrorCode.unknownMethod]: 404,
  [ErrorCode.revisionConflict]: 409,
  [ErrorCode.frameTooLarge]: 413,
  [ErrorCode.rateLimited]: 429,
  [DesktopErrorCode.relayUnavailable]: 503,
  [ErrorCode.notReady]: 503,
  [DesktopErrorCode.storage]: 500,
  [ErrorCode.internal]: 500,
};

/** The HTTP status a REST answer carrying this error code gets. */
export function httpStatusOf(code: ApiError['code']): number {
  return STATUS_OF[code as Code] ?? 500;
}

/** Sends `{ error }` with the status its code maps to (or `status` when given). */
export function sendError(
  reply: FastifyReply,
  error: ApiError,
  status = httpStatusOf(error.code),
): FastifyReply {
  const body: ErrorBody = { error };
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}
