import type { FastifyInstance, FastifySchema } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  API_METHODS,
  type ApiHandlers,
  apiError,
  DesktopErrorCode,
  dispatchCall,
  METHOD_NAMES,
  type MethodSpec,
} from '../../contract/index.js';
import { ErrorBody, sendError } from './web-errors.js';

/** Where the REST API lives. */
export const API_PREFIX = '/api/v1';

const ERROR_RESPONSES = {
  400: ErrorBody.describe('The input is invalid; `error.fields` names every bad field'),
  401: ErrorBody.describe('No token, or not this run’s token'),
  404: ErrorBody.describe('No such monitor or incident'),
  500: ErrorBody.describe('An unexpected failure; the app log has the cause'),
  503: ErrorBody.describe('The relay is not connected'),
};

/** The documented params / querystring / body of a route, split from the method's one input schema. */
function inputSchemas(input: z.ZodType, pathParams: readonly string[], fromQuery: boolean): FastifySchema {
  const rest = fromQuery ? 'querystring' : 'body';
  if (!(input instanceof z.ZodObject)) return { [rest]: input };
  if (pathParams.length === 0)
    return Object.keys(input.shape).length === 0 && fromQuery ? {} : { [rest]: input };
  const shape = input.shape as Record<string, z.ZodType>;
  const inPath = Object.fromEntries(Object.entries(shape).filter(([key]) => pathParams.includes(key)));
  const others = Object.fromEntries(Object.entries(shape).filter(([key]) => !pathParams.includes(key)));
  const schemas: FastifySchema = { params: z.object(inPath) };
  if (Object.keys(others).length > 0) schemas[rest] = z.object(others);
  return schemas;
}

/**
 * Mounts one REST route per API method under `/api/v1`, from the method table's `http` entries.
 * GET and DELETE take their input from path and query; the others from the JSON body, with the
 * path's parameters laid over it (the URL wins). The route schemas only document the API: the
 * input is parsed by `dispatchCall` with the method's schema, exactly as for a WebSocket or IPC
 * call, so every transport answers a bad input with the same coded error naming its fields.
 */
export function registerRestRoutes(app: FastifyInstance, handlers: ApiHandlers, logger: Logger): void {
  for (const name of METHOD_NAMES) {
    const spec: MethodSpec = API_METHODS[name];
    const pathParams = [...spec.http.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
    const fromQuery = spec.http.method === 'GET' || spec.http.method === 'DELETE';
    app.route({
      method: spec.http.method,
      url: API_PREFIX + spec.http.path,
      schema: {
        operationId: name,
        summary: spec.summary,
        tags: [name.split('.')[0]!],
        ...inputSchemas(spec.input, pathParams, fromQuery),
        response: { 200: spec.output, ...ERROR_RESPONSES },
      },
      handler: async (request, reply) => {
        let fields: object;
        if (fromQuery) fields = request.query as object;
        else if (request.body === undefined || request.body === null) fields = {};
        else if (typeof request.body === 'object' && !Array.isArray(request.body)) fields = request.body;
        else
          return sendError(reply, apiError(DesktopErrorCode.invalidInput, 'the body must be a JSON object'));
        const input = { ...fields, ...(request.params as object) };
        const result = await dispatchCall(handlers, name, input, (method, error) =>
          logger.error({ err: error, method }, 'API handler failed'),
        );
        if (!result.ok) return sendError(reply, result.error);
        return reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(result.value));
      },
    });
  }
}
