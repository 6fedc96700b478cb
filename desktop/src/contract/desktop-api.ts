import type { ApiEvent } from './api-events.js';
import type { ApiResult } from './api-error.js';
import type { MethodInput, MethodName, MethodOutput, ParsedInput } from './api-methods.js';

/** The API as a caller sees it (the renderer's client, the preload bridge): one async function per method. */
export type DesktopApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
};

/** The API as the core implements it: each handler gets its input already parsed. */
export type ApiHandlers = {
  [M in MethodName]: (
    input: ParsedInput<M>,
  ) => Promise<ApiResult<MethodOutput<M>>> | ApiResult<MethodOutput<M>>;
};

/** Stops a subscription. */
export type Unsubscribe = () => void;

/** What every transport offers a renderer: calls by name and the live event stream. */
export interface ApiTransport {
  /** Calls `method` with `input`; transport failures come back as `relayUnavailable`/`internal` errors, never as throws. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  /** Calls `listener` with every live event until unsubscribed. */
  subscribe(listener: (event: ApiEvent) => void): Unsubscribe;
}

/** The core's side of the contract: the handlers plus the event stream the transports forward. */
export interface ApiProvider {
  readonly handlers: ApiHandlers;
  /** Calls `listener` with every live event until unsubscribed. */
  onEvent(listener: (event: ApiEvent) => void): Unsubscribe;
}
