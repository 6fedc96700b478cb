import { ErrorCode, validateMonitor } from '@vantage/shared';
import {
  type ApiEvent,
  type ApiHandlers,
  type ApiProvider,
  apiError,
  fieldsError,
  type MonitorView,
} from '../../../contract/index.js';

/** A small in-memory {@link ApiProvider} for transport tests, with a hook to push events. */
export interface MemoryApiProvider extends ApiProvider {
  /** Pushes a live event to every subscriber, as the core would. */
  emit(event: ApiEvent): void;
  /** How many event listeners are subscribed. */
  listeners(): number;
}

/** The view of a monitor that has no verdict and no checks yet. */
export function freshView(monitor: MonitorView['monitor']): MonitorView {
  return {
    monitor,
    status: 'pending',
    statusMessage: 'waiting for the first check',
    statusSince: null,
    regionStatuses: [],
    last: null,
    regions: [],
    uptime24h: null,
    bars: [],
    openIncidentId: null,
    synced: true,
  };
}

/**
 * A provider with a working monitor list (create, get, list, delete, validated by shared's
 * `validateMonitor`); every other method throws, which `dispatchCall` turns into `internal`.
 */
export function memoryApiProvider(): MemoryApiProvider {
  const monitors = new Map<string, MonitorView>();
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => {
    for (const listener of listeners) listener(event);
  };
  const implemented: Partial<ApiHandlers> = {
    'monitors.list': () => ({ ok: true, value: [...monitors.values()] }),
    'monitors.get': ({ monitorId }) => {
      const view = monitors.get(monitorId);
      return view
        ? { ok: true, value: view }
        : { ok: false, error: apiError(ErrorCode.notFound, `no monitor with id "${monitorId}"`) };
    },
    'monitors.create': ({ monitor }) => {
      const checked = validateMonitor(monitor);
      if (!checked.ok)
        return { ok: false, error: fieldsError(ErrorCode.invalidMonitor, checked.error, 'monitor.') };
      const view = freshView(checked.value);
      monitors.set(view.monitor.id, view);
      emit({ type: 'monitors.changed', monitors: [view] });
      return { ok: true, value: view };
    },
    'monitors.delete': ({ monitorId }) => {
      if (!monitors.delete(monitorId))
        return { ok: false, error: apiError(ErrorCode.notFound, `no monitor with id "${monitorId}"`) };
      emit({ type: 'monitors.removed', monitorIds: [monitorId] });
      return { ok: true, value: { deleted: true } };
    },
  };
  const handlers = new Proxy(implemented, {
    get(target, name: string) {
      return (
        target[name as keyof ApiHandlers] ??
        (() => {
          throw new Error(`${name} is not implemented by the memory provider`);
        })
      );
    },
  }) as ApiHandlers;
  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    listeners: () => listeners.size,
  };
}
