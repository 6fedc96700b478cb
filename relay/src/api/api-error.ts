import {
  ErrorCode,
  type FieldError,
  formatFieldErrors,
  type WireError,
  zodIssuesToFieldErrors,
} from '@vantage/shared';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

const codes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

/** The body of every 4xx and 5xx answer: a stable code, a sentence, and one entry per bad field. */
export const ApiErrorBody = z.object({
  code: z.enum(codes),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })),
});
/** The body of every error answer. */
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** An expected failure a route handler throws; the error handler turns it into its status and body. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }
}

/** The HTTP status of each code a service can fail with; anything else is the server's fault. */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.invalidMessage]: 400,
  [ErrorCode.invalidMonitor]: 400,
  [ErrorCode.invalidCondition]: 400,
  [ErrorCode.unauthenticated]: 401,
  [ErrorCode.forbidden]: 403,
  [ErrorCode.notFound]: 404,
  [ErrorCode.revisionConflict]: 409,
  [ErrorCode.frameTooLarge]: 413,
  [ErrorCode.rateLimited]: 429,
};

/** The API error for a service failure (the same value a WebSocket client gets as an error frame). */
export function apiErrorOf(error: WireError): ApiError {
  return new ApiError(STATUS_OF[error.code] ?? 500, error.code, error.message, error.details ?? []);
}

/** Sends an error answer in the one shape clients parse. */
export function sendApiError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  details: FieldError[] = [],
): FastifyReply {
  const body: ApiErrorBody = { code, message, details };
  return reply.code(status).type('application/json').send(JSON.stringify(body));
}

/** Route config: which code a schema failure of this route carries (a monitor body says `invalidMonitor`). */
export interface ValidationCodeConfig {
  invalidCode?: ErrorCode;
}

/**
 * Installs the app's error and not-found handlers so every failure answers `{ code, message,
 * details }`: schema failures are 400 naming each field, malformed or oversized bodies are 400/413,
 * and anything unexpected is a logged 500 that reveals nothing of the cause.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    sendApiError(
      reply,
      404,
      ErrorCode.notFound,
      `no route for ${request.method} ${request.url.split('?')[0]}`,
    );
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return sendApiError(reply, error.statusCode, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = validationDetails(error.validation);
      const where = error.validationContext ?? 'request';
      const code =
        (request.routeOptions.config as ValidationCodeConfig).invalidCode ?? ErrorCode.invalidMessage;
      return sendApiError(reply, 400, code, `invalid ${where}: ${formatFieldErrors(details, 5)}`, details);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported content type.
      const code =
        status === 413
          ? ErrorCode.frameTooLarge
          : status === 429
            ? ErrorCode.rateLimited
            : ErrorCode.invalidMessage;
      return sendApiError(reply, status, code, error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendApiError(reply, 500, ErrorCode.internal, 'internal error; see the relay log');
  });
}

/**
 * Rebuilds zod's issues from the type provider's validation errors (it keeps every field of the
 * issue but path, code and message, which it moves to other keys) so the shared wording applies.
 */
function validationDetails(
  validation: readonly { instancePath: string; keyword: string; message?: string; params: object }[],
): FieldError[] {
  const issues = validation.map((v) => ({
    ...v.params,
    code: v.keyword,
    path: v.instancePath.split('/').filter((segment) => segment !== ''),
    message: v.message ?? '',
  }));
  return zodIssuesToFieldErrors(issues as unknown as Parameters<typeof zodIssuesToFieldErrors>[0]);
}
