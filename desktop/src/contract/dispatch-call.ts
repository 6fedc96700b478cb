import { ErrorCode } from '@vantage/shared';
import { type ApiResult, apiError, DesktopErrorCode, invalidInput } from './api-error.js';
import { API_METHODS, isMethodName, type MethodName, type ParsedInput } from './api-methods.js';
import type { ApiHandlers } from './desktop-api.js';

/**
 * Runs one call from any transport: checks the method name, parses the input with the method's
 * schema (a bad input names its fields and reaches no handler), runs the handler and turns a
 * thrown bug into an `internal` error so that no transport ever sees a throw.
 */
export async function dispatchCall(
  handlers: ApiHandlers,
  method: string,
  input: unknown,
  onInternalError: (method: string, error: unknown) => void = () => {},
): Promise<ApiResult<unknown>> {
  if (!isMethodName(method))
    return { ok: false, error: apiError(DesktopErrorCode.unknownMethod, `no method "${method}"`) };
  const parsed = API_METHODS[method].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
  try {
    const handler = handlers[method] as (
      input: ParsedInput<MethodName>,
    ) => Promise<ApiResult<unknown>> | ApiResult<unknown>;
    return await handler(parsed.data as ParsedInput<MethodName>);
  } catch (error) {
    onInternalError(method, error);
    return {
      ok: false,
      error: apiError(ErrorCode.internal, `${method} failed unexpectedly; see the app's log`),
    };
  }
}
