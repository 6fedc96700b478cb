import type {
  ApiEvent,
  ApiResult,
  ApiTransport,
  MethodInput,
  MethodName,
  MethodOutput,
  SettingsView,
  SyncView,
} from '../../contract/index.js';

/** A handler of the fake core: returns the value (or a whole result, to fail). */
type Handler<M extends MethodName> = (
  input: MethodInput<M>,
) => MethodOutput<M> | ApiResult<MethodOutput<M>> | Promise<MethodOutput<M> | ApiResult<MethodOutput<M>>>;

/** Handlers by method; the ones left out answer with empty data. */
export type FakeHandlers = { [M in MethodName]?: Handler<M> };

/** An in-memory transport for store tests: scripted answers, recorded calls, pushed events. */
export interface FakeTransport extends ApiTransport {
  calls: { method: MethodName; input: unknown }[];
  emit(event: unknown): void;
}

/** Settings at their defaults. */
export const SETTINGS: SettingsView = {
  relayMode: 'embedded',
  remoteUrl: null,
  remoteTokenSet: false,
  theme: 'system',
  rawRetentionDays: 30,
  notifications: true,
  notificationsMutedUntil: null,
};

/** A connected, caught-up embedded relay. */
export const SYNC: SyncView = {
  mode: 'embedded',
  relayUrl: 'ws://127.0.0.1:7400/ws',
  connection: 'connected',
  lastError: null,
  nextAttemptAt: null,
  cursor: 0,
  catchUp: { live: true, received: 0, remaining: 0, fraction: 1 },
  pendingChanges: 0,
};

const DEFAULTS: FakeHandlers = {
  'app.info': () => ({
    version: '0.1.0',
    shell: 'web',
    dataDir: '/tmp/v',
    firstRun: false,
    embedded: { relayUrl: SYNC.relayUrl!, region: 'local' },
    regions: ['local'],
  }),
  'settings.get': () => SETTINGS,
  'sync.status': () => SYNC,
  'monitors.list': () => [],
  'incidents.list': () => [],
  'probes.list': () => [],
  'regions.list': () => [],
  'notifications.list': () => [],
};

/** A fake core answering with `handlers` (and empty data for everything else). */
export function fakeTransport(handlers: FakeHandlers = {}): FakeTransport {
  const listeners = new Set<(event: ApiEvent) => void>();
  const calls: FakeTransport['calls'] = [];
  return {
    calls,
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
      calls.push({ method, input });
      const handler = (handlers[method] ?? DEFAULTS[method]) as Handler<M> | undefined;
      if (handler === undefined)
        return { ok: false, error: { code: 'VANTAGE_ERR_UNKNOWN_METHOD', message: `no fake for ${method}` } };
      const answer = await handler(input);
      const isResult =
        typeof answer === 'object' && answer !== null && 'ok' in answer && typeof answer.ok === 'boolean';
      return isResult
        ? (answer as ApiResult<MethodOutput<M>>)
        : { ok: true, value: answer as MethodOutput<M> };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of listeners) listener(event as ApiEvent);
    },
  };
}
